using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Mls.Tree;

namespace Harmony.Core.Mls.Group;

/// <summary>
/// Validates the proposal list of a commit (RFC 9420 §12.2) and applies it to a copy of the tree in the mandated
/// order: GroupContextExtensions, Update, Remove, Add (§12.3).
/// </summary>
internal static class ProposalApplier
{
    public static AppliedProposals Apply(CipherSuite suite, RatchetTree tree, GroupContext context, IReadOnlyList<(Proposal Proposal, uint Sender)> proposals, uint committer, DateTimeOffset? now, MlsLimits limits)
    {
        var updates = new List<(UpdateProposal, uint)>();
        var removes = new List<uint>();
        var adds = new List<KeyPackage>();
        var psks = new List<PreSharedKeyId>();
        IReadOnlyList<Extension>? newExtensions = null;
        var pathRequired = proposals.Count == 0;
        var touched = new HashSet<uint>();
        var pskIds = new HashSet<string>();
        ReInitProposal? reInit = null;

        foreach (var (proposal, sender) in proposals)
        {
            switch (proposal)
            {
                case UpdateProposal update:
                    if (sender == committer) throw Invalid("The committer cannot commit its own Update proposal.");
                    if (!touched.Add(sender)) throw Invalid("A leaf is updated or removed twice.");
                    tree.RequireMember(sender);
                    LeafNodeValidator.ValidateLeaf(suite, update.LeafNode, LeafNodeSource.Update, context.GroupId, sender, null);
                    updates.Add((update, sender));
                    pathRequired = true;
                    break;
                case RemoveProposal remove:
                    if (tree.GetLeaf(remove.Removed) is null) throw Invalid($"Remove targets leaf {remove.Removed}, which is not a member.");
                    if (!touched.Add(remove.Removed)) throw Invalid("A leaf is updated or removed twice.");
                    removes.Add(remove.Removed);
                    pathRequired = true;
                    break;
                case AddProposal add:
                    LeafNodeValidator.ValidateKeyPackage(suite, add.KeyPackage, now);
                    adds.Add(add.KeyPackage);
                    break;
                case PreSharedKeyProposal psk:
                    if (psk.Psk.Type == PskType.Resumption && psk.Psk.Usage != ResumptionPskUsage.Application)
                        throw Invalid("Only application resumption PSKs can be proposed in a normal commit.");
                    if (psk.Psk.PskNonce.Length != suite.HashLength)
                        throw Invalid("A PSK nonce must be Nh bytes long.");
                    var pskKey = psk.Psk.Type == PskType.External
                        ? "external:" + Convert.ToHexString(psk.Psk.PskId)
                        : $"resumption:{Convert.ToHexString(psk.Psk.PskGroupId)}:{psk.Psk.PskEpoch}";
                    if (!pskIds.Add(pskKey))
                        throw Invalid("The same PSK is proposed twice.");
                    psks.Add(psk.Psk);
                    break;
                case GroupContextExtensionsProposal gce:
                    if (newExtensions is not null) throw Invalid("More than one GroupContextExtensions proposal.");
                    newExtensions = gce.Extensions;
                    pathRequired = true;
                    break;
                case ReInitProposal r:
                    if (r.Version != Messages.GroupContext.ProtocolVersion || !CipherSuite.IsSupported(r.CipherSuite))
                        throw new MlsException("mls.commit.unsupported", "The ReInit asks for an unsupported version or cipher suite.");
                    reInit = r;
                    break;
                case ExternalInitProposal:
                    throw new MlsException("mls.commit.unsupported", "External commits are not supported.");
                default:
                    throw new MlsException("mls.commit.unsupported", $"Proposal type {proposal.Type} is not supported.");
            }
        }
        if (reInit is not null && proposals.Count != 1) throw Invalid("A ReInit proposal must be alone in its commit.");

        var next = tree.Clone();
        foreach (var (update, sender) in updates) next.UpdateLeaf(sender, update.LeafNode);
        foreach (var removed in removes) next.RemoveLeaf(removed);

        foreach (var (update, sender) in updates)
            if (tree.GetLeaf(sender)!.EncryptionKey.AsSpan().SequenceEqual(update.LeafNode.EncryptionKey))
                throw Invalid("An Update must replace the leaf's encryption key.");
        // Key uniqueness is checked on byte arrays (no per-member string conversion: commits in large groups are hot).
        // The sets start with the members' keys, except in the usual case of a few adds and no Updates: the existing
        // keys are unique already, so each new key is compared with the members' directly and the sets only catch
        // duplicates among the added KeyPackages.
        var signatureKeys = new HashSet<byte[]>(ByteSequenceComparer.Instance);
        var encryptionKeys = new HashSet<byte[]>(ByteSequenceComparer.Instance);
        if (updates.Count == 0 && adds.Count <= SmallAddCount)
        {
            foreach (var keyPackage in adds)
            {
                foreach (var l in next.MemberLeaves())
                {
                    var leaf = next.GetLeaf(l)!;
                    if (leaf.SignatureKey.AsSpan().SequenceEqual(keyPackage.LeafNode.SignatureKey))
                        throw Invalid("An added member's signature key is already in the group.");
                    if (leaf.EncryptionKey.AsSpan().SequenceEqual(keyPackage.LeafNode.EncryptionKey))
                        throw Invalid("An added member's encryption key is already in the group.");
                }
            }
        }
        else
        {
            var members = 0;
            foreach (var l in next.MemberLeaves())
            {
                var leaf = next.GetLeaf(l)!;
                signatureKeys.Add(leaf.SignatureKey);
                encryptionKeys.Add(leaf.EncryptionKey);
                members++;
            }
            if (encryptionKeys.Count != members) throw Invalid("Two leaves would share an encryption key.");
        }
        var added = new List<(uint, KeyPackage)>(adds.Count);
        foreach (var keyPackage in adds)
        {
            if (!signatureKeys.Add(keyPackage.LeafNode.SignatureKey))
                throw Invalid("An added member's signature key is already in the group.");
            if (!encryptionKeys.Add(keyPackage.LeafNode.EncryptionKey))
                throw Invalid("An added member's encryption key is already in the group.");
            added.Add((next.AddLeaf(keyPackage.LeafNode, limits), keyPackage));
        }
        var extensions = newExtensions ?? context.Extensions;
        if (newExtensions is not null)
        {
            foreach (var leaf in next.MemberLeaves()) LeafNodeValidator.ValidateAgainstGroup(next.GetLeaf(leaf)!, extensions);
        }
        else
        {
            foreach (var (update, _) in updates) LeafNodeValidator.ValidateAgainstGroup(update.LeafNode, extensions);
            foreach (var (_, keyPackage) in added) LeafNodeValidator.ValidateAgainstGroup(keyPackage.LeafNode, extensions);
        }
        return new AppliedProposals(next, extensions, added, psks, pathRequired, removes.Contains(committer), reInit);
    }

    private const int SmallAddCount = 4;

    private static MlsException Invalid(string message) => new("mls.commit.invalid_proposals", message);
}
