using System.Security.Cryptography;
using Harmony.Core.Crypto;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.KeySchedule;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Mls.Protection;
using Harmony.Core.Mls.Tree;

namespace Harmony.Core.Mls.Group;

/// <summary>
/// One member's view of an MLS group (RFC 9420): create or join, propose, commit, process incoming messages, and
/// encrypt and decrypt application data. Processing a message either succeeds completely or throws an
/// <see cref="MlsException"/> and leaves the epoch state unchanged.
/// </summary>
public sealed partial class MlsGroup : IDisposable
{
    private const ushort StateFormatVersion = 2;
    private const ushort StateFormatVersionWithoutRetainedEpochs = 1;
    private const uint ExternalProposer = uint.MaxValue;
    private static readonly byte[] ExternalInitLabel = "MLS 1.0 external init secret"u8.ToArray();
    private readonly CipherSuite _suite;
    private readonly MlsGroupOptions _options;
    private readonly byte[] _signaturePrivateKey;
    private readonly List<(byte[] Ref, Proposal Proposal, uint Sender)> _proposals = new();
    private readonly Dictionary<ulong, byte[]> _resumptionPsks = new();
    private readonly Dictionary<string, byte[]> _pendingUpdateKeys = new(StringComparer.Ordinal);
    private EpochState _state;
    // Past epochs still readable for late application messages, oldest first.
    private readonly List<RetainedEpoch> _pastEpochs = new();
    private Ed25519KeyPair? _signer;
    private (EpochState State, byte[] Content, ReInitProposal? ReInit, byte[] Message)? _pendingCommit;
    // Own handshake messages as sent, so echoes from the delivery service are recognised without decryption (the
    // sender's own ratchet keys are already consumed).
    private readonly List<(byte[] Message, Proposal Proposal, byte[] AuthenticatedData)> _sentProposals = new();

    private MlsGroup(CipherSuite suite, MlsGroupOptions options, byte[] signaturePrivateKey, EpochState state)
    {
        _suite = suite;
        _options = options;
        _signaturePrivateKey = signaturePrivateKey;
        _state = state;
        RememberResumptionPsk();
    }

    /// <summary>The cipher suite.</summary>
    public CipherSuite Suite => _suite;

    /// <summary>The group identifier.</summary>
    public byte[] GroupId => _state.Context.GroupId;

    /// <summary>The current epoch.</summary>
    public ulong Epoch => _state.Context.Epoch;

    /// <summary>The current group context.</summary>
    public GroupContext Context => _state.Context;

    /// <summary>The local member's leaf index.</summary>
    public uint OwnLeafIndex => _state.Keys.LeafIndex;

    /// <summary>
    /// Set once a commit with a ReInit proposal has been applied: the group must be replaced by a new one with these
    /// parameters (RFC 9420 §11.2) and no longer sends application messages or commits.
    /// </summary>
    public ReInitProposal? PendingReInit { get; private set; }

    /// <summary>False once the local member has been removed (see <see cref="Membership"/>).</summary>
    public bool IsActive => Membership == MlsMembership.Member;

    /// <summary>
    /// Whether the local member still belongs to the group. After its removal the group stays at the epoch in which
    /// the removing Commit arrived (<see cref="Epoch"/>, <see cref="Members"/> describe that epoch), refuses to encrypt,
    /// propose or commit with <c>mls.group.inactive</c>, and its state still exports and imports.
    /// </summary>
    public MlsMembership Membership { get; private set; } = MlsMembership.Member;

    /// <summary>The past epochs whose application messages still decrypt, oldest first.</summary>
    public IReadOnlyList<ulong> RetainedEpochs
    {
        get
        {
            ExpireRetainedEpochs();
            return _pastEpochs.Select(e => e.Epoch).ToList();
        }
    }

    /// <summary>The ratchet tree of the current epoch (internal: callers outside the core must not mutate it).</summary>
    internal RatchetTree Tree => _state.Tree;

    /// <summary>The epoch authenticator of the current epoch (RFC 9420 §8.7).</summary>
    public byte[] EpochAuthenticator => _state.Secrets.EpochAuthenticator;

    /// <summary>Leaf indices and credentials of the current members.</summary>
    public IReadOnlyList<(uint Leaf, Credential Credential)> Members
        => _state.Tree.MemberLeaves().Select(l => (l, _state.Tree.GetLeaf(l)!.Credential)).ToList();

    /// <summary>MLS-Exporter of the current epoch (RFC 9420 §8.5).</summary>
    public byte[] Export(string label, ReadOnlySpan<byte> context, int length) => _state.Secrets.Export(label, context, length);

    /// <summary>Creates a one-member group (RFC 9420 §11) for the owner of <paramref name="own"/>.</summary>
    public static MlsGroup Create(CipherSuite suite, byte[] groupId, KeyPackageBundle own, IReadOnlyList<Extension>? extensions = null, MlsGroupOptions? options = null)
    {
        options ??= MlsGroupOptions.Default;
        if (own.KeyPackage.CipherSuite != suite.Id) throw new MlsException("mls.key_package.cipher_suite", "The KeyPackage uses another cipher suite.");
        var tree = new RatchetTree(suite, own.KeyPackage.LeafNode);
        var context = new GroupContext(suite.Id, groupId, 0, tree.RootHash(), [], extensions ?? []);
        var contextBytes = context.ToBytes();
        var secrets = EpochSecrets.FromJoinerSecret(suite, RandomNumberGenerator.GetBytes(suite.HashLength), suite.Zero(), contextBytes);
        var tag = suite.Mac(secrets.ConfirmationKey, []);
        var interim = TranscriptHash.Interim(suite, [], tag);
        var state = new EpochState(context, contextBytes, tree, new TreePrivateKeys(0, own.EncryptionPrivateKey), secrets,
            new SecretTree(suite, secrets.EncryptionSecret, tree.LeafCount, options.Limits), interim, tag);
        return new MlsGroup(suite, options, own.SignaturePrivateKey, state);
    }

    /// <summary>
    /// Joins a group from a Welcome (RFC 9420 §12.4.3.1). <paramref name="ratchetTree"/> supplies the tree when the
    /// GroupInfo does not carry one.
    /// </summary>
    public static MlsGroup Join(Welcome welcome, KeyPackageBundle own, RatchetTree? ratchetTree = null, MlsGroupOptions? options = null)
    {
        options ??= MlsGroupOptions.Default;
        var suite = CipherSuite.FromId(welcome.CipherSuite);
        if (own.KeyPackage.CipherSuite != suite.Id) throw new MlsException("mls.welcome.cipher_suite", "The Welcome uses another cipher suite than the KeyPackage.");
        var entry = WelcomeProtection.FindSecrets(welcome, own.KeyPackage.Reference(suite));
        var secrets = WelcomeProtection.DecryptGroupSecrets(suite, welcome, entry, own.InitPrivateKey, options.Limits);
        var pskSecret = PskSecret.Compute(suite, secrets.Psks.Select(id => (id, FindPsk(options, id, null))).ToList());
        var groupInfo = WelcomeProtection.DecryptGroupInfo(suite, welcome, WelcomeProtection.WelcomeSecret(suite, secrets.JoinerSecret, pskSecret), options.Limits);
        var context = groupInfo.GroupContext;
        if (context.CipherSuite != suite.Id) throw new MlsException("mls.welcome.cipher_suite", "The GroupInfo uses another cipher suite.");

        var tree = VerifiedTree(suite, groupInfo, ratchetTree, options);

        // Encryption keys are unique in a valid tree, so the key finds the candidate and the full leaf confirms it.
        var ownLeaf = tree.FindLeafByEncryptionKey(own.KeyPackage.LeafNode.EncryptionKey);
        if (ownLeaf is null || !tree.GetLeaf(ownLeaf.Value)!.ToBytes().AsSpan().SequenceEqual(own.KeyPackage.LeafNode.ToBytes()))
            throw new MlsException("mls.welcome.not_in_tree", "The joiner's leaf is not in the ratchet tree.");

        var keys = new TreePrivateKeys(ownLeaf.Value, own.EncryptionPrivateKey);
        if (secrets.PathSecret is { } pathSecret)
        {
            var ancestor = CommonAncestor(TreeMath.LeafToNode(ownLeaf.Value), TreeMath.LeafToNode(groupInfo.Signer), tree.LeafCount);
            var secret = pathSecret;
            var first = true;
            for (var node = ancestor; ; node = TreeMath.Parent(node, tree.LeafCount))
            {
                if (!tree.IsBlank(node))
                {
                    if (!first) secret = suite.DeriveSecret(secret, "path");
                    first = false;
                    var pair = TreeKem.NodeKeyPair(suite, secret);
                    if (!pair.PublicKey.AsSpan().SequenceEqual(tree.GetParent(node)!.EncryptionKey))
                        throw new MlsException("mls.welcome.path_secret", "The path secret does not match the tree.");
                    keys.Set(node, pair.PrivateKey);
                }
                if (node == TreeMath.Root(tree.LeafCount)) break;
            }
        }

        var contextBytes = context.ToBytes();
        var epochSecrets = EpochSecrets.FromJoinerSecret(suite, secrets.JoinerSecret, pskSecret, contextBytes);
        if (!suite.VerifyMac(epochSecrets.ConfirmationKey, context.ConfirmedTranscriptHash, groupInfo.ConfirmationTag))
            throw new MlsException("mls.welcome.confirmation_tag", "The GroupInfo confirmation tag does not verify.");
        var interim = TranscriptHash.Interim(suite, context.ConfirmedTranscriptHash, groupInfo.ConfirmationTag);
        var state = new EpochState(context, contextBytes, tree, keys, epochSecrets,
            new SecretTree(suite, epochSecrets.EncryptionSecret, tree.LeafCount, options.Limits), interim, groupInfo.ConfirmationTag);
        return new MlsGroup(suite, options, own.SignaturePrivateKey, state);
    }

    /// <summary>
    /// Joins a group without a Welcome by sending an external commit (RFC 9420 §12.4.3.2) built from a signed
    /// GroupInfo that carries the external_pub extension. The returned group is already in the new epoch; if the
    /// delivery service rejects the commit, discard it and retry with a fresh GroupInfo. <paramref name="resyncLeaf"/>
    /// removes the joiner's own stale leaf (re-joining after losing state).
    /// </summary>
    public static ExternalJoin JoinByExternalCommit(GroupInfo groupInfo, Credential credential, byte[] signaturePrivateKey, RatchetTree? ratchetTree = null, uint? resyncLeaf = null, MlsGroupOptions? options = null)
    {
        options ??= MlsGroupOptions.Default;
        var context = groupInfo.GroupContext;
        var suite = CipherSuite.FromId(context.CipherSuite);
        var tree = VerifiedTree(suite, groupInfo, ratchetTree, options);
        var externalPubExtension = groupInfo.FindExtension(ExtensionType.ExternalPub)
            ?? throw new MlsException("mls.external.no_external_pub", "The GroupInfo has no external_pub extension.");
        var externalPub = MlsEncoding.Decode(externalPubExtension.Data, (ref TlsReader r) => r.ReadOpaque());
        var (kemOutput, initSecret) = suite.Hpke.SetupSenderAndExport(externalPub, [], ExternalInitLabel, suite.HashLength);

        var proposals = new List<ProposalOrRef> { new(new ExternalInitProposal(kemOutput), null) };
        var next = tree.Clone();
        if (resyncLeaf is { } stale)
        {
            next.RemoveLeaf(stale);
            proposals.Add(new ProposalOrRef(new RemoveProposal(stale), null));
        }
        var leafTemplate = new LeafNode
        {
            EncryptionKey = [],
            SignatureKey = suite.SignaturePublicKeyOf(signaturePrivateKey),
            Credential = credential,
            Capabilities = KeyPackageBundle.DefaultCapabilities,
            Source = LeafNodeSource.Commit,
            ParentHash = [],
            Extensions = [],
            Signature = [],
        };
        var ownLeaf = next.AddLeaf(leafTemplate, options.Limits);
        var nextEpoch = context.Epoch + 1;
        var path = TreeKem.CreateUpdatePath(next, ownLeaf, context.GroupId, leafTemplate, signaturePrivateKey,
            treeHash => (context with { Epoch = nextEpoch, TreeHash = treeHash }).ToBytes(), []);

        var content = new FramedContent
        {
            GroupId = context.GroupId,
            Epoch = context.Epoch,
            Sender = new Sender(SenderType.NewMemberCommit, 0),
            ContentType = ContentType.Commit,
            Commit = new Commit(proposals, path.Path),
        };
        var oldContextBytes = context.ToBytes();
        var signature = AuthenticatedContent.Sign(suite, signaturePrivateKey, WireFormat.PublicMessage, content, oldContextBytes);
        var interimBefore = TranscriptHash.Interim(suite, context.ConfirmedTranscriptHash, groupInfo.ConfirmationTag);
        var confirmed = TranscriptHash.Confirmed(suite, interimBefore, new AuthenticatedContent(WireFormat.PublicMessage, content, new FramedContentAuthData(signature, [])));
        var newContext = new GroupContext(suite.Id, context.GroupId, nextEpoch, next.RootHash(), confirmed, context.Extensions);
        var newContextBytes = newContext.ToBytes();
        var secrets = EpochSecrets.Derive(suite, initSecret, path.CommitSecret, suite.Zero(), newContextBytes);
        var tag = suite.Mac(secrets.ConfirmationKey, confirmed);
        var message = new MlsMessage
        {
            WireFormat = WireFormat.PublicMessage,
            PublicMessage = new PublicMessage(content, new FramedContentAuthData(signature, tag), null),
        };
        var state = new EpochState(newContext, newContextBytes, next, path.PrivateKeys, secrets,
            new SecretTree(suite, secrets.EncryptionSecret, next.LeafCount, options.Limits), TranscriptHash.Interim(suite, confirmed, tag), tag);
        return new ExternalJoin(new MlsGroup(suite, options, signaturePrivateKey, state), message);
    }

    /// <summary>A signed GroupInfo of the current epoch (with the ratchet tree and external_pub extensions) for external joiners.</summary>
    public GroupInfo CreateGroupInfo()
    {
        RequireActive();
        return SignGroupInfo(_state.Context, _state.Tree, _state.Secrets, _state.ConfirmationTag, null).Info();
    }

    /// <summary>Encrypts application data for the group as a PrivateMessage.</summary>
    public MlsMessage EncryptApplication(ReadOnlySpan<byte> plaintext, byte[]? authenticatedData = null)
    {
        RequireActive();
        RequireNoReInit();
        var content = NewContent(ContentType.Application, authenticatedData) with { ApplicationData = plaintext.ToArray() };
        var block = Math.Max(1, _options.PaddingBlock);
        var padding = (block - (plaintext.Length % block)) % block;
        // The signing key is imported once per group: application messages are the hot path.
        _signer ??= Ed25519KeyPair.FromSeed(_signaturePrivateKey);
        var signature = _suite.SignWithLabel(_signer, "FramedContentTBS", AuthenticatedContent.ToBeSigned(WireFormat.PrivateMessage, content, _state.ContextBytes));
        var message = PrivateMessageProtection.Encrypt(_suite, content, new FramedContentAuthData(signature, null), _state.SecretTree, _state.Secrets.SenderDataSecret, padding);
        return new MlsMessage { WireFormat = WireFormat.PrivateMessage, PrivateMessage = message };
    }

    /// <summary>Proposes adding the owner of <paramref name="keyPackage"/>; the proposal is also cached locally.</summary>
    public MlsMessage ProposeAdd(KeyPackage keyPackage)
    {
        LeafNodeValidator.ValidateKeyPackage(_suite, keyPackage, Now());
        return SendProposal(new AddProposal(keyPackage));
    }

    /// <summary>Proposes removing the member at <paramref name="leafIndex"/>.</summary>
    public MlsMessage ProposeRemove(uint leafIndex)
    {
        _state.Tree.RequireMember(leafIndex);
        return SendProposal(new RemoveProposal(leafIndex));
    }

    /// <summary>Proposes replacing the local leaf's encryption key (another member commits it).</summary>
    public MlsMessage ProposeUpdate()
    {
        RequireActive();
        var keyPair = Hpke.GenerateKeyPair();
        var leaf = (_state.Tree.GetLeaf(OwnLeafIndex)! with { EncryptionKey = keyPair.PublicKey, Source = LeafNodeSource.Update, Lifetime = null, ParentHash = null })
            .Signed(_suite, _signaturePrivateKey, GroupId, OwnLeafIndex);
        _pendingUpdateKeys[Convert.ToHexString(keyPair.PublicKey)] = keyPair.PrivateKey;
        return SendProposal(new UpdateProposal(leaf));
    }

    /// <summary>
    /// Creates a commit covering all cached proposals plus <paramref name="proposals"/> (sent inline). An UpdatePath
    /// is included when the proposals require one (RFC 9420 §12.4) or when <paramref name="forceUpdatePath"/> is set,
    /// which refreshes the committer's keys for post-compromise security; add-only commits skip it by default so
    /// adding a member costs O(log n). The group stays in its epoch until <see cref="MergePendingCommit"/> is called
    /// (or the commit is received back from the delivery service).
    /// </summary>
    public CommitOutput Commit(IReadOnlyList<Proposal>? proposals = null, bool forceUpdatePath = false)
    {
        RequireActive();
        RequireNoReInit();
        var own = OwnLeafIndex;
        var state = _state;
        var all = _proposals.Select(p => (p.Proposal, p.Sender)).ToList();
        var references = _proposals.Select(p => new ProposalOrRef(null, p.Ref)).ToList();
        foreach (var p in proposals ?? [])
        {
            if (p is AddProposal add) LeafNodeValidator.ValidateKeyPackage(_suite, add.KeyPackage, Now());
            all.Add((p, own));
            references.Add(new ProposalOrRef(p, null));
        }
        var applied = ProposalApplier.Apply(_suite, state.Tree, state.Context, all, own, Now(), _options.Limits);
        if (applied.RemovesCommitter) throw new MlsException("mls.commit.invalid_proposals", "A member cannot commit its own removal.");

        var tree = applied.Tree;
        var nextEpoch = state.Context.Epoch + 1;
        var excluded = applied.Added.Select(a => a.Leaf).ToList();
        var withPath = forceUpdatePath || applied.PathRequired;
        var path = withPath
            ? TreeKem.CreateUpdatePath(tree, own, GroupId, tree.GetLeaf(own)!, _signaturePrivateKey,
                treeHash => (state.Context with { Epoch = nextEpoch, TreeHash = treeHash, Extensions = applied.Extensions }).ToBytes(), excluded)
            : null;
        var commitSecret = path?.CommitSecret ?? _suite.Zero();
        var pathSecrets = path?.PathSecrets ?? new Dictionary<uint, byte[]>();
        var keys = path?.PrivateKeys ?? state.Keys.Clone();
        keys.Prune(tree);

        var wireFormat = _options.EncryptHandshakeMessages ? WireFormat.PrivateMessage : WireFormat.PublicMessage;
        var content = NewContent(ContentType.Commit, null) with { Commit = new Commit(references, path?.Path) };
        var signature = AuthenticatedContent.Sign(_suite, _signaturePrivateKey, wireFormat, content, state.ContextBytes);
        var unconfirmed = new AuthenticatedContent(wireFormat, content, new FramedContentAuthData(signature, []));
        var confirmed = TranscriptHash.Confirmed(_suite, state.InterimTranscriptHash, unconfirmed);
        var context = new GroupContext(_suite.Id, GroupId, nextEpoch, tree.RootHash(), confirmed, applied.Extensions);
        var contextBytes = context.ToBytes();
        var pskSecret = PskSecret.Compute(_suite, applied.Psks.Select(id => (id, FindPsk(_options, id, this))).ToList());
        var secrets = EpochSecrets.Derive(_suite, state.Secrets.InitSecret, commitSecret, pskSecret, contextBytes);
        var tag = _suite.Mac(secrets.ConfirmationKey, confirmed);
        var auth = new FramedContentAuthData(signature, tag);

        MlsMessage commitMessage = wireFormat == WireFormat.PublicMessage
            ? new MlsMessage { WireFormat = wireFormat, PublicMessage = PublicMessageProtection.WithMembershipTag(_suite, content, auth, state.ContextBytes, state.Secrets.MembershipKey) }
            : new MlsMessage { WireFormat = wireFormat, PrivateMessage = PrivateMessageProtection.Encrypt(_suite, content, auth, state.SecretTree, state.Secrets.SenderDataSecret) };

        var recipients = applied.Added.Count == 0 ? null
            : applied.Added.Select(a => (a.KeyPackage, new GroupSecrets(secrets.JoinerSecret, PathSecretFor(tree, a.Leaf, pathSecrets), applied.Psks))).ToList();
        var (groupInfo, welcomeContent) = SignGroupInfo(context, tree, secrets, tag, recipients);
        var welcome = welcomeContent is null ? null : new MlsMessage { WireFormat = WireFormat.Welcome, Welcome = welcomeContent };

        var interim = TranscriptHash.Interim(_suite, confirmed, tag);
        var next = new EpochState(context, contextBytes, tree, keys, secrets, new SecretTree(_suite, secrets.EncryptionSecret, tree.LeafCount, _options.Limits), interim, tag);
        _pendingCommit = (next, content.ToBytes(), applied.ReInit, commitMessage.ToBytes());
        return new CommitOutput(commitMessage, welcome, groupInfo);
    }

    /// <summary>Moves to the epoch created by the last <see cref="Commit"/>.</summary>
    public void MergePendingCommit()
    {
        var pending = _pendingCommit ?? throw new MlsException("mls.commit.no_pending", "There is no pending commit.");
        Install(pending.State);
        PendingReInit = pending.ReInit;
    }

    /// <summary>Discards the pending commit (for example when the delivery service rejected it).</summary>
    public void ClearPendingCommit() => _pendingCommit = null;

    /// <summary>Releases the cached signing key.</summary>
    public void Dispose()
    {
        _signer?.Dispose();
        _signer = null;
    }

    /// <inheritdoc />
    public override string ToString() => $"MlsGroup(epoch {Epoch}, leaf {OwnLeafIndex}, {_state.Tree.MemberLeaves().Count()} members)";

    private void Install(EpochState next)
    {
        Retire(_state);
        _state = next;
        _pendingCommit = null;
        _proposals.Clear();
        _sentProposals.Clear();
        _pendingUpdateKeys.Clear();
        RememberResumptionPsk();
    }

    // The local member was removed by a commit: the current epoch becomes a retained one (messages sent in it before
    // the removal still decrypt) and the state stays consistent so that it exports and imports.
    private void MarkRemoved()
    {
        Retire(_state);
        Membership = MlsMembership.Removed;
        _pendingCommit = null;
        _proposals.Clear();
        _sentProposals.Clear();
        _pendingUpdateKeys.Clear();
    }

    private void Retire(EpochState state)
    {
        if (_options.RetainedEpochs <= 0) return;
        _pastEpochs.RemoveAll(e => e.Epoch == state.Context.Epoch);
        _pastEpochs.Add(RetainedEpoch.From(state, _options.Time.GetUtcNow()));
        while (_pastEpochs.Count > _options.RetainedEpochs) _pastEpochs.RemoveAt(0);
        ExpireRetainedEpochs();
    }

    private void ExpireRetainedEpochs()
    {
        if (_pastEpochs.Count == 0) return;
        var now = _options.Time.GetUtcNow();
        _pastEpochs.RemoveAll(e => now - e.RetiredAt > _options.RetainedEpochLifetime);
    }

    private void RememberResumptionPsk()
    {
        _resumptionPsks[Epoch] = _state.Secrets.ResumptionPsk;
        if (Epoch >= (ulong)_options.RetainedResumptionEpochs) _resumptionPsks.Remove(Epoch - (ulong)_options.RetainedResumptionEpochs);
    }

    private MlsMessage SendProposal(Proposal proposal)
    {
        RequireActive();
        var wireFormat = _options.EncryptHandshakeMessages ? WireFormat.PrivateMessage : WireFormat.PublicMessage;
        var content = NewContent(ContentType.Proposal, null) with { Proposal = proposal };
        var signature = AuthenticatedContent.Sign(_suite, _signaturePrivateKey, wireFormat, content, _state.ContextBytes);
        var auth = new FramedContentAuthData(signature, null);
        _proposals.Add((Proposal.Reference(_suite, new AuthenticatedContent(wireFormat, content, auth).ToBytes()), proposal, OwnLeafIndex));
        var message = wireFormat == WireFormat.PublicMessage
            ? new MlsMessage { WireFormat = wireFormat, PublicMessage = PublicMessageProtection.WithMembershipTag(_suite, content, auth, _state.ContextBytes, _state.Secrets.MembershipKey) }
            : new MlsMessage { WireFormat = wireFormat, PrivateMessage = PrivateMessageProtection.Encrypt(_suite, content, auth, _state.SecretTree, _state.Secrets.SenderDataSecret) };
        _sentProposals.Add((message.ToBytes(), proposal, content.AuthenticatedData));
        return message;
    }

    private FramedContent NewContent(ContentType type, byte[]? authenticatedData) => new()
    {
        GroupId = GroupId,
        Epoch = Epoch,
        Sender = Sender.Member(OwnLeafIndex),
        AuthenticatedData = authenticatedData ?? [],
        ContentType = type,
    };

    // The signed GroupInfo (materialized on demand) and, for new members, the Welcome carrying it. With the ratchet
    // tree inside, the GroupInfo is most of an add's cost in a big group, so it is encoded once, straight from the
    // tree's cached node encodings into a pooled buffer laid out as SignContent (label, then the TBS as a vector)
    // followed by the signature: the signature covers the buffer up to the TBS's end, and the encoded GroupInfo
    // (TBS ‖ signature) is the buffer's tail, sealed into the Welcome without a copy. No tree-sized array is
    // allocated except the sealed Welcome itself.
    private (Func<GroupInfo> Info, Welcome? Welcome) SignGroupInfo(GroupContext context, RatchetTree tree, EpochSecrets secrets, byte[] confirmationTag,
        IReadOnlyList<(KeyPackage KeyPackage, GroupSecrets Secrets)>? recipients)
    {
        var externalPub = new TlsWriter(40);
        externalPub.WriteOpaque(secrets.ExternalKeyPair().PublicKey);
        var externalPubExtension = new Extension(ExtensionType.ExternalPub, externalPub.ToArray());
        var withTree = _options.RatchetTreeInWelcome;
        var signer = OwnLeafIndex;
        _signer ??= Ed25519KeyPair.FromSeed(_signaturePrivateKey);

        var writer = TlsWriter.Rent((withTree ? tree.EncodedLength : 0) + context.ToBytes().Length + confirmationTag.Length + 256);
        byte[] signature;
        Welcome? welcome = null;
        try
        {
            CipherSuite.WriteSignLabel(writer, "GroupInfoTBS");
            var start = writer.BeginVector();
            // GroupInfoTBS (RFC 9420 §12.4.3): group_context, extensions<V>, confirmation_tag, signer.
            context.Encode(writer);
            var extensions = writer.BeginVector();
            if (withTree)
            {
                writer.WriteUInt16(ExtensionType.RatchetTree);
                var data = writer.BeginVector();
                tree.Encode(writer);
                writer.EndVector(data);
            }
            externalPubExtension.Encode(writer);
            writer.EndVector(extensions);
            writer.WriteOpaque(confirmationTag);
            writer.WriteUInt32(signer);
            var tbsLength = writer.Length - start;
            writer.EndVector(start);
            var tbsStart = writer.Length - tbsLength;
            signature = _signer.Sign(writer.WrittenSpan);
            if (recipients is not null)
            {
                writer.WriteOpaque(signature);
                welcome = WelcomeProtection.Create(_suite, writer.WrittenSpan[tbsStart..], secrets.WelcomeSecret, recipients);
            }
        }
        finally
        {
            writer.Return();
        }

        // The same fields as signed; the tree is snapshotted (a copy of its node arrays) in case the caller's tree
        // changes before the GroupInfo is asked for.
        var snapshot = withTree ? tree.Clone() : null;
        return (() => new GroupInfo
        {
            GroupContext = context,
            Extensions = snapshot is null ? [externalPubExtension] : [new Extension(ExtensionType.RatchetTree, snapshot.ToBytes()), externalPubExtension],
            ConfirmationTag = confirmationTag,
            Signer = signer,
            Signature = signature,
        }, welcome);
    }

    private static RatchetTree VerifiedTree(CipherSuite suite, GroupInfo groupInfo, RatchetTree? ratchetTree, MlsGroupOptions options)
    {
        var context = groupInfo.GroupContext;
        RatchetTree tree;
        if (groupInfo.FindExtension(ExtensionType.RatchetTree) is { } treeExtension)
            tree = RatchetTree.Parse(suite, treeExtension.Data, options.Limits);
        else
            tree = ratchetTree?.Clone() ?? throw new MlsException("mls.welcome.no_tree", "The GroupInfo carries no ratchet tree and none was supplied.");

        var signer = tree.GetLeaf(groupInfo.Signer) ?? throw new MlsException("mls.welcome.signer", "The GroupInfo signer is not a member.");
        if (!groupInfo.VerifySignature(suite, signer.SignatureKey))
            throw new MlsException("mls.welcome.signature", "The GroupInfo signature does not verify.");
        if (!tree.RootHash().AsSpan().SequenceEqual(context.TreeHash))
            throw new MlsException("mls.welcome.tree_hash", "The ratchet tree does not match the group's tree hash.");
        tree.ValidateStructure();
        if (!tree.ParentHashesValid()) throw new MlsException("mls.welcome.parent_hash", "The ratchet tree's parent hashes are invalid.");
        if (!tree.LeafSignaturesValid(context.GroupId)) throw new MlsException("mls.welcome.leaf_signature", "A leaf signature in the ratchet tree is invalid.");
        return tree;
    }

    private static byte[]? PathSecretFor(RatchetTree tree, uint newLeaf, IReadOnlyDictionary<uint, byte[]> pathSecrets)
    {
        foreach (var node in TreeMath.DirectPath(TreeMath.LeafToNode(newLeaf), tree.LeafCount))
            if (pathSecrets.TryGetValue(node, out var secret)) return secret;
        return null;
    }

    private static uint CommonAncestor(uint a, uint b, uint leafCount)
    {
        if (a == b) return a;
        foreach (var node in TreeMath.DirectPath(a, leafCount))
            if (TreeMath.IsInSubtree(node, b)) return node;
        return TreeMath.Root(leafCount);
    }

    private static byte[] FindPsk(MlsGroupOptions options, PreSharedKeyId id, MlsGroup? group)
    {
        if (id.Type == PskType.External)
            return options.ExternalPsks.Find(id.PskId) ?? throw new MlsException("mls.psk.unknown", "An external PSK is unknown.");
        if (group is not null && id.PskGroupId.AsSpan().SequenceEqual(group.GroupId) && group._resumptionPsks.TryGetValue(id.PskEpoch, out var psk))
            return psk;
        throw new MlsException("mls.psk.unknown", "A resumption PSK is unavailable.");
    }

    private DateTimeOffset? Now() => _options.CheckLifetimes ? _options.Time.GetUtcNow() : null;

    private void RequireNoReInit()
    {
        if (PendingReInit is not null) throw new MlsException("mls.group.reinit", "The group was re-initialised; continue in the new group.");
    }

    private void RequireActive()
    {
        if (!IsActive) throw new MlsException("mls.group.inactive", "The local member has been removed from the group.");
    }
}
