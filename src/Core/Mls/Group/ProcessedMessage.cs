using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.Group;

/// <summary>The result of <see cref="MlsGroup.Process"/>.</summary>
/// <param name="Kind">What the message was.</param>
/// <param name="SenderLeaf">Leaf index of the sending member.</param>
/// <param name="AuthenticatedData">The message's authenticated (unencrypted) data.</param>
/// <param name="ApplicationData">Plaintext of an application message.</param>
/// <param name="Proposal">The proposal of a proposal message.</param>
public sealed record ProcessedMessage(ProcessedMessageKind Kind, uint SenderLeaf, byte[] AuthenticatedData, byte[]? ApplicationData = null, Proposal? Proposal = null);
