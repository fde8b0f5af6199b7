using Harmony.Core.Errors;

namespace Harmony.Core.Rdf;

/// <summary>
/// An RDF term, quad or store operation was given invalid input. Codes: <c>rdf.invalid_term</c> (an IRI, blank node
/// label, literal or language tag that breaks RDF 1.1 rules), <c>rdf.invalid_quad</c> (a term in a position it may
/// not occupy) and <c>rdf.limit</c> (a configured limit was reached). Syntax errors in N-Quads text are reported by
/// <see cref="NQuadsSyntaxException"/>, which derives from this type.
/// </summary>
public class RdfException(string code, string message) : HarmonyException(code, message)
{
    /// <summary>Code of an invalid IRI, blank node label, literal or language tag.</summary>
    public const string InvalidTermCode = "rdf.invalid_term";

    /// <summary>Code of a quad whose subject or graph name has a kind that RDF does not allow there.</summary>
    public const string InvalidQuadCode = "rdf.invalid_quad";

    /// <summary>Code of a configured limit (line length, literal length, quad count, ...) being reached.</summary>
    public const string LimitCode = "rdf.limit";
}
