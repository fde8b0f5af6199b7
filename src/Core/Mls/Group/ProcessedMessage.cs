using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.Group;

/// <summary>The result of <see cref="MlsGroup.Process"/>.</summary>
/// <param name="Kind">What the message was.</param>
/// <param name="SenderLeaf">Leaf index of the sending member (the external sender index for external proposals, the new leaf for external commits).</param>
/// <param name="AuthenticatedData">The message's authenticated (unencrypted) data.</param>
/// <param name="ApplicationData">Plaintext of an application message.</param>
/// <param name="Proposal">The proposal of a proposal message.</param>
/// <param name="SenderType">Member, external sender or new member.</param>
public sealed record ProcessedMessage(ProcessedMessageKind Kind, uint SenderLeaf, byte[] AuthenticatedData, byte[]? ApplicationData = null, Proposal? Proposal = null, SenderType SenderType = SenderType.Member);
