namespace Harmony.Client.Chat;

/// <summary>A KeyPackage claimed from a member's pool (the hub's <c>KeyPackageClaim</c>).</summary>
/// <param name="KeyPackage">The TLS-encoded MLSMessage holding the KeyPackage.</param>
/// <param name="LastResort">True when it is the owner's last-resort package.</param>
public sealed record KeyPackageClaim(byte[] KeyPackage, bool LastResort);
