using System.Text;
using System.Text.Json.Nodes;
using Harmony.Core.Crypto;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Protocol;
using Harmony.Grains.Abstractions.Authorization;
using Harmony.Grains.Tests.Support;

namespace Harmony.Grains.Tests.Channel;

/// <summary>The channel as MLS delivery service: who may add members to a channel's group, and whom.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MlsAddAuthorizationTests(SqliteClusterFixture fixture)
{
    private static readonly CipherSuite Suite = CipherSuite.FromId(3);
    private static readonly string[] Adder = [Actions.Read, Actions.SendMessage, Actions.AddMember];

    [Fact]
    public async Task A_Commit_with_Adds_needs_AddMember_while_other_handshakes_need_SendMessage()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var alice = new Actor();
        var bob = new Actor();
        var carol = new Actor();
        var aliceMember = await s.JoinAsync(alice);
        var aliceAdder = s.Owner.Delegate(s.Root, alice.Did, s.Target, Adder);
        await s.Community.RegisterCapabilityAsync(aliceAdder.ToJsonString());
        await s.JoinAsync(bob);
        await s.JoinAsync(carol);
        using var group = MlsGroup.Create(Suite, "channel"u8.ToArray(), Bundle(alice));

        var add = group.Commit([new AddProposal(Bundle(bob).KeyPackage)]);
        var envelope = Envelope(alice, s.ChannelA, add.Commit.ToBytes());
        var refused = await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelA, envelope, aliceMember));
        Assert.Contains("AddMember", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0UL, (await s.Channel(s.ChannelA).GetInfoAsync()).MlsEpoch);

        await s.AppendAsync(s.ChannelA, envelope, aliceAdder);
        await s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, add.Welcome!.ToBytes()), aliceMember);
        group.MergePendingCommit();
        Assert.Equal(1UL, (await s.Channel(s.ChannelA).GetInfoAsync()).MlsEpoch);

        // An Add proposal needs AddMember too; an UpdatePath commit that adds no one only SendMessage.
        var proposal = Envelope(alice, s.ChannelA, group.ProposeAdd(Bundle(carol).KeyPackage).ToBytes());
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelA, proposal, aliceMember));
        await s.AppendAsync(s.ChannelA, proposal, aliceAdder);
        using var other = MlsGroup.Create(Suite, "other"u8.ToArray(), Bundle(alice));
        var empty = other.Commit(forceUpdatePath: true);
        await s.AppendAsync(s.ChannelB, Envelope(alice, s.ChannelB, empty.Commit.ToBytes()), aliceMember);
        Assert.Equal(1UL, (await s.Channel(s.ChannelB).GetInfoAsync()).MlsEpoch);
    }

    [Fact]
    public async Task An_invocation_for_an_Add_must_invoke_AddMember()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var alice = new Actor();
        var bob = new Actor();
        var cap = await s.JoinAsync(alice, null, Adder);
        await s.JoinAsync(bob);
        using var group = MlsGroup.Create(Suite, "channel"u8.ToArray(), Bundle(alice));
        var envelope = Envelope(alice, s.ChannelA, group.Commit([new AddProposal(Bundle(bob).KeyPackage)]).Commit.ToBytes());
        var binding = new JsonObject { ["envelope"] = Actor.IdOf(envelope) };

        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Channel(s.ChannelA).AppendAsync(envelope,
            CapabilityProof.ByInvocation(alice.Invoke(cap, Actions.SendMessage, s.ChannelTarget(s.ChannelA), binding))));
        await s.Channel(s.ChannelA).AppendAsync(envelope,
            CapabilityProof.ByInvocation(alice.Invoke(cap, Actions.AddMember, s.ChannelTarget(s.ChannelA), (JsonObject)binding.DeepClone())));
        Assert.Equal(1UL, (await s.Channel(s.ChannelA).GetInfoAsync()).MlsEpoch);
    }

    [Fact]
    public async Task Only_community_members_capability_holders_and_no_banned_DIDs_can_be_added()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var alice = new Actor();
        var stranger = new Actor();
        var peer = new Actor();
        var banned = new Actor();
        var cap = await s.JoinAsync(alice, null, Adder);
        await s.JoinAsync(banned);
        await s.Community.BanAsync(banned.Did, s.Owner.Invoke(s.Root, Actions.Ban, s.Target, new JsonObject { ["member"] = banned.Did }));
        using var group = MlsGroup.Create(Suite, "channel"u8.ToArray(), Bundle(alice));

        var refused = await Refused.WithAsync(ErrorCodes.CapabilityInvalid,
            () => s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, group.Commit([new AddProposal(Bundle(stranger).KeyPackage)]).Commit.ToBytes()), cap));
        Assert.Contains(stranger.Did, refused.Message, StringComparison.Ordinal);
        refused = await Refused.WithAsync(ErrorCodes.CapabilityInvalid,
            () => s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, group.Commit([new AddProposal(Bundle(banned).KeyPackage)]).Commit.ToBytes()), cap));
        Assert.Contains("banned", refused.Message, StringComparison.Ordinal);
        // One outsider among several added members spoils the whole commit.
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA,
            group.Commit([new AddProposal(Bundle(s.Owner).KeyPackage), new AddProposal(Bundle(stranger).KeyPackage)]).Commit.ToBytes()), cap));
        Assert.Equal(0UL, (await s.Channel(s.ChannelA).GetInfoAsync()).MlsEpoch);

        // A direct-message peer is not on the roster but holds a capability registered with the community.
        var peerCap = s.Owner.Delegate(s.Root, peer.Did, s.Target, Actions.Read, Actions.SendMessage, Actions.React, Actions.AddMember);
        await s.Community.RegisterCapabilityAsync(peerCap.ToJsonString());
        await s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, group.Commit([new AddProposal(Bundle(peer).KeyPackage)]).Commit.ToBytes()), cap);
        Assert.Equal(1UL, (await s.Channel(s.ChannelA).GetInfoAsync()).MlsEpoch);
    }

    [Fact]
    public async Task An_added_leaf_must_be_signed_with_its_DIDs_key()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var alice = new Actor();
        var bob = new Actor();
        var cap = await s.JoinAsync(alice, null, Adder);
        await s.JoinAsync(bob);
        using var group = MlsGroup.Create(Suite, "channel"u8.ToArray(), Bundle(alice));

        using var otherKey = Ed25519KeyPair.Generate();
        var wrongKey = KeyPackageBundle.Create(Suite, Credential.Basic(Encoding.UTF8.GetBytes(bob.Did)), otherKey.ExportSeed(), DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromDays(1));
        var refused = await Refused.WithAsync(ErrorCodes.InvalidEnvelope,
            () => s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, group.Commit([new AddProposal(wrongKey.KeyPackage)]).Commit.ToBytes()), cap));
        Assert.Contains("DID key", refused.Message, StringComparison.Ordinal);

        var notADid = KeyPackageBundle.Create(Suite, Credential.Basic("bob"u8.ToArray()), bob.Key.ExportSeed(), DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromDays(1));
        await Refused.WithAsync(ErrorCodes.InvalidEnvelope,
            () => s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, group.Commit([new AddProposal(notADid.KeyPackage)]).Commit.ToBytes()), cap));
        var invalidUtf8 = KeyPackageBundle.Create(Suite, Credential.Basic([0xff, 0xfe]), bob.Key.ExportSeed(), DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromDays(1));
        await Refused.WithAsync(ErrorCodes.InvalidEnvelope,
            () => s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, group.Commit([new AddProposal(invalidUtf8.KeyPackage)]).Commit.ToBytes()), cap));
        Assert.Equal(0UL, (await s.Channel(s.ChannelA).GetInfoAsync()).MlsEpoch);
    }

    [Fact]
    public async Task Encrypted_handshakes_are_refused_because_the_delivery_service_could_not_check_them()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var alice = new Actor();
        var bob = new Actor();
        var cap = await s.JoinAsync(alice, null, Adder);
        await s.JoinAsync(bob);
        using var group = MlsGroup.Create(Suite, "channel"u8.ToArray(), Bundle(alice), options: new MlsGroupOptions { EncryptHandshakeMessages = true });
        var add = group.Commit([new AddProposal(Bundle(bob).KeyPackage)]);
        Assert.Equal(WireFormat.PrivateMessage, add.Commit.WireFormat);

        var refused = await Refused.WithAsync(ErrorCodes.InvalidEnvelope, () => s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, add.Commit.ToBytes()), cap));
        Assert.Contains("PublicMessage", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0UL, (await s.Channel(s.ChannelA).GetInfoAsync()).MlsEpoch);
    }

    [Fact]
    public async Task A_self_add_proposal_must_add_its_author()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var alice = new Actor();
        var bob = new Actor();
        var aliceCap = await s.JoinAsync(alice, null, Adder);
        await s.JoinAsync(bob, null, Adder);
        using var group = MlsGroup.Create(Suite, "channel"u8.ToArray(), Bundle(alice));

        var bobKnocks = ExternalSender.CreateSelfAddProposal(Suite, group.GroupId, group.Epoch, Bundle(bob).KeyPackage, bob.Key.ExportSeed());
        await Refused.WithAsync(ErrorCodes.InvalidEnvelope, () => s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, bobKnocks.ToBytes()), aliceCap));
    }

    private static KeyPackageBundle Bundle(Actor actor) =>
        KeyPackageBundle.Create(Suite, Credential.Basic(Encoding.UTF8.GetBytes(actor.Did)), actor.Key.ExportSeed(), DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromDays(1));

    private static byte[] Envelope(Actor author, string channel, byte[] mls) =>
        EnvelopeCodec.Encode(EnvelopeCodec.Sign(new Envelope
        {
            Channel = channel,
            Author = author.Did,
            Lamport = 1,
            Kind = EnvelopeKind.Handshake,
            Ciphertext = mls,
            CreatedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        }, author.Key));
}
