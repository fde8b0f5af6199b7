using System.Text;
using Harmony.Core.Rdf.Vocabulary;

namespace Harmony.Core.Rdf;

/// <summary>
/// Writes terms and quads in the canonical N-Quads form (RDF 1.2 canonical N-Triples rules, which RDFC-1.0 uses):
/// one space between terms, <c>" .\n"</c> at the end, IRIs and characters written directly, and in literals only
/// <c>\b \t \n \f \r \" \\</c> as ECHAR and the other C0 controls and U+007F as <c>\u00XX</c> (upper-case hex).
/// </summary>
internal static class NQuadsFormatter
{
    private static readonly string[] ControlEscapes = BuildControlEscapes();

    public static string Format(RdfTerm term)
    {
        var builder = new StringBuilder();
        Append(builder, term);
        return builder.ToString();
    }

    public static string Format(Quad quad)
    {
        var builder = new StringBuilder();
        AppendStatement(builder, quad);
        return builder.ToString();
    }

    /// <summary>Appends the statement without its line break.</summary>
    public static void AppendStatement(StringBuilder builder, Quad quad)
    {
        Append(builder, quad.Subject);
        builder.Append(' ');
        Append(builder, quad.Predicate);
        builder.Append(' ');
        Append(builder, quad.Object);
        if (!quad.IsInDefaultGraph)
        {
            builder.Append(' ');
            Append(builder, quad.Graph);
        }
        builder.Append(" .");
    }

    public static void Append(StringBuilder builder, RdfTerm term)
    {
        switch (term)
        {
            case Iri iri:
                builder.Append('<').Append(iri.Value).Append('>');
                break;
            case BlankNode node:
                builder.Append("_:").Append(node.Label);
                break;
            case Literal literal:
                AppendLiteral(builder, literal);
                break;
            default:
                break;
        }
    }

    private static void AppendLiteral(StringBuilder builder, Literal literal)
    {
        builder.Append('"');
        AppendEscaped(builder, literal.LexicalForm);
        builder.Append('"');
        if (literal.Language is not null)
        {
            builder.Append('@').Append(literal.Language);
        }
        else if (literal.Datatype != XsdVocabulary.String)
        {
            builder.Append("^^<").Append(literal.Datatype.Value).Append('>');
        }
    }

    private static void AppendEscaped(StringBuilder builder, string text)
    {
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            var i = IndexOfEscaped(span);
            if (i < 0)
            {
                builder.Append(span);
                return;
            }
            builder.Append(span[..i]);
            var c = span[i];
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\u007F' => "\\u007F",
                _ => ControlEscapes[c],
            });
            span = span[(i + 1)..];
        }
    }

    private static int IndexOfEscaped(ReadOnlySpan<char> span)
    {
        var i = span.IndexOfAnyInRange('\0', '\u001F');
        var j = span.IndexOfAny('"', '\\', '\u007F');
        return i < 0 ? j : j < 0 ? i : Math.Min(i, j);
    }

    private static string[] BuildControlEscapes()
    {
        var table = new string[0x20];
        for (var c = 0; c < table.Length; c++) table[c] = $"\\u{c:X4}";
        table['\b'] = "\\b";
        table['\t'] = "\\t";
        table['\n'] = "\\n";
        table['\f'] = "\\f";
        table['\r'] = "\\r";
        return table;
    }
}
