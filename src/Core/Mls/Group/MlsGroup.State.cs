using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.KeySchedule;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Mls.Tree;

namespace Harmony.Core.Mls.Group;

// Export and import of the complete member state for persistence.
public sealed partial class MlsGroup
{
    /// <summary>
    /// Serializes the complete member state — including the signature key, tree private keys and epoch secrets — so a
    /// client can persist the group. The result is secret: store it encrypted at rest. A pending commit is not
    /// included (merge or clear it first). Retained past epochs (<see cref="MlsGroupOptions.RetainedEpochs"/>) are
    /// included with their retirement times, so their expiry continues after an import. A removed member's state
    /// exports too (<see cref="Membership"/> is restored).
    /// </summary>
    public byte[] ExportState()
    {
        ExpireRetainedEpochs();
        var writer = new TlsWriter(8192);
        writer.WriteUInt16(StateFormatVersion);
        writer.WriteUInt16(_suite.Id);
        writer.WriteOpaque(_signaturePrivateKey);
        writer.WritePresence(IsActive);
        _state.Context.Encode(writer);
        _state.Tree.Encode(writer);
        _state.Keys.Encode(writer);
        _state.Secrets.Encode(writer);
        _state.SecretTree.Encode(writer);
        writer.WriteOpaque(_state.InterimTranscriptHash);
        writer.WriteOpaque(_state.ConfirmationTag);
        writer.WriteVector(_proposals, (w, p) =>
        {
            w.WriteOpaque(p.Ref);
            p.Proposal.Encode(w);
            w.WriteUInt32(p.Sender);
        });
        writer.WriteVector(_resumptionPsks.OrderBy(p => p.Key), (w, p) =>
        {
            w.WriteUInt64(p.Key);
            w.WriteOpaque(p.Value);
        });
        writer.WriteVector(_pendingUpdateKeys, (w, p) =>
        {
            w.WriteOpaque(Convert.FromHexString(p.Key));
            w.WriteOpaque(p.Value);
        });
        writer.WritePresence(PendingReInit is not null);
        PendingReInit?.Encode(writer);
        writer.WriteVector(_pastEpochs, (w, e) => e.Encode(w));
        return writer.ToArray();
    }

    /// <summary>Restores a group saved with <see cref="ExportState"/>; throws <c>mls.state.*</c> or <c>mls.codec.*</c> for invalid state.</summary>
    public static MlsGroup ImportState(ReadOnlySpan<byte> data, MlsGroupOptions? options = null)
    {
        options ??= MlsGroupOptions.Default;
        var reader = new TlsReader(data, options.Limits);
        var version = reader.ReadUInt16();
        if (version is not (StateFormatVersion or StateFormatVersionWithoutRetainedEpochs))
            throw new MlsException("mls.state.version", "Unsupported group state format.");
        var suite = CipherSuite.FromId(reader.ReadUInt16());
        var signaturePrivateKey = reader.ReadOpaque();
        var active = reader.ReadPresence();
        var context = GroupContext.Decode(ref reader);
        var tree = RatchetTree.Decode(suite, ref reader);
        var keys = TreePrivateKeys.Decode(ref reader);
        var secrets = EpochSecrets.Decode(ref reader, suite);
        var secretTree = SecretTree.Decode(ref reader, suite, options.Limits);
        var interim = reader.ReadOpaque();
        var confirmationTag = reader.ReadOpaque();
        var proposals = reader.ReadVector((ref TlsReader r) => (r.ReadOpaque(), Proposal.Decode(ref r), r.ReadUInt32()));
        var resumption = reader.ReadVector((ref TlsReader r) => (r.ReadUInt64(), r.ReadOpaque()));
        var updateKeys = reader.ReadVector((ref TlsReader r) => (r.ReadOpaque(), r.ReadOpaque()));
        var reInit = reader.ReadPresence() ? Proposal.Decode(ref reader) as ReInitProposal ?? throw new MlsException("mls.state.invalid", "Invalid pending ReInit.") : null;
        var retained = new List<RetainedEpoch>();
        if (version == StateFormatVersion)
        {
            var inner = reader.ReadVectorReader();
            while (!inner.IsEmpty)
            {
                var epoch = RetainedEpoch.Decode(ref inner, suite, options.Limits);
                if (epoch.Epoch > context.Epoch || (retained.Count > 0 && epoch.Epoch <= retained[^1].Epoch))
                    throw new MlsException("mls.state.invalid", "The retained epochs are not ordered past epochs.");
                retained.Add(epoch);
            }
        }
        reader.EnsureEnd();

        if (context.CipherSuite != suite.Id || !tree.RootHash().AsSpan().SequenceEqual(context.TreeHash) || secretTree.LeafCount != tree.LeafCount)
            throw new MlsException("mls.state.invalid", "The saved group state is inconsistent.");
        if (active) tree.RequireMember(keys.LeafIndex);
        var group = new MlsGroup(suite, options, signaturePrivateKey, new EpochState(context, context.ToBytes(), tree, keys, secrets, secretTree, interim, confirmationTag))
        {
            Membership = active ? MlsMembership.Member : MlsMembership.Removed,
            PendingReInit = reInit,
        };
        // Options may retain fewer epochs than the exporter did: keep the newest.
        group._pastEpochs.AddRange(retained.Skip(Math.Max(0, retained.Count - Math.Max(0, options.RetainedEpochs))));
        group.ExpireRetainedEpochs();
        group._proposals.AddRange(proposals);
        foreach (var (epoch, psk) in resumption) group._resumptionPsks[epoch] = psk;
        foreach (var (publicKey, privateKey) in updateKeys) group._pendingUpdateKeys[Convert.ToHexString(publicKey)] = privateKey;
        return group;
    }
}
