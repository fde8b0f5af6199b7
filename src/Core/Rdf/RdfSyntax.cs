namespace Harmony.Core.Rdf;

/// <summary>
/// Character classes and small validators from the RDF 1.1 N-Quads grammar, shared by the term constructors (which
/// must accept exactly what the reader accepts) and the reader and writer.
/// </summary>
internal static class RdfSyntax
{
    /// <summary>True when a code point may not appear in an IRI (the complement of IRIREF's allowed characters).</summary>
    public static bool IsIriForbidden(int codePoint) =>
        codePoint <= 0x20 || codePoint is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\';

    /// <summary>True when the IRI starts with a scheme (<c>ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"</c>).</summary>
    public static bool HasScheme(ReadOnlySpan<char> iri)
    {
        if (iri.Length < 2 || !char.IsAsciiLetter(iri[0])) return false;
        for (var i = 1; i < iri.Length; i++)
        {
            var c = iri[i];
            if (c == ':') return true;
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.') return false;
        }
        return false;
    }

    /// <summary>Returns an error message when <paramref name="iri"/> is not an absolute IRI N-Quads can carry, else null.</summary>
    public static string? ValidateIri(ReadOnlySpan<char> iri)
    {
        for (var i = 0; i < iri.Length; i++)
        {
            if (IsIriForbidden(iri[i])) return $"character U+{(int)iri[i]:X4} is not allowed in an IRI";
        }
        if (FindLoneSurrogate(iri) >= 0) return "the IRI contains an unpaired surrogate";
        return HasScheme(iri) ? null : "the IRI is not absolute (it has no scheme)";
    }

    /// <summary>PN_CHARS_BASE of the grammar.</summary>
    public static bool IsPnCharsBase(int c) =>
        c is >= 'A' and <= 'Z' or >= 'a' and <= 'z'
            or >= 0x00C0 and <= 0x00D6 or >= 0x00D8 and <= 0x00F6 or >= 0x00F8 and <= 0x02FF
            or >= 0x0370 and <= 0x037D or >= 0x037F and <= 0x1FFF or >= 0x200C and <= 0x200D
            or >= 0x2070 and <= 0x218F or >= 0x2C00 and <= 0x2FEF or >= 0x3001 and <= 0xD7FF
            or >= 0xF900 and <= 0xFDCF or >= 0xFDF0 and <= 0xFFFD or >= 0x10000 and <= 0xEFFFF;

    /// <summary>
    /// PN_CHARS_U without ':'. The RDF 1.1 N-Triples/N-Quads grammar text lists ':' here, but the W3C suite's
    /// negative tests reject <c>_::a</c> and <c>_:abc:def</c> (as Turtle's grammar does), and the suite wins.
    /// </summary>
    public static bool IsPnCharsU(int c) => c == '_' || IsPnCharsBase(c);

    /// <summary>PN_CHARS of the grammar.</summary>
    public static bool IsPnChars(int c) =>
        c is '-' or >= '0' and <= '9' or 0x00B7 or >= 0x0300 and <= 0x036F or >= 0x203F and <= 0x2040 || IsPnCharsU(c);

    /// <summary>True when <paramref name="label"/> matches the label part of BLANK_NODE_LABEL.</summary>
    public static bool IsValidBlankNodeLabel(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty) return false;
        var i = 0;
        var first = true;
        var last = 0;
        while (i < label.Length)
        {
            if (!TryReadCodePoint(label, i, out var cp, out var width)) return false;
            var ok = first ? IsPnCharsU(cp) || cp is >= '0' and <= '9' : IsPnChars(cp) || cp == '.';
            if (!ok) return false;
            first = false;
            last = cp;
            i += width;
        }
        return last != '.';
    }

    /// <summary>True when <paramref name="tag"/> matches LANGTAG without its '@': <c>[a-zA-Z]+ ('-' [a-zA-Z0-9]+)*</c>.</summary>
    public static bool IsValidLanguageTag(ReadOnlySpan<char> tag)
    {
        if (tag.IsEmpty) return false;
        var i = 0;
        while (i < tag.Length && char.IsAsciiLetter(tag[i])) i++;
        if (i == 0) return false;
        while (i < tag.Length)
        {
            if (tag[i] != '-') return false;
            var start = ++i;
            while (i < tag.Length && char.IsAsciiLetterOrDigit(tag[i])) i++;
            if (i == start) return false;
        }
        return true;
    }

    /// <summary>Index of the first unpaired UTF-16 surrogate, or -1 when the text is well-formed Unicode.</summary>
    public static int FindLoneSurrogate(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0) return -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsSurrogate(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /// <summary>Reads one code point (a BMP char or a surrogate pair) at <paramref name="index"/>.</summary>
    public static bool TryReadCodePoint(ReadOnlySpan<char> text, int index, out int codePoint, out int width)
    {
        var c = text[index];
        if (!char.IsSurrogate(c))
        {
            codePoint = c;
            width = 1;
            return true;
        }
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            codePoint = char.ConvertToUtf32(c, text[index + 1]);
            width = 2;
            return true;
        }
        codePoint = c;
        width = 1;
        return false;
    }
}
