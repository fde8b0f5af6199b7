namespace Harmony.Core.Credentials;

/// <summary>Resource limits applied to every credential, presentation and revocation before any cryptography.</summary>
public sealed record CredentialLimits
{
    /// <summary>Safe defaults.</summary>
    public static CredentialLimits Default { get; } = new();

    /// <summary>Largest accepted document, in UTF-8 bytes of its JSON text (default 256 KiB).</summary>
    public int MaxDocumentBytes { get; init; } = 256 * 1024;

    /// <summary>Deepest accepted nesting of objects and arrays (default 32; JCS itself stops at 64).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most credentials one presentation may carry (default 16).</summary>
    public int MaxCredentialsPerPresentation { get; init; } = 16;
}
