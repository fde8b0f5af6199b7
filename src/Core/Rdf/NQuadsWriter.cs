using System.Text;

namespace Harmony.Core.Rdf;

/// <summary>
/// Writes quads as canonical N-Quads: one statement per line ending in <c>"\n"</c>, single spaces between terms, no
/// comments, IRIs and non-ASCII characters written directly, and literal escapes exactly as RDF 1.2 canonical
/// N-Triples specifies (<c>\b \t \n \f \r \" \\</c>, other controls as <c>\u00XX</c>). Terms are valid by
/// construction (absolute IRIs, grammar-conforming labels and language tags), so output always re-parses to the
/// same quads. Not thread-safe; the output writer is not disposed.
/// </summary>
public sealed class NQuadsWriter(TextWriter output)
{
    private readonly TextWriter _output = output ?? throw new ArgumentNullException(nameof(output));
    private readonly StringBuilder _buffer = new();

    /// <summary>Serializes quads to a string.</summary>
    public static string Serialize(IEnumerable<Quad> quads)
    {
        using var text = new StringWriter { NewLine = "\n" };
        new NQuadsWriter(text).WriteAll(quads);
        return text.ToString();
    }

    /// <summary>Writes quads to a stream as UTF-8 without a byte order mark, leaving the stream open.</summary>
    public static void Write(Stream utf8, IEnumerable<Quad> quads)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        using var text = new StreamWriter(utf8, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        new NQuadsWriter(text).WriteAll(quads);
    }

    /// <summary>Writes one statement and its line break.</summary>
    public void Write(Quad quad)
    {
        ArgumentNullException.ThrowIfNull(quad);
        _buffer.Clear();
        NQuadsFormatter.AppendStatement(_buffer, quad);
        _buffer.Append('\n');
        _output.Write(_buffer);
    }

    /// <summary>Writes every statement in order.</summary>
    public void WriteAll(IEnumerable<Quad> quads)
    {
        ArgumentNullException.ThrowIfNull(quads);
        foreach (var quad in quads) Write(quad);
    }
}
