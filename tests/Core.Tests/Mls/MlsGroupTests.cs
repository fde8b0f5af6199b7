using Harmony.Core.Crypto;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Xunit;

namespace Harmony.Core.Tests.Mls;

public sealed class MlsGroupTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public static TheoryData<ushort> Suites => new() { 1, 3 };

    private static KeyPackageBundle NewMember(CipherSuite suite, string name)
    {
        using var key = Ed25519KeyPair.Generate();
        return KeyPackageBundle.Create(suite, Credential.Basic(System.Text.Encoding.UTF8.GetBytes(name)), key.ExportSeed(), Now.AddMinutes(-1), TimeSpan.FromDays(30));
    }

    // Sends a message through its wire encoding, as a delivery service would.
    private static MlsMessage Wire(MlsMessage message) => MlsMessage.Parse(message.ToBytes());

    [Theory]
    [MemberData(nameof(Suites))]
    public void ThreeMembersAgreeAcrossAddsUpdatesAndRemoves(ushort suiteId)
    {
        var suite = CipherSuite.FromId(suiteId);
        var alice = MlsGroup.Create(suite, "group-1"u8.ToArray(), NewMember(suite, "alice"));

        var bobBundle = NewMember(suite, "bob");
        var add = alice.Commit([new AddProposal(bobBundle.KeyPackage)]);
        alice.MergePendingCommit();
        var bob = MlsGroup.Join(Wire(add.Welcome!).Welcome!, bobBundle);
        Assert.Equal(alice.EpochAuthenticator, bob.EpochAuthenticator);
        Assert.Equal(1ul, bob.Epoch);

        // Bob adds Carol with a path; Alice processes the commit.
        var carolBundle = NewMember(suite, "carol");
        var add2 = bob.Commit([new AddProposal(carolBundle.KeyPackage)], forceUpdatePath: true);
        bob.MergePendingCommit();
        Assert.Equal(ProcessedMessageKind.Commit, alice.Process(Wire(add2.Commit)).Kind);
        var carol = MlsGroup.Join(Wire(add2.Welcome!).Welcome!, carolBundle);
        Assert.Equal(alice.EpochAuthenticator, bob.EpochAuthenticator);
        Assert.Equal(alice.EpochAuthenticator, carol.EpochAuthenticator);
        Assert.Equal(alice.Export("harmony test", "ctx"u8, 32), carol.Export("harmony test", "ctx"u8, 32));

        // Application messages in both directions.
        var hello = alice.EncryptApplication("hello"u8, "meta"u8.ToArray());
        var atBob = bob.Process(Wire(hello));
        Assert.Equal(ProcessedMessageKind.Application, atBob.Kind);
        Assert.Equal("hello"u8.ToArray(), atBob.ApplicationData);
        Assert.Equal("meta"u8.ToArray(), atBob.AuthenticatedData);
        Assert.Equal(alice.OwnLeafIndex, atBob.SenderLeaf);
        Assert.Equal("hello"u8.ToArray(), carol.Process(Wire(hello)).ApplicationData);
        var reply = carol.EncryptApplication("hi"u8);
        Assert.Equal("hi"u8.ToArray(), alice.Process(Wire(reply)).ApplicationData);

        // Carol proposes an update, Alice commits it.
        var update = carol.ProposeUpdate();
        alice.Process(Wire(update));
        bob.Process(Wire(update));
        var commit = alice.Commit();
        alice.MergePendingCommit();
        bob.Process(Wire(commit.Commit));
        carol.Process(Wire(commit.Commit));
        Assert.Equal(alice.EpochAuthenticator, bob.EpochAuthenticator);
        Assert.Equal(alice.EpochAuthenticator, carol.EpochAuthenticator);

        // Bob removes Alice; Alice becomes inactive, Carol follows.
        var remove = bob.Commit([new RemoveProposal(alice.OwnLeafIndex)]);
        bob.MergePendingCommit();
        carol.Process(Wire(remove.Commit));
        alice.Process(Wire(remove.Commit));
        Assert.False(alice.IsActive);
        Assert.Equal(bob.EpochAuthenticator, carol.EpochAuthenticator);
        Assert.Equal(2, bob.Members.Count);
        var ex = Assert.Throws<MlsException>(() => alice.EncryptApplication("x"u8));
        Assert.Equal("mls.group.inactive", ex.Code);
        Assert.Equal("after"u8.ToArray(), bob.Process(Wire(carol.EncryptApplication("after"u8))).ApplicationData);
    }

    [Fact]
    public void EncryptedHandshakeMessagesWork()
    {
        var suite = CipherSuite.FromId(3);
        var options = new MlsGroupOptions { EncryptHandshakeMessages = true };
        var alice = MlsGroup.Create(suite, "g"u8.ToArray(), NewMember(suite, "alice"), options: options);
        var bobBundle = NewMember(suite, "bob");
        var add = alice.Commit([new AddProposal(bobBundle.KeyPackage)]);
        alice.MergePendingCommit();
        var bob = MlsGroup.Join(add.Welcome!.Welcome!, bobBundle, options: options);
        var carolBundle = NewMember(suite, "carol");
        var proposal = bob.ProposeAdd(carolBundle.KeyPackage);
        Assert.Equal(WireFormat.PrivateMessage, proposal.WireFormat);
        Assert.Equal(ProcessedMessageKind.Proposal, alice.Process(Wire(proposal)).Kind);
        var commit = alice.Commit(forceUpdatePath: true);
        Assert.Equal(WireFormat.PrivateMessage, commit.Commit.WireFormat);
        Assert.Equal(ProcessedMessageKind.Proposal, bob.Process(Wire(proposal)).Kind); // echo of an own encrypted proposal
        Assert.Equal(ProcessedMessageKind.Commit, alice.Process(Wire(commit.Commit)).Kind); // echo merges the pending commit
        bob.Process(Wire(commit.Commit));
        var carol = MlsGroup.Join(commit.Welcome!.Welcome!, carolBundle, options: options);
        Assert.Equal(alice.EpochAuthenticator, bob.EpochAuthenticator);
        Assert.Equal(alice.EpochAuthenticator, carol.EpochAuthenticator);
    }

    [Fact]
    public void OwnCommitEchoedByTheDeliveryServiceIsMerged()
    {
        var suite = CipherSuite.FromId(1);
        var alice = MlsGroup.Create(suite, "g"u8.ToArray(), NewMember(suite, "alice"));
        var output = alice.Commit([new AddProposal(NewMember(suite, "bob").KeyPackage)]);
        Assert.Equal(0ul, alice.Epoch);
        Assert.Equal(ProcessedMessageKind.Commit, alice.Process(Wire(output.Commit)).Kind);
        Assert.Equal(1ul, alice.Epoch);
    }

    [Fact]
    public void TamperedAndStaleMessagesAreRejectedWithoutChangingState()
    {
        var suite = CipherSuite.FromId(1);
        var alice = MlsGroup.Create(suite, "g"u8.ToArray(), NewMember(suite, "alice"));
        var bobBundle = NewMember(suite, "bob");
        var add = alice.Commit([new AddProposal(bobBundle.KeyPackage)]);
        alice.MergePendingCommit();
        var bob = MlsGroup.Join(add.Welcome!.Welcome!, bobBundle);
        var before = bob.EpochAuthenticator;

        var commit = alice.Commit(forceUpdatePath: true);
        var bytes = commit.Commit.ToBytes();
        bytes[^5] ^= 0x01; // inside the membership tag
        var ex = Assert.Throws<MlsException>(() => bob.Process(MlsMessage.Parse(bytes)));
        Assert.Equal("mls.message.membership_tag", ex.Code);
        Assert.Equal(before, bob.EpochAuthenticator);

        alice.MergePendingCommit();
        bob.Process(Wire(commit.Commit));
        ex = Assert.Throws<MlsException>(() => bob.Process(Wire(commit.Commit)));
        Assert.Equal("mls.message.epoch", ex.Code);

        var message = alice.EncryptApplication("once"u8);
        bob.Process(Wire(message));
        ex = Assert.Throws<MlsException>(() => bob.Process(Wire(message)));
        Assert.Equal("mls.secret_tree.generation", ex.Code);
    }

    [Fact]
    public void InvalidProposalsAreRejected()
    {
        var suite = CipherSuite.FromId(1);
        var alice = MlsGroup.Create(suite, "g"u8.ToArray(), NewMember(suite, "alice"));
        var ex = Assert.Throws<MlsException>(() => alice.Commit([new RemoveProposal(5)]));
        Assert.Equal("mls.commit.invalid_proposals", ex.Code);
        ex = Assert.Throws<MlsException>(() => alice.Commit([new RemoveProposal(0)]));
        Assert.Equal("mls.commit.invalid_proposals", ex.Code);

        var bob = NewMember(suite, "bob").KeyPackage;
        ex = Assert.Throws<MlsException>(() => alice.Commit([new AddProposal(bob), new AddProposal(bob)]));
        Assert.Equal("mls.commit.invalid_proposals", ex.Code);
        var forged = bob with { InitKey = Hpke.GenerateKeyPair().PublicKey };
        ex = Assert.Throws<MlsException>(() => alice.Commit([new AddProposal(forged)]));
        Assert.Equal("mls.key_package.signature", ex.Code);
    }

    [Fact]
    public void KeyPackageLifetimeIsCheckedAgainstTheGroupClock()
    {
        var suite = CipherSuite.FromId(1);
        using var key = Ed25519KeyPair.Generate();
        var issued = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var keyPackage = KeyPackageBundle.Create(suite, Credential.Basic("kp"u8.ToArray()), key.ExportSeed(), issued, TimeSpan.FromDays(1)).KeyPackage;
        MlsGroup At(DateTimeOffset now) => MlsGroup.Create(suite, "g"u8.ToArray(), NewMember(suite, "alice"), options: new MlsGroupOptions { Time = new FixedTimeProvider(now) });

        var ex = Assert.Throws<MlsException>(() => At(issued.AddDays(2)).Commit([new AddProposal(keyPackage)]));
        Assert.Equal("mls.leaf_node.lifetime", ex.Code);
        ex = Assert.Throws<MlsException>(() => At(issued.AddSeconds(-1)).Commit([new AddProposal(keyPackage)]));
        Assert.Equal("mls.leaf_node.lifetime", ex.Code);
        Assert.NotNull(At(issued.AddHours(12)).Commit([new AddProposal(keyPackage)]).Welcome);
    }

    [Fact]
    public void WelcomeForSomeoneElseIsRejected()
    {
        var suite = CipherSuite.FromId(1);
        var alice = MlsGroup.Create(suite, "g"u8.ToArray(), NewMember(suite, "alice"));
        var add = alice.Commit([new AddProposal(NewMember(suite, "bob").KeyPackage)]);
        var ex = Assert.Throws<MlsException>(() => MlsGroup.Join(add.Welcome!.Welcome!, NewMember(suite, "mallory")));
        Assert.Equal("mls.welcome.not_for_us", ex.Code);
    }

    [Fact]
    public void LargeGroupAddKeepsTreeConsistent()
    {
        var suite = CipherSuite.FromId(1);
        var alice = MlsGroup.Create(suite, "big"u8.ToArray(), NewMember(suite, "alice"));
        var bundles = Enumerable.Range(0, 40).Select(i => NewMember(suite, $"m{i}")).ToList();
        var add = alice.Commit(bundles.Select(b => (Proposal)new AddProposal(b.KeyPackage)).ToList());
        alice.MergePendingCommit();
        var member = MlsGroup.Join(add.Welcome!.Welcome!, bundles[17]);
        Assert.Equal(41, member.Members.Count);
        var late = NewMember(suite, "late");
        var next = member.Commit([new AddProposal(late.KeyPackage)], forceUpdatePath: true);
        member.MergePendingCommit();
        alice.Process(Wire(next.Commit));
        var joined = MlsGroup.Join(next.Welcome!.Welcome!, late);
        Assert.Equal(alice.EpochAuthenticator, member.EpochAuthenticator);
        Assert.Equal(alice.EpochAuthenticator, joined.EpochAuthenticator);
        Assert.True(alice.Tree.ParentHashesValid());
    }

    [Fact]
    public void EchoedOwnProposalIsCachedOnce()
    {
        var suite = CipherSuite.FromId(1);
        var alice = MlsGroup.Create(suite, "g"u8.ToArray(), NewMember(suite, "alice"));
        var bobBundle = NewMember(suite, "bob");
        var add = alice.Commit([new AddProposal(bobBundle.KeyPackage), new AddProposal(NewMember(suite, "carol").KeyPackage)]);
        alice.MergePendingCommit();
        var bob = MlsGroup.Join(add.Welcome!.Welcome!, bobBundle);
        var proposal = alice.ProposeRemove(2);
        Assert.Equal(ProcessedMessageKind.Proposal, alice.Process(Wire(proposal)).Kind);
        bob.Process(Wire(proposal));
        var commit = alice.Commit();
        alice.MergePendingCommit();
        bob.Process(Wire(commit.Commit));
        Assert.Equal(2, bob.Members.Count);
        Assert.Equal(alice.EpochAuthenticator, bob.EpochAuthenticator);
    }

    [Fact]
    public void ReInitStopsTheGroupOnBothSides()
    {
        var suite = CipherSuite.FromId(1);
        var alice = MlsGroup.Create(suite, "old"u8.ToArray(), NewMember(suite, "alice"));
        var bobBundle = NewMember(suite, "bob");
        var add = alice.Commit([new AddProposal(bobBundle.KeyPackage)]);
        alice.MergePendingCommit();
        var bob = MlsGroup.Join(add.Welcome!.Welcome!, bobBundle);

        var reInit = new ReInitProposal("new"u8.ToArray(), GroupContext.ProtocolVersion, 3, []);
        var commit = alice.Commit([reInit]);
        alice.MergePendingCommit();
        bob.Process(Wire(commit.Commit));
        Assert.Equal(reInit.ToBytes(), bob.PendingReInit!.ToBytes());
        Assert.NotNull(alice.PendingReInit);
        var ex = Assert.Throws<MlsException>(() => bob.EncryptApplication("x"u8));
        Assert.Equal("mls.group.reinit", ex.Code);
        Assert.Equal(reInit.ToBytes(), MlsGroup.ImportState(bob.ExportState()).PendingReInit!.ToBytes());

        var bad = new ReInitProposal("new"u8.ToArray(), GroupContext.ProtocolVersion, 2, []);
        var fresh = MlsGroup.Create(suite, "g"u8.ToArray(), NewMember(suite, "carol"));
        ex = Assert.Throws<MlsException>(() => fresh.Commit([bad]));
        Assert.Equal("mls.commit.unsupported", ex.Code);
    }

    [Fact]
    public void ExternalPskCommitNeedsThePskOnBothSides()
    {
        var suite = CipherSuite.FromId(3);
        var pskId = "shared-secret-1"u8.ToArray();
        var withPsk = new PskStore();
        withPsk.Add(pskId, new byte[32]);
        var alice = MlsGroup.Create(suite, "psk"u8.ToArray(), NewMember(suite, "alice"), options: new MlsGroupOptions { ExternalPsks = withPsk });
        var bobBundle = NewMember(suite, "bob");
        var carolBundle = NewMember(suite, "carol");
        var add = alice.Commit([new AddProposal(bobBundle.KeyPackage), new AddProposal(carolBundle.KeyPackage)]);
        alice.MergePendingCommit();
        var bob = MlsGroup.Join(add.Welcome!.Welcome!, bobBundle, options: new MlsGroupOptions { ExternalPsks = withPsk });
        var carol = MlsGroup.Join(add.Welcome!.Welcome!, carolBundle);

        var psk = new PreSharedKeyProposal(new PreSharedKeyId { Type = PskType.External, PskId = pskId, PskNonce = new byte[32] });
        var commit = alice.Commit([psk]);
        alice.MergePendingCommit();
        bob.Process(Wire(commit.Commit));
        Assert.Equal(alice.EpochAuthenticator, bob.EpochAuthenticator);
        var ex = Assert.Throws<MlsException>(() => carol.Process(Wire(commit.Commit)));
        Assert.Equal("mls.psk.unknown", ex.Code);

        var shortNonce = new PreSharedKeyProposal(new PreSharedKeyId { Type = PskType.External, PskId = pskId, PskNonce = new byte[5] });
        ex = Assert.Throws<MlsException>(() => alice.Commit([shortNonce]));
        Assert.Equal("mls.commit.invalid_proposals", ex.Code);
    }

    [Fact]
    public void LateApplicationMessageFromThePreviousEpochIsReadable()
    {
        var suite = CipherSuite.FromId(1);
        var alice = MlsGroup.Create(suite, "late"u8.ToArray(), NewMember(suite, "alice"));
        var bobBundle = NewMember(suite, "bob");
        var carolBundle = NewMember(suite, "carol");
        var add = alice.Commit([new AddProposal(bobBundle.KeyPackage), new AddProposal(carolBundle.KeyPackage)]);
        alice.MergePendingCommit();
        var bob = MlsGroup.Join(add.Welcome!.Welcome!, bobBundle);
        var carol = MlsGroup.Join(add.Welcome!.Welcome!, carolBundle, options: new MlsGroupOptions { RetainedEpochs = 0 });

        var late = bob.EncryptApplication("sent before the commit"u8);
        var lateProposal = bob.ProposeRemove(carol.OwnLeafIndex);
        var commit = alice.Commit(forceUpdatePath: true);
        alice.MergePendingCommit();
        bob.Process(Wire(commit.Commit));
        carol.Process(Wire(commit.Commit));

        Assert.Equal("sent before the commit"u8.ToArray(), alice.Process(Wire(late)).ApplicationData);
        var ex = Assert.Throws<MlsException>(() => carol.Process(Wire(late)));
        Assert.Equal("mls.message.epoch_expired", ex.Code);
        ex = Assert.Throws<MlsException>(() => alice.Process(Wire(lateProposal)));
        Assert.Equal("mls.message.epoch", ex.Code);
    }
}
