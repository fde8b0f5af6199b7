using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.KeySchedule;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Mls.Protection;
using Harmony.Core.Mls.Tree;

namespace Harmony.Core.Mls.Group;

// Incoming messages: protection checks, proposals, commits and external commits.
public sealed partial class MlsGroup
{
    /// <summary>Processes an incoming message: application data, a proposal (cached) or a commit (new epoch).</summary>
    public ProcessedMessage Process(MlsMessage message)
    {
        // A removed member may still read late application messages of its retained epochs, nothing else.
        if (!IsActive && message.PrivateMessage is not { ContentType: ContentType.Application }) RequireActive();
        if (RecognizeOwnHandshake(message) is { } own) return own;
        AuthenticatedContent content;
        switch (message.WireFormat)
        {
            case WireFormat.PublicMessage:
                var pub = message.PublicMessage!;
                if (pub.Content.ContentType == ContentType.Application)
                    throw new MlsException("mls.message.public_application", "Application data must be sent as a PrivateMessage.");
                byte[] signerKey;
                switch (pub.Content.Sender.Type)
                {
                    case SenderType.Member:
                        signerKey = (_state.Tree.GetLeaf(pub.Content.Sender.Index) ?? throw new MlsException("mls.message.sender", "The sender is not a member.")).SignatureKey;
                        break;
                    case SenderType.External:
                        if (pub.Content.ContentType != ContentType.Proposal || !ExternalSender.IsAllowed(pub.Content.Proposal!.Type))
                            throw new MlsException("mls.message.external_proposal", "External senders may only send Add, Remove, PSK, ReInit or GroupContextExtensions proposals.");
                        var senders = ExternalSender.FromContext(_state.Context);
                        if (pub.Content.Sender.Index >= senders.Count)
                            throw new MlsException("mls.message.sender", "Unknown external sender.");
                        signerKey = senders[(int)pub.Content.Sender.Index].SignatureKey;
                        break;
                    case SenderType.NewMemberProposal:
                        // A prospective member asks to be added; it signs with the key of the KeyPackage it proposes.
                        if (pub.Content.ContentType != ContentType.Proposal || pub.Content.Proposal is not AddProposal selfAdd)
                            throw new MlsException("mls.message.external_proposal", "A new member may only propose its own Add.");
                        signerKey = selfAdd.KeyPackage.LeafNode.SignatureKey;
                        break;
                    case SenderType.NewMemberCommit:
                        if (pub.Content.ContentType != ContentType.Commit || pub.Content.Commit!.Path is null)
                            throw new MlsException("mls.external.invalid", "An external commit must be a commit with an UpdatePath.");
                        signerKey = pub.Content.Commit.Path.LeafNode.SignatureKey;
                        break;
                    default:
                        throw new MlsException("mls.message.sender", $"Sender type {pub.Content.Sender.Type} is not supported.");
                }
                content = PublicMessageProtection.Unprotect(_suite, pub, _state.Context, _state.ContextBytes, _state.Secrets.MembershipKey, signerKey);
                break;
            case WireFormat.PrivateMessage:
                var priv = message.PrivateMessage!;
                if (!priv.GroupId.AsSpan().SequenceEqual(GroupId)) throw new MlsException("mls.message.group", "The message belongs to another group.");
                if (priv.Epoch == Epoch && IsActive)
                {
                    content = PrivateMessageProtection.Decrypt(_suite, priv, _state.SecretTree, _state.Secrets.SenderDataSecret, _options.Limits);
                    var sender = _state.Tree.GetLeaf(content.Content.Sender.Index) ?? throw new MlsException("mls.message.sender", "The sender is not a member.");
                    if (!content.VerifySignature(_suite, sender.SignatureKey, _state.ContextBytes))
                        throw new MlsException("mls.message.signature", "The message signature does not verify.");
                    break;
                }
                // Application messages sent just before a commit may arrive after it; a few past epochs stay readable.
                var past = FindRetainedEpoch(priv);
                content = PrivateMessageProtection.Decrypt(_suite, priv, past.SecretTree, past.SenderDataSecret, _options.Limits);
                if (!content.VerifySignature(_suite, past.SignatureKeyOf(content.Content.Sender.Index), past.ContextBytes))
                    throw new MlsException("mls.message.signature", "The message signature does not verify.");
                break;
            default:
                throw new MlsException("mls.message.wire_format", $"A group cannot process a {message.WireFormat} message.");
        }

        var from = content.Content.Sender.Index;
        switch (content.Content.ContentType)
        {
            case ContentType.Application:
                return new ProcessedMessage(ProcessedMessageKind.Application, from, content.Content.AuthenticatedData, content.Content.ApplicationData);
            case ContentType.Proposal:
                // The delivery service echoes a member's own proposals; caching them once keeps commits valid.
                var reference = Proposal.Reference(_suite, content.ToBytes());
                // External proposals carry no leaf; the sentinel never matches a leaf (they cannot be Updates).
                var proposer = content.Content.Sender.Type == SenderType.Member ? from : ExternalProposer;
                if (!_proposals.Exists(p => p.Ref.AsSpan().SequenceEqual(reference)))
                    _proposals.Add((reference, content.Content.Proposal!, proposer));
                return new ProcessedMessage(ProcessedMessageKind.Proposal, from, content.Content.AuthenticatedData, Proposal: content.Content.Proposal, SenderType: content.Content.Sender.Type);
            default:
                if (content.Content.Sender.Type == SenderType.NewMemberCommit)
                    from = ProcessExternalCommit(content);
                else
                    ProcessCommit(content);
                return new ProcessedMessage(ProcessedMessageKind.Commit, from, content.Content.AuthenticatedData, SenderType: content.Content.Sender.Type);
        }
    }

    private RetainedEpoch FindRetainedEpoch(PrivateMessage message)
    {
        ExpireRetainedEpochs();
        if (message.ContentType == ContentType.Application)
        {
            foreach (var past in _pastEpochs)
                if (past.Epoch == message.Epoch) return past;
        }
        RequireActive();
        if (message.ContentType == ContentType.Application && message.Epoch < Epoch)
            throw new MlsException("mls.message.epoch_expired", $"The message is for epoch {message.Epoch}, which is no longer retained (the group is at {Epoch}).");
        throw new MlsException("mls.message.epoch", $"The message is for epoch {message.Epoch}, the group is at {Epoch}.");
    }

    private void ProcessCommit(AuthenticatedContent content)
    {
        var state = _state;
        var committer = content.Content.Sender.Index;
        if (committer == OwnLeafIndex)
        {
            if (_pendingCommit is { } pending && pending.Content.AsSpan().SequenceEqual(content.Content.ToBytes()))
            {
                Install(pending.State);
                PendingReInit = pending.ReInit;
                return;
            }
            throw new MlsException("mls.commit.own", "Received an own commit that is not the pending one.");
        }

        var commit = content.Content.Commit!;
        var resolved = new List<(Proposal, uint)>(commit.Proposals.Count);
        foreach (var p in commit.Proposals)
        {
            if (p.Proposal is not null)
            {
                resolved.Add((p.Proposal, committer));
                continue;
            }
            var cached = _proposals.FindIndex(c => c.Ref.AsSpan().SequenceEqual(p.Reference));
            if (cached < 0) throw new MlsException("mls.commit.unknown_proposal", "The commit references an unknown proposal.");
            resolved.Add((_proposals[cached].Proposal, _proposals[cached].Sender));
        }

        var applied = ProposalApplier.Apply(_suite, state.Tree, state.Context, resolved, committer, Now(), _options.Limits);
        if (applied.RemovesCommitter) throw new MlsException("mls.commit.invalid_proposals", "The commit removes its committer.");
        if (applied.PathRequired && commit.Path is null) throw new MlsException("mls.commit.path_required", "This commit needs an UpdatePath.");

        var tree = applied.Tree;
        var nextEpoch = state.Context.Epoch + 1;
        if (tree.GetLeaf(OwnLeafIndex) is null)
        {
            // Removed: the new epoch's secrets are not for us. The commit's signature and membership tag were
            // checked; its confirmation tag cannot be, as that needs the new epoch's keys.
            MarkRemoved();
            return;
        }

        var keys = state.Keys.Clone();
        var ownLeaf = tree.GetLeaf(OwnLeafIndex)!;
        if (!ownLeaf.EncryptionKey.AsSpan().SequenceEqual(state.Tree.GetLeaf(OwnLeafIndex)!.EncryptionKey))
        {
            var updated = _pendingUpdateKeys.GetValueOrDefault(Convert.ToHexString(ownLeaf.EncryptionKey))
                ?? throw new MlsException("mls.commit.unknown_update", "The commit applies an Update of the local leaf that it did not propose.");
            keys.Set(TreeMath.LeafToNode(OwnLeafIndex), updated);
        }
        keys.Prune(tree);

        var commitSecret = _suite.Zero();
        if (commit.Path is { } updatePath)
        {
            LeafNodeValidator.ValidateLeaf(_suite, updatePath.LeafNode, LeafNodeSource.Commit, GroupId, committer, null);
            LeafNodeValidator.ValidateAgainstGroup(updatePath.LeafNode, applied.Extensions);
            var path = TreeKem.ApplyUpdatePath(tree, committer, updatePath, GroupId);
            var provisional = state.Context with { Epoch = nextEpoch, TreeHash = tree.RootHash(), Extensions = applied.Extensions };
            (commitSecret, _) = TreeKem.DecryptPath(tree, keys, updatePath, path, provisional.ToBytes(), applied.Added.Select(a => a.Leaf).ToList());
            keys.Prune(tree);
        }

        var confirmed = TranscriptHash.Confirmed(_suite, state.InterimTranscriptHash, content);
        var context = new GroupContext(_suite.Id, GroupId, nextEpoch, tree.RootHash(), confirmed, applied.Extensions);
        var contextBytes = context.ToBytes();
        var pskSecret = PskSecret.Compute(_suite, applied.Psks.Select(id => (id, FindPsk(_options, id, this))).ToList());
        var secrets = EpochSecrets.Derive(_suite, state.Secrets.InitSecret, commitSecret, pskSecret, contextBytes);
        if (!_suite.VerifyMac(secrets.ConfirmationKey, confirmed, content.Auth.ConfirmationTag))
            throw new MlsException("mls.commit.confirmation_tag", "The commit's confirmation tag does not verify.");
        var interim = TranscriptHash.Interim(_suite, confirmed, content.Auth.ConfirmationTag!);
        Install(new EpochState(context, contextBytes, tree, keys, secrets, new SecretTree(_suite, secrets.EncryptionSecret, tree.LeafCount, _options.Limits), interim, content.Auth.ConfirmationTag!));
        PendingReInit = applied.ReInit;
    }

    // RFC 9420 §12.4.3.2: inline proposals only (one ExternalInit, at most one Remove, PSKs); the joiner takes the
    // leftmost free leaf and must send an UpdatePath. Returns the joiner's leaf index.
    private uint ProcessExternalCommit(AuthenticatedContent content)
    {
        var state = _state;
        var commit = content.Content.Commit!;
        var path = commit.Path!;
        ExternalInitProposal? init = null;
        var removes = new List<uint>();
        var psks = new List<PreSharedKeyId>();
        foreach (var p in commit.Proposals)
        {
            switch (p.Proposal)
            {
                case null:
                    throw new MlsException("mls.external.invalid", "An external commit cannot reference proposals.");
                case ExternalInitProposal e when init is null:
                    init = e;
                    break;
                case RemoveProposal r when removes.Count == 0:
                    state.Tree.RequireMember(r.Removed);
                    removes.Add(r.Removed);
                    break;
                case PreSharedKeyProposal psk:
                    psks.Add(psk.Psk);
                    break;
                default:
                    throw new MlsException("mls.external.invalid", $"An external commit cannot carry this {p.Proposal.Type} proposal.");
            }
        }
        if (init is null) throw new MlsException("mls.external.invalid", "An external commit needs an ExternalInit proposal.");

        var tree = state.Tree.Clone();
        foreach (var removed in removes) tree.RemoveLeaf(removed);
        if (tree.FindLeafBySignatureKey(path.LeafNode.SignatureKey) is not null)
            throw new MlsException("mls.external.invalid", "The joiner's signature key is already in the group.");
        var joiner = tree.AddLeaf(path.LeafNode, _options.Limits);
        LeafNodeValidator.ValidateLeaf(_suite, path.LeafNode, LeafNodeSource.Commit, GroupId, joiner, null);
        LeafNodeValidator.ValidateAgainstGroup(path.LeafNode, state.Context.Extensions);
        if (tree.GetLeaf(OwnLeafIndex) is null)
        {
            MarkRemoved();
            return joiner;
        }

        var keys = state.Keys.Clone();
        keys.Prune(tree);
        var nextEpoch = state.Context.Epoch + 1;
        var fdp = TreeKem.ApplyUpdatePath(tree, joiner, path, GroupId);
        var provisional = state.Context with { Epoch = nextEpoch, TreeHash = tree.RootHash() };
        var (commitSecret, _) = TreeKem.DecryptPath(tree, keys, path, fdp, provisional.ToBytes(), []);
        keys.Prune(tree);

        var initSecret = _suite.Hpke.SetupReceiverAndExport(init.KemOutput, state.Secrets.ExternalKeyPair().PrivateKey, [], ExternalInitLabel, _suite.HashLength);
        var confirmed = TranscriptHash.Confirmed(_suite, state.InterimTranscriptHash, content);
        var context = new GroupContext(_suite.Id, GroupId, nextEpoch, tree.RootHash(), confirmed, state.Context.Extensions);
        var contextBytes = context.ToBytes();
        var pskSecret = PskSecret.Compute(_suite, psks.Select(id => (id, FindPsk(_options, id, this))).ToList());
        var secrets = EpochSecrets.Derive(_suite, initSecret, commitSecret, pskSecret, contextBytes);
        if (!_suite.VerifyMac(secrets.ConfirmationKey, confirmed, content.Auth.ConfirmationTag))
            throw new MlsException("mls.commit.confirmation_tag", "The commit's confirmation tag does not verify.");
        var interim = TranscriptHash.Interim(_suite, confirmed, content.Auth.ConfirmationTag!);
        Install(new EpochState(context, contextBytes, tree, keys, secrets, new SecretTree(_suite, secrets.EncryptionSecret, tree.LeafCount, _options.Limits), interim, content.Auth.ConfirmationTag!));
        return joiner;
    }

    private ProcessedMessage? RecognizeOwnHandshake(MlsMessage message)
    {
        if (_pendingCommit is null && _sentProposals.Count == 0) return null;
        var bytes = message.ToBytes();
        if (_pendingCommit is { } pending && pending.Message.AsSpan().SequenceEqual(bytes))
        {
            Install(pending.State);
            PendingReInit = pending.ReInit;
            return new ProcessedMessage(ProcessedMessageKind.Commit, OwnLeafIndex, []);
        }
        foreach (var sent in _sentProposals)
            if (sent.Message.AsSpan().SequenceEqual(bytes))
                return new ProcessedMessage(ProcessedMessageKind.Proposal, OwnLeafIndex, sent.AuthenticatedData, Proposal: sent.Proposal);
        return null;
    }
}
