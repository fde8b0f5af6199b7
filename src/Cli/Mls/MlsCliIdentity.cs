using System.Security.Cryptography;

namespace Harmony.Cli.Mls;

/// <summary>The member's identity for <c>harmony mls</c>: its DID and Ed25519 seed (the MLS signature key). Zeroed on dispose.</summary>
internal sealed class MlsCliIdentity(string did, byte[] seed) : IDisposable
{
    /// <summary>The member's did:key, the identity of its basic credential.</summary>
    public string Did { get; } = did;

    /// <summary>The Ed25519 seed.</summary>
    public byte[] Seed { get; } = seed;

    /// <summary>Erases the seed.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(Seed);

    /// <summary>Shows the DID only.</summary>
    public override string ToString() => $"MlsCliIdentity({Did})";
}
