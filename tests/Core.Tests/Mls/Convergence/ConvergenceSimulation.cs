using Harmony.Core.Mls.Codec;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Xunit;

namespace Harmony.Core.Tests.Mls.Convergence;

/// <summary>
/// Drives one MLS group through seeded random add/remove/update commits over an <see cref="OrderingDeliveryService"/>
/// and checks after every commit that all members agree and can read each other. Everything travels as wire bytes.
/// </summary>
internal sealed class ConvergenceSimulation
{
    private static readonly byte[] GroupId = "harmony-convergence"u8.ToArray();
    private static readonly string[] RemovedCodes = ["mls.group.inactive", "mls.message.epoch"];

    private readonly CipherSuite _suite;
    private readonly Random _random;
    private readonly MlsGroupOptions _options;
    private readonly OrderingDeliveryService _ds = new();
    private readonly List<SimMember> _active = [];
    private readonly List<SimMember> _removed = [];
    private readonly int _minSize;
    private readonly int _maxSize;
    private int _messageCounter;
    private (byte[] Text, byte[] Message, List<SimMember> Readers)? _late;

    public ConvergenceSimulation(ushort suiteId, int seed, int targetSize, MlsGroupOptions? options = null)
    {
        _suite = CipherSuite.FromId(suiteId);
        _random = new Random(seed);
        _options = options ?? MlsGroupOptions.Default;
        var spread = Math.Max(1, targetSize / 10);
        _minSize = Math.Max(2, targetSize - spread);
        _maxSize = targetSize + spread;
        var founder = NewBundle(out var did);
        _active.Add(new SimMember(did, MlsGroup.Create(_suite, GroupId, founder, options: _options)));
    }

    /// <summary>Application messages decrypted by members.</summary>
    public int MessagesDecrypted { get; private set; }

    /// <summary>Messages sent after a removal that a removed member tried and failed to read.</summary>
    public int RemovedMemberRejections { get; private set; }

    /// <summary>Commits that lost their epoch to a concurrent commit and were retried.</summary>
    public int LostRaces { get; private set; }

    /// <summary>Members removed so far.</summary>
    public int Removals => _removed.Count;

    /// <summary>Current member count.</summary>
    public int Size => _active.Count;

    /// <summary>The delivery service (for its counters).</summary>
    public OrderingDeliveryService DeliveryService => _ds;

    /// <summary>Grows the group to <paramref name="size"/> members with add-only commits of up to <paramref name="batch"/> members.</summary>
    public void GrowTo(int size, int batch)
    {
        while (_active.Count < size)
        {
            var joiners = Enumerable.Range(0, Math.Min(batch, size - _active.Count))
                .Select(_ => (Bundle: NewBundle(out var did), Did: did)).ToList();
            var committer = Pick(_active);
            var output = committer.Group.Commit(joiners.Select(j => (Proposal)new AddProposal(j.Bundle.KeyPackage)).ToList());
            Assert.True(_ds.TrySubmitCommit(output.Commit.ToBytes()));
            Broadcast(output.Commit.ToBytes(), committer, skip: null);
            var welcome = output.Welcome!.ToBytes();
            foreach (var (bundle, did) in joiners)
                _active.Add(new SimMember(did, MlsGroup.Join(MlsMessage.Parse(welcome).Welcome!, bundle, options: _options)));
            AssertConverged();
        }
        ExchangeMessages();
    }

    /// <summary>
    /// One random step: a message is put in flight, then one commit (or, sometimes, several concurrent commits for
    /// the same epoch) is ordered and delivered; the in-flight message is delivered late; every member then sends or
    /// reads messages of the new epoch.
    /// </summary>
    public void RandomStep(double concurrency)
    {
        var inFlightSender = Pick(_active);
        var inFlightText = NextPlaintext(inFlightSender);
        _late = (inFlightText, inFlightSender.Group.EncryptApplication(inFlightText).ToBytes(), _active.Where(m => m != inFlightSender).ToList());

        if (_active.Count >= 3 && _random.NextDouble() < concurrency)
            ConcurrentCommits();
        else
            CommitAndDeliver(Plan(Pick(_active), concurrent: false));
        Assert.Null(_late);
        ExchangeMessages();
    }

    private void ConcurrentCommits()
    {
        var count = Math.Min(_random.Next(2, 5), _active.Count);
        var committers = _active.OrderBy(_ => _random.Next()).Take(count).ToList();
        var attempts = committers.Select(c => Plan(c, concurrent: true)).Select(op => (Op: op, Output: Build(op))).ToList();
        var epoch = _ds.Epoch;

        // Submitted in random order: the first is accepted, every other one is for a past epoch by then.
        var order = attempts.OrderBy(_ => _random.Next()).ToList();
        var winner = order[0];
        Assert.True(_ds.TrySubmitCommit(winner.Output.Commit.ToBytes()));
        foreach (var loser in order.Skip(1))
            Assert.False(_ds.TrySubmitCommit(loser.Output.Commit.ToBytes()), "The delivery service accepted two commits for one epoch.");
        Deliver(winner.Op, winner.Output);

        var losers = order.Skip(1).ToList();
        LostRaces += losers.Count;
        foreach (var (op, output) in losers)
        {
            var loser = op.Committer;
            if (!_active.Contains(loser)) continue; // the winner removed it
            loser.Group.ClearPendingCommit();
            Assert.Equal(epoch + 1, loser.Group.Epoch);
            // Had a member received the stale commit anyway, it would refuse it rather than fork.
            var bystander = _active.First(m => m != loser);
            var stale = Assert.Throws<MlsException>(() => bystander.Group.Process(MlsMessage.Parse(output.Commit.ToBytes())));
            Assert.Equal("mls.message.epoch", stale.Code);
        }
        foreach (var (op, _) in losers)
        {
            if (!_active.Contains(op.Committer)) continue;
            var retry = Revalidate(op);
            if (retry is not null) CommitAndDeliver(retry);
        }
    }

    // A lost operation may no longer make sense after the winner's commit (target gone, size limits).
    private PlannedOperation? Revalidate(PlannedOperation op) => op.Kind switch
    {
        OperationKind.Remove when !_active.Contains(op.Target!) || _active.Count <= _minSize => null,
        OperationKind.Add when _active.Count >= _maxSize => null,
        _ => op,
    };

    private PlannedOperation Plan(SimMember committer, bool concurrent)
    {
        var kinds = new List<OperationKind> { OperationKind.UpdatePath };
        if (!concurrent && _active.Count > 1) kinds.Add(OperationKind.UpdateProposal);
        if (_active.Count < _maxSize) kinds.Add(OperationKind.Add);
        if (_active.Count > _minSize) kinds.Add(OperationKind.Remove);
        var kind = kinds[_random.Next(kinds.Count)];
        switch (kind)
        {
            case OperationKind.Add:
                var bundle = NewBundle(out var did);
                return new PlannedOperation(kind, committer, Joiner: bundle, JoinerDid: did);
            case OperationKind.Remove:
            case OperationKind.UpdateProposal:
                return new PlannedOperation(kind, committer, Target: Pick(_active.Where(m => m != committer).ToList()));
            default:
                return new PlannedOperation(kind, committer);
        }
    }

    private CommitOutput Build(PlannedOperation op)
    {
        var group = op.Committer.Group;
        switch (op.Kind)
        {
            case OperationKind.Add:
                return group.Commit([new AddProposal(op.Joiner!.KeyPackage)]);
            case OperationKind.Remove:
                return group.Commit([new RemoveProposal(op.Target!.Group.OwnLeafIndex)]);
            case OperationKind.UpdateProposal:
                var proposal = op.Target!.Group.ProposeUpdate().ToBytes();
                Assert.True(_ds.IsCurrent(proposal));
                foreach (var member in _active.Where(m => m != op.Target))
                    Assert.Equal(ProcessedMessageKind.Proposal, member.Group.Process(MlsMessage.Parse(proposal)).Kind);
                return group.Commit();
            default:
                return group.Commit(forceUpdatePath: true);
        }
    }

    private void CommitAndDeliver(PlannedOperation op)
    {
        var output = Build(op);
        Assert.True(_ds.TrySubmitCommit(output.Commit.ToBytes()), "An uncontended commit was refused.");
        Deliver(op, output);
    }

    private void Deliver(PlannedOperation op, CommitOutput output)
    {
        var bytes = output.Commit.ToBytes();
        SimMember? offline = null;
        if (op.Kind == OperationKind.Remove && _random.Next(2) == 0)
        {
            // The removed member is offline and never sees its removal: it stays in the old epoch.
            offline = op.Target;
            offline!.MissedRemoval = true;
        }
        Broadcast(bytes, op.Committer, offline);
        switch (op.Kind)
        {
            case OperationKind.Add:
                var welcome = MlsMessage.Parse(output.Welcome!.ToBytes()).Welcome!;
                _active.Add(new SimMember(op.JoinerDid!, MlsGroup.Join(welcome, op.Joiner!, options: _options)));
                break;
            case OperationKind.Remove:
                var removed = op.Target!;
                Assert.Equal(!removed.MissedRemoval, !removed.Group.IsActive);
                _active.Remove(removed);
                _removed.Add(removed);
                break;
        }
        AssertConverged();
        DeliverLate();
    }

    // An application message sent in the previous epoch arrives after the commit (MlsGroupOptions.RetainedEpochs).
    private void DeliverLate()
    {
        if (_late is not { } late) return;
        _late = null;
        foreach (var reader in late.Readers.Where(_active.Contains))
        {
            var processed = reader.Group.Process(MlsMessage.Parse(late.Message));
            Assert.Equal(late.Text, processed.ApplicationData);
            MessagesDecrypted++;
        }
    }

    private void Broadcast(byte[] commit, SimMember committer, SimMember? skip)
    {
        foreach (var member in _active)
        {
            if (member == skip) continue;
            if (member == committer)
                member.Group.MergePendingCommit();
            else
                Assert.Equal(ProcessedMessageKind.Commit, member.Group.Process(MlsMessage.Parse(commit)).Kind);
        }
    }

    private void AssertConverged()
    {
        var reference = _active[0].Group;
        Assert.Equal(_ds.Epoch, reference.Epoch);
        var authenticator = Convert.ToHexString(reference.EpochAuthenticator);
        var exported = Convert.ToHexString(reference.Export("harmony convergence", "ctx"u8, 32));
        var dids = _active.Select(m => m.Did).Order(StringComparer.Ordinal).ToList();
        foreach (var member in _active)
        {
            Assert.Equal(_ds.Epoch, member.Group.Epoch);
            Assert.Equal(authenticator, Convert.ToHexString(member.Group.EpochAuthenticator));
            Assert.Equal(exported, Convert.ToHexString(member.Group.Export("harmony convergence", "ctx"u8, 32)));
        }
        // Every view lists exactly the members the simulation believes are in the group.
        var listed = reference.Members.Select(m => System.Text.Encoding.UTF8.GetString(m.Credential.Identity)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(dids, listed);
    }

    private void ExchangeMessages()
    {
        // Small groups: everyone speaks; large groups: a few random senders, every member reads.
        var senders = _active.Count <= 10 ? _active.ToList() : _active.OrderBy(_ => _random.Next()).Take(3).ToList();
        foreach (var sender in senders)
        {
            var text = NextPlaintext(sender);
            var bytes = sender.Group.EncryptApplication(text, System.Text.Encoding.UTF8.GetBytes(sender.Did)).ToBytes();
            foreach (var reader in _active.Where(m => m != sender))
            {
                var processed = reader.Group.Process(MlsMessage.Parse(bytes));
                Assert.Equal(ProcessedMessageKind.Application, processed.Kind);
                Assert.Equal(text, processed.ApplicationData);
                Assert.Equal(sender.Group.OwnLeafIndex, processed.SenderLeaf);
                MessagesDecrypted++;
            }
            foreach (var removed in _removed)
            {
                var ex = Assert.Throws<MlsException>(() => removed.Group.Process(MlsMessage.Parse(bytes)));
                Assert.Contains(ex.Code, RemovedCodes);
                RemovedMemberRejections++;
            }
        }
    }

    private byte[] NextPlaintext(SimMember sender) => System.Text.Encoding.UTF8.GetBytes($"message {++_messageCounter} from {sender.Did}");

    private SimMember Pick(IReadOnlyList<SimMember> members) => members[_random.Next(members.Count)];

    private KeyPackageBundle NewBundle(out string did)
    {
        var seed = new byte[32];
        _random.NextBytes(seed);
        using var key = Ed25519KeyPair.FromSeed(seed);
        did = DidKey.FromEd25519(key.PublicKey).Did;
        return KeyPackageBundle.Create(_suite, Credential.Basic(System.Text.Encoding.UTF8.GetBytes(did)), seed, DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromDays(1));
    }
}
