using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.Group;

/// <summary>Result of <see cref="MlsGroup.JoinByExternalCommit"/>: the joined group (already in the new epoch) and the commit to send.</summary>
/// <param name="Group">The new member's group state.</param>
/// <param name="Commit">The external commit (a PublicMessage) for the delivery service.</param>
public sealed record ExternalJoin(MlsGroup Group, MlsMessage Commit);
