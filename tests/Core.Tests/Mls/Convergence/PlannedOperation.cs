using Harmony.Core.Mls.Group;

namespace Harmony.Core.Tests.Mls.Convergence;

/// <summary>A commit a member intends to make; kept so a losing committer can retry it in the next epoch.</summary>
internal sealed record PlannedOperation(OperationKind Kind, SimMember Committer, SimMember? Target = null, KeyPackageBundle? Joiner = null, string? JoinerDid = null);
