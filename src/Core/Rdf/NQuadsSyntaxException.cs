namespace Harmony.Core.Rdf;

/// <summary>
/// N-Quads text was rejected at <see cref="Line"/>:<see cref="Column"/> (both 1-based; columns count UTF-16 code
/// units). Code <c>rdf.syntax</c> for text that breaks the RDF 1.1 N-Quads grammar (or is not valid UTF-8), or
/// <c>rdf.limit</c> when a limit of <see cref="NQuadsOptions"/> was reached. The message starts with
/// <c>line:column:</c>.
/// </summary>
public sealed class NQuadsSyntaxException : RdfException
{
    /// <summary>Code of a grammar violation.</summary>
    public const string SyntaxCode = "rdf.syntax";

    internal NQuadsSyntaxException(string detail, int line, int column, string code = SyntaxCode)
        : base(code, $"{line}:{column}: {detail}")
    {
        Detail = detail;
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line of the offending character.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (UTF-16 code units) of the offending character.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Detail { get; }
}
