using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.Group;

/// <summary>Messages produced by <see cref="MlsGroup.Commit"/>.</summary>
public sealed class CommitOutput
{
    private readonly Lazy<GroupInfo> _groupInfo;

    internal CommitOutput(MlsMessage commit, MlsMessage? welcome, Func<GroupInfo> groupInfo)
    {
        Commit = commit;
        Welcome = welcome;
        _groupInfo = new Lazy<GroupInfo>(groupInfo, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The commit to send to the group.</summary>
    public MlsMessage Commit { get; }

    /// <summary>The Welcome for added members, if any.</summary>
    public MlsMessage? Welcome { get; }

    /// <summary>
    /// The signed GroupInfo of the new epoch (for external joiners). It is materialized on first access: with the
    /// ratchet tree inside it is as large as the tree, and most callers only send the Commit and the Welcome.
    /// </summary>
    public GroupInfo GroupInfo => _groupInfo.Value;

    /// <inheritdoc />
    public override string ToString() => $"CommitOutput({Commit.WireFormat}{(Welcome is null ? "" : " + Welcome")})";
}
