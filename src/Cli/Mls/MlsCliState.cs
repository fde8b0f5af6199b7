namespace Harmony.Cli.Mls;

/// <summary>
/// The decrypted content of an <c>harmony mls</c> state file: whose state it is, the cipher suite, KeyPackages
/// waiting for a Welcome, and the exported group (<c>MlsGroup.ExportState</c>, base64url) once there is one.
/// </summary>
internal sealed class MlsCliState
{
    /// <summary>Format version of the plaintext.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The owner's DID; the state opens only with the same identity.</summary>
    public string Did { get; set; } = "";

    /// <summary>The MLS cipher suite id (1 or 3).</summary>
    public ushort Suite { get; set; }

    /// <summary>KeyPackages published and not yet used.</summary>
    public List<StoredKeyPackage> KeyPackages { get; set; } = [];

    /// <summary>The group state, or null before create/join.</summary>
    public string? Group { get; set; }

    /// <summary>The epoch in which the member was removed, once it has processed its removal (the group is then dropped).</summary>
    public ulong? RemovedAtEpoch { get; set; }

    /// <summary>Redacted: the state holds private keys.</summary>
    public override string ToString() => $"MlsCliState({Did}, suite {Suite}, {KeyPackages.Count} key packages, group {(Group is null ? "none" : "present")})";
}
