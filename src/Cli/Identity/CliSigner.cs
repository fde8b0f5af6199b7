using Harmony.Core.Crypto;

namespace Harmony.Cli.Identity;

/// <summary>The user's Ed25519 signing key, loaded once per command, with whatever owns its memory.</summary>
internal sealed class CliSigner(Ed25519KeyPair key, string did, IDisposable owner) : IDisposable
{
    /// <summary>The signing key (valid until disposal).</summary>
    public Ed25519KeyPair Key { get; } = key;

    /// <summary>The key's did:key.</summary>
    public string Did { get; } = did;

    /// <summary>Clears the key.</summary>
    public void Dispose() => owner.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"CliSigner({Did})";
}
