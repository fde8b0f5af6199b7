using Harmony.Core.Mls.KeySchedule;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Mls.Tree;

namespace Harmony.Core.Mls.Group;

/// <summary>Everything that changes together when the group moves to a new epoch.</summary>
internal sealed record EpochState(
    GroupContext Context,
    byte[] ContextBytes,
    RatchetTree Tree,
    TreePrivateKeys Keys,
    EpochSecrets Secrets,
    SecretTree SecretTree,
    byte[] InterimTranscriptHash,
    byte[] ConfirmationTag)
{
    public override string ToString() => $"EpochState(epoch {Context.Epoch})";
}
