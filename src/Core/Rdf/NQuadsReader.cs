using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Harmony.Core.Rdf.Vocabulary;

namespace Harmony.Core.Rdf;

/// <summary>
/// A streaming RDF 1.1 N-Quads reader: it holds one line at a time, so memory stays bounded by
/// <see cref="NQuadsOptions.MaxLineLength"/> whatever the document size. Every error is an
/// <see cref="NQuadsSyntaxException"/> carrying the line and column. Not thread-safe.
/// </summary>
public sealed class NQuadsReader
{
    // Repeated IRIs, labels and language tags (predicates, graph names, datatypes) reuse one instance instead of
    // allocating a string per occurrence; the caps keep a hostile document from growing the caches without bound.
    private const int IriCacheCapacity = 4096;
    private const int BlankNodeCacheCapacity = 4096;
    private const int LanguageCacheCapacity = 256;

    // Characters that end the plain run of an IRI: '>', an escape, or a character IRIREF forbids.
    private static readonly SearchValues<char> IriStops = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        " <>\"{}|^`\\");

    private readonly TextReader _input;
    private readonly NQuadsOptions _options;
    private readonly char[] _chunk = new char[16 * 1024];
    private readonly StringBuilder _scratch = new();
    private readonly Dictionary<string, Iri> _iris = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Iri>.AlternateLookup<ReadOnlySpan<char>> _iriLookup;
    private readonly Dictionary<string, BlankNode> _blankNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BlankNode>.AlternateLookup<ReadOnlySpan<char>> _blankNodeLookup;
    private readonly Dictionary<string, string> _languages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _languageLookup;
    private int _chunkPos;
    private int _chunkLength;
    private bool _skipLineFeed;
    private char[] _line = new char[256];
    private int _lineLength;
    private int _pos;
    private long _quadCount;

    /// <summary>Creates a reader over <paramref name="input"/> (not disposed by the reader).</summary>
    public NQuadsReader(TextReader input, NQuadsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _options = options ?? NQuadsOptions.Default;
        _iriLookup = _iris.GetAlternateLookup<ReadOnlySpan<char>>();
        _blankNodeLookup = _blankNodes.GetAlternateLookup<ReadOnlySpan<char>>();
        _languageLookup = _languages.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The number of the line read last (1-based; 0 before the first read).</summary>
    public int LineNumber { get; private set; }

    /// <summary>Parses a whole document held in a string.</summary>
    public static List<Quad> Parse(string text, NQuadsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var input = new StringReader(text);
        return [.. new NQuadsReader(input, options).ReadAll()];
    }

    /// <summary>
    /// Reads a UTF-8 stream lazily (a byte order mark is skipped; invalid UTF-8 is an <c>rdf.syntax</c> error whose
    /// position is where decoding stopped). The stream is left open.
    /// </summary>
    public static IEnumerable<Quad> Read(Stream utf8, NQuadsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        using var input = new StreamReader(utf8, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        foreach (var quad in new NQuadsReader(input, options).ReadAll()) yield return quad;
    }

    /// <summary>Reads the remaining statements lazily.</summary>
    public IEnumerable<Quad> ReadAll()
    {
        while (TryRead(out var quad)) yield return quad;
    }

    /// <summary>Reads the next statement, skipping blank and comment lines; false at the end of the input.</summary>
    public bool TryRead([NotNullWhen(true)] out Quad? quad)
    {
        while (ReadLine())
        {
            LineNumber++;
            var parsed = ParseLine();
            if (parsed is null) continue;
            if (++_quadCount > _options.MaxQuads)
            {
                throw new NQuadsSyntaxException($"more than {_options.MaxQuads} statements", LineNumber, 1, RdfException.LimitCode);
            }
            quad = parsed;
            return true;
        }
        quad = null;
        return false;
    }

    private ReadOnlySpan<char> Line => _line.AsSpan(0, _lineLength);

    private int Peek => _pos < _lineLength ? _line[_pos] : -1;

    // EOL is [#xD#xA]+, so CR, LF and CRLF all end a line; CRLF counts as one line break for line numbers.
    private bool ReadLine()
    {
        _lineLength = 0;
        while (true)
        {
            if (_chunkPos == _chunkLength && !FillChunk()) return _lineLength > 0;
            var available = _chunk.AsSpan(_chunkPos, _chunkLength - _chunkPos);
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (available[0] == '\n')
                {
                    _chunkPos++;
                    continue;
                }
            }
            var end = available.IndexOfAny('\r', '\n');
            var take = end < 0 ? available.Length : end;
            AppendToLine(available[..take]);
            _chunkPos += take;
            if (end >= 0)
            {
                _skipLineFeed = available[end] == '\r';
                _chunkPos++;
                return true;
            }
        }
    }

    private bool FillChunk()
    {
        try
        {
            _chunkLength = _input.Read(_chunk, 0, _chunk.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new NQuadsSyntaxException("the input is not valid UTF-8", LineNumber + 1, _lineLength + 1);
        }
        _chunkPos = 0;
        return _chunkLength > 0;
    }

    private void AppendToLine(ReadOnlySpan<char> text)
    {
        var needed = _lineLength + text.Length;
        if (needed > _options.MaxLineLength)
        {
            throw new NQuadsSyntaxException($"the line is longer than {_options.MaxLineLength} characters", LineNumber + 1, _options.MaxLineLength + 1, RdfException.LimitCode);
        }
        if (needed > _line.Length) Array.Resize(ref _line, Math.Min(Math.Max(needed, _line.Length * 2), _options.MaxLineLength));
        text.CopyTo(_line.AsSpan(_lineLength));
        _lineLength = needed;
    }

    private Quad? ParseLine()
    {
        _pos = 0;
        SkipWhitespace();
        if (Peek is -1 or '#') return null;
        var subject = Peek switch
        {
            '<' => (RdfTerm)ReadIri(),
            '_' => ReadBlankNode(),
            _ => throw Error("expected a subject (an IRI or a blank node)", _pos),
        };
        SkipWhitespace();
        if (Peek != '<') throw Error("expected a predicate IRI", _pos);
        var predicate = ReadIri();
        SkipWhitespace();
        var @object = Peek switch
        {
            '<' => (RdfTerm)ReadIri(),
            '_' => ReadBlankNode(),
            '"' => ReadLiteral(),
            _ => throw Error("expected an object (an IRI, a blank node or a literal)", _pos),
        };
        SkipWhitespace();
        RdfTerm graph = Peek switch
        {
            '<' => ReadIri(),
            '_' => ReadBlankNode(),
            '"' => throw Error("a graph name must be an IRI or a blank node, not a literal", _pos),
            _ => DefaultGraph.Instance,
        };
        SkipWhitespace();
        if (Peek != '.') throw Error("expected '.' to end the statement", _pos);
        _pos++;
        SkipWhitespace();
        if (Peek is not (-1 or '#')) throw Error("unexpected text after the end of the statement", _pos);
        return new Quad(subject, predicate, @object, graph);
    }

    private void SkipWhitespace()
    {
        while (_pos < _lineLength && _line[_pos] is ' ' or '\t') _pos++;
    }

    private Iri ReadIri()
    {
        var start = _pos++;
        var rest = Line[_pos..];
        var i = rest.IndexOfAny(IriStops);
        if (i < 0) throw Error("unterminated IRI: expected '>'", start);
        if (rest[i] is not ('>' or '\\')) throw Error($"{Describe(rest[i])} is not allowed in an IRI", _pos + i);
        if (rest[i] == '>')
        {
            var text = rest[..i];
            CheckIri(text, start);
            _pos += i + 1;
            if (_iriLookup.TryGetValue(text, out var cached)) return cached;
            var iri = Iri.Trusted(new string(text));
            if (_iris.Count < IriCacheCapacity) _iris[iri.Value] = iri;
            return iri;
        }

        _scratch.Clear();
        _scratch.Append(rest[..i]);
        _pos += i;
        while (true)
        {
            if (_pos >= _lineLength) throw Error("unterminated IRI: expected '>'", start);
            var c = _line[_pos];
            if (c == '>')
            {
                _pos++;
                break;
            }
            if (c == '\\')
            {
                var escape = _pos;
                var codePoint = ReadEscape(allowCharacterEscapes: false);
                if (RdfSyntax.IsIriForbidden(codePoint)) throw Error($"the escaped {Describe(codePoint)} is not allowed in an IRI", escape);
                AppendCodePoint(codePoint);
            }
            else
            {
                if (RdfSyntax.IsIriForbidden(c)) throw Error($"{Describe(c)} is not allowed in an IRI", _pos);
                _scratch.Append(c);
                _pos++;
            }
            if (_scratch.Length > _options.MaxIriLength) throw LimitError($"the IRI is longer than {_options.MaxIriLength} characters", start);
        }
        var value = _scratch.ToString();
        CheckIri(value, start);
        return Iri.Trusted(value);
    }

    private void CheckIri(ReadOnlySpan<char> text, int start)
    {
        if (text.Length > _options.MaxIriLength) throw LimitError($"the IRI is longer than {_options.MaxIriLength} characters", start);
        if (!RdfSyntax.HasScheme(text)) throw Error("relative IRI: N-Quads requires absolute IRIs", start + 1);
        var surrogate = RdfSyntax.FindLoneSurrogate(text);
        if (surrogate >= 0) throw Error("unpaired surrogate in an IRI", start + 1 + surrogate);
    }

    private BlankNode ReadBlankNode()
    {
        var start = _pos;
        if (_pos + 1 >= _lineLength || _line[_pos + 1] != ':') throw Error("expected '_:' to start a blank node", start);
        _pos += 2;
        var labelStart = _pos;
        if (_pos >= _lineLength) throw Error("empty blank node label", labelStart);
        if (!RdfSyntax.TryReadCodePoint(Line, _pos, out var first, out var width) || !(RdfSyntax.IsPnCharsU(first) || first is >= '0' and <= '9'))
        {
            throw Error($"{Describe(first)} cannot start a blank node label", _pos);
        }
        _pos += width;
        while (_pos < _lineLength)
        {
            if (!RdfSyntax.TryReadCodePoint(Line, _pos, out var cp, out width))
            {
                throw Error("unpaired surrogate in a blank node label", _pos);
            }
            if (!RdfSyntax.IsPnChars(cp) && cp != '.') break;
            _pos += width;
        }
        // A label cannot end with '.', so trailing dots belong to what follows (usually the statement's end).
        while (_line[_pos - 1] == '.') _pos--;
        var label = Line[labelStart.._pos];
        if (label.Length > _options.MaxIriLength) throw LimitError($"the blank node label is longer than {_options.MaxIriLength} characters", start);
        if (_blankNodeLookup.TryGetValue(label, out var cached)) return cached;
        var node = BlankNode.Trusted(new string(label));
        if (_blankNodes.Count < BlankNodeCacheCapacity) _blankNodes[node.Label] = node;
        return node;
    }

    private Literal ReadLiteral()
    {
        var start = _pos++;
        var rest = Line[_pos..];
        var i = rest.IndexOfAny('"', '\\');
        if (i < 0) throw Error("unterminated string literal: expected '\"'", start);
        string lexical;
        if (rest[i] == '"')
        {
            var text = rest[..i];
            if (text.Length > _options.MaxLiteralLength) throw LimitError($"the literal is longer than {_options.MaxLiteralLength} characters", start);
            var surrogate = RdfSyntax.FindLoneSurrogate(text);
            if (surrogate >= 0) throw Error("unpaired surrogate in a literal", _pos + surrogate);
            lexical = new string(text);
            _pos += i + 1;
        }
        else
        {
            lexical = ReadEscapedLiteral(start, rest[..i]);
        }

        if (Peek == '@') return Literal.Trusted(lexical, RdfVocabulary.LangString, ReadLanguageTag());
        if (Peek == '^')
        {
            if (_pos + 1 >= _lineLength || _line[_pos + 1] != '^') throw Error("expected '^^' before a datatype IRI", _pos);
            _pos += 2;
            if (Peek != '<') throw Error("expected a datatype IRI after '^^'", _pos);
            var datatypeStart = _pos;
            var datatype = ReadIri();
            if (datatype == RdfVocabulary.LangString) throw Error("rdf:langString literals need a language tag, not '^^'", datatypeStart);
            return Literal.Trusted(lexical, datatype, null);
        }
        return Literal.Trusted(lexical, XsdVocabulary.String, null);
    }

    private string ReadEscapedLiteral(int start, ReadOnlySpan<char> prefix)
    {
        _scratch.Clear();
        _scratch.Append(prefix);
        _pos += prefix.Length;
        while (true)
        {
            if (_pos >= _lineLength) throw Error("unterminated string literal: expected '\"'", start);
            var c = _line[_pos];
            if (c == '"')
            {
                _pos++;
                break;
            }
            if (c == '\\')
            {
                AppendCodePoint(ReadEscape(allowCharacterEscapes: true));
            }
            else
            {
                var runEnd = Line[_pos..].IndexOfAny('"', '\\');
                var run = runEnd < 0 ? Line[_pos..] : Line[_pos..(_pos + runEnd)];
                var surrogate = RdfSyntax.FindLoneSurrogate(run);
                if (surrogate >= 0) throw Error("unpaired surrogate in a literal", _pos + surrogate);
                _scratch.Append(run);
                _pos += run.Length;
            }
            if (_scratch.Length > _options.MaxLiteralLength) throw LimitError($"the literal is longer than {_options.MaxLiteralLength} characters", start);
        }
        return _scratch.ToString();
    }

    private string ReadLanguageTag()
    {
        var at = _pos++;
        var tagStart = _pos;
        while (_pos < _lineLength && char.IsAsciiLetter(_line[_pos])) _pos++;
        if (_pos == tagStart) throw Error("a language tag must start with a letter", _pos);
        while (Peek == '-')
        {
            var subtag = ++_pos;
            while (_pos < _lineLength && char.IsAsciiLetterOrDigit(_line[_pos])) _pos++;
            if (_pos == subtag) throw Error("a language subtag must follow '-'", _pos);
        }
        var tag = Line[tagStart.._pos];
        if (tag.Length > _options.MaxIriLength) throw LimitError($"the language tag is longer than {_options.MaxIriLength} characters", at);
        if (_languageLookup.TryGetValue(tag, out var cached)) return cached;
        var text = new string(tag);
        if (_languages.Count < LanguageCacheCapacity) _languages[text] = text;
        return text;
    }

    // At a backslash: returns the escaped code point (UCHAR, or ECHAR when allowed) and moves past the escape.
    private int ReadEscape(bool allowCharacterEscapes)
    {
        var escape = _pos;
        if (_pos + 1 >= _lineLength) throw Error("incomplete escape sequence", escape);
        var kind = _line[_pos + 1];
        var digits = kind switch { 'u' => 4, 'U' => 8, _ => 0 };
        if (digits == 0)
        {
            if (!allowCharacterEscapes) throw Error($"'\\{kind}' is not allowed in an IRI (only \\u and \\U escapes are)", escape);
            _pos += 2;
            return kind switch
            {
                't' => '\t',
                'b' => '\b',
                'n' => '\n',
                'r' => '\r',
                'f' => '\f',
                '"' => '"',
                '\'' => '\'',
                '\\' => '\\',
                _ => throw Error($"invalid escape '\\{kind}'", escape),
            };
        }
        var codePoint = 0;
        for (var k = 0; k < digits; k++)
        {
            var at = _pos + 2 + k;
            var value = at < _lineLength ? HexValue(_line[at]) : -1;
            if (value < 0) throw Error($"'\\{kind}' must be followed by {digits} hexadecimal digits", at);
            codePoint = (codePoint << 4) | value;
        }
        if (codePoint > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF)
        {
            throw Error($"escape {new string(Line.Slice(escape, digits + 2))} is not a Unicode scalar value", escape);
        }
        _pos += 2 + digits;
        return codePoint;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private void AppendCodePoint(int codePoint)
    {
        if (codePoint < 0x10000)
        {
            _scratch.Append((char)codePoint);
        }
        else
        {
            var offset = codePoint - 0x10000;
            _scratch.Append((char)(0xD800 + (offset >> 10))).Append((char)(0xDC00 + (offset & 0x3FF)));
        }
    }

    private static string Describe(int codePoint) =>
        codePoint is > 0x20 and < 0x7F ? $"'{(char)codePoint}'" : $"U+{codePoint:X4}";

    private NQuadsSyntaxException Error(string detail, int index) => new(detail, LineNumber, index + 1);

    private NQuadsSyntaxException LimitError(string detail, int index) => new(detail, LineNumber, index + 1, RdfException.LimitCode);
}
