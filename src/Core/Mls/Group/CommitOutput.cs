using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.Group;

/// <summary>Messages produced by <see cref="MlsGroup.Commit"/>.</summary>
/// <param name="Commit">The commit to send to the group.</param>
/// <param name="Welcome">The Welcome for added members, if any.</param>
/// <param name="GroupInfo">The signed GroupInfo of the new epoch.</param>
public sealed record CommitOutput(MlsMessage Commit, MlsMessage? Welcome, GroupInfo GroupInfo);
