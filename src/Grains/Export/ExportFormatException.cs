using Harmony.Core.Errors;

namespace Harmony.Grains.Export;

/// <summary>An export could not be read back: a field is missing or malformed, or an envelope's id does not match its bytes (code <c>export.malformed</c>).</summary>
public sealed class ExportFormatException(string message) : HarmonyException(MalformedCode, message)
{
    /// <summary>The error code.</summary>
    public const string MalformedCode = "export.malformed";
}
