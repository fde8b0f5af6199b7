namespace Harmony.Client.Chat.Storage;

/// <summary>A KeyPackage this client published, with its private keys (sealed at rest).</summary>
/// <param name="Reference">Hex KeyPackageRef (RFC 9420 §5.2), how a Welcome names its recipient.</param>
/// <param name="Bundle">The serialized bundle: KeyPackage MLSMessage, init and encryption private keys.</param>
/// <param name="LastResort">The last-resort package is kept after use.</param>
internal sealed record StoredKeyPackage(string Reference, byte[] Bundle, bool LastResort)
{
    public override string ToString() => $"StoredKeyPackage({Reference[..Math.Min(12, Reference.Length)]}, lastResort {LastResort})";
}
