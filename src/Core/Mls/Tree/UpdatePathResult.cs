using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.Tree;

/// <summary>What a committer obtains from generating an UpdatePath. Secrets are never shown by <see cref="ToString"/>.</summary>
/// <param name="Path">The UpdatePath to send.</param>
/// <param name="CommitSecret">The commit secret for the key schedule.</param>
/// <param name="PathSecrets">Path secret per node of the filtered direct path (for Welcome messages).</param>
/// <param name="PrivateKeys">The committer's private keys after the merge.</param>
public sealed record UpdatePathResult(UpdatePath Path, byte[] CommitSecret, IReadOnlyDictionary<uint, byte[]> PathSecrets, TreePrivateKeys PrivateKeys)
{
    /// <inheritdoc />
    public override string ToString() => "UpdatePathResult(redacted)";
}
