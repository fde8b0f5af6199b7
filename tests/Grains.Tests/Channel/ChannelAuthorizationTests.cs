using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Harmony.Core.Protocol;
using Harmony.Grains.Abstractions.Authorization;
using Harmony.Grains.Tests.Support;

namespace Harmony.Grains.Tests.Channel;

[Collection(ClusterCollection.Name)]
public sealed class ChannelAuthorizationTests(SqliteClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_member_appends_and_reads_back_the_exact_bytes()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var cap = await s.JoinAsync(alice);
        var envelope = alice.SignEnvelope(s.ChannelA);

        var byReference = await s.AppendAsync(s.ChannelA, envelope, cap);
        var byInvocation = await s.AppendInvokedAsync(s.ChannelA, alice, alice.SignEnvelope(s.ChannelA, lamport: 2), cap);
        var page = await s.Channel(s.ChannelA).ReadAsync(0, 10, CapabilityProof.ByReference(CommunityScenario.CapId(cap), alice.Did));

        Assert.Equal(1, byReference.Seq);
        Assert.Equal(2, byInvocation.Seq);
        Assert.Equal([1L, 2L], page.Entries.Select(e => e.Seq));
        Assert.Equal(envelope, page.Entries[0].Envelope);
        Assert.Equal(2, page.LastSeq);
    }

    [Fact]
    public async Task A_non_member_can_neither_read_nor_append()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var eve = new Actor();
        // Eve's own "root" for the community target: signed correctly, but not controlled by the owner.
        var fakeRoot = CapabilityIssuer.CreateRoot(s.Target, eve.Did);
        var envelope = eve.SignEnvelope(s.ChannelA);

        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Channel(s.ChannelA).AppendAsync(envelope, CapabilityProof.ByInvocation(
            eve.Invoke(fakeRoot, Actions.SendMessage, s.ChannelTarget(s.ChannelA), new JsonObject { ["envelope"] = Actor.IdOf(envelope) }))));
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Channel(s.ChannelA).ReadAsync(0, 10,
            CapabilityProof.ByInvocation(eve.Invoke(fakeRoot, Actions.Read, s.ChannelTarget(s.ChannelA)))));
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Channel(s.ChannelA).ReadAsync(0, 10,
            CapabilityProof.ByReference(CommunityScenario.CapId(s.Root), eve.Did)));
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Channel(s.ChannelA).AppendAsync(envelope,
            CapabilityProof.ByReference("urn:uuid:" + Guid.NewGuid())));
        Assert.Equal(0, (await s.Channel(s.ChannelA).GetInfoAsync()).LastSeq);
    }

    [Fact]
    public async Task A_member_without_SendMessage_cannot_append_but_can_read()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var bob = new Actor();
        var cap = await s.JoinAsync(bob, null, Actions.Read);

        var e = await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelA, bob.SignEnvelope(s.ChannelA), cap));
        Assert.Contains("SendMessage", e.Message);
        var page = await s.Channel(s.ChannelA).ReadAsync(0, 10, CapabilityProof.ByReference(CommunityScenario.CapId(cap), bob.Did));
        Assert.Empty(page.Entries);
    }

    [Fact]
    public async Task A_revoked_delegation_is_refused_at_once()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var cap = await s.JoinAsync(alice);
        await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA), cap);
        // A sub-delegation from alice falls with her capability.
        var carol = new Actor();
        var sub = alice.Delegate(cap, carol.Did, s.ChannelTarget(s.ChannelA), DateTimeOffset.UtcNow.AddHours(1), Actions.SendMessage);
        await s.Community.RegisterCapabilityAsync(sub.ToJsonString());
        await s.AppendAsync(s.ChannelA, carol.SignEnvelope(s.ChannelA), sub);

        var id = CommunityScenario.CapId(cap);
        await s.Community.RevokeAsync(id, s.Owner.Invoke(s.Root, Actions.ManageRoles, s.Target, new JsonObject { ["capability"] = id }));

        var e = await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: 2), cap));
        Assert.Contains(CapabilityErrorCodes.Revoked, e.Message);
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendInvokedAsync(s.ChannelA, alice, alice.SignEnvelope(s.ChannelA, lamport: 3), cap));
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelA, carol.SignEnvelope(s.ChannelA, lamport: 2), sub));
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelB, alice.SignEnvelope(s.ChannelB), cap));
    }

    [Fact]
    public async Task A_member_cannot_delete_another_members_message_but_a_moderator_can()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var bob = new Actor();
        var mod = new Actor();
        var aliceCap = await s.JoinAsync(alice);
        var bobCap = await s.JoinAsync(bob);
        var modCap = await s.JoinAsync(mod, null, Actions.Read, Actions.SendMessage, Actions.Moderate);
        var message = alice.SignEnvelope(s.ChannelA);
        await s.AppendAsync(s.ChannelA, message, aliceCap);
        var target = Actor.IdOf(message);

        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelA, bob.SignEnvelope(s.ChannelA, EnvelopeKind.Delete, target), bobCap));
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelA, bob.SignEnvelope(s.ChannelA, EnvelopeKind.Edit, target), bobCap));
        var byModerator = await s.AppendAsync(s.ChannelA, mod.SignEnvelope(s.ChannelA, EnvelopeKind.Delete, target), modCap);
        var byAuthor = await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, EnvelopeKind.Edit, target, lamport: 2), aliceCap);
        var reaction = await s.AppendAsync(s.ChannelA, bob.SignEnvelope(s.ChannelA, EnvelopeKind.ReactionAdd, target), bobCap);

        Assert.Equal([2L, 3L, 4L], new[] { byModerator.Seq, byAuthor.Seq, reaction.Seq });
        await Refused.WithAsync(ErrorCodes.NotFound, () => s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, EnvelopeKind.Delete, new string('A', 43)), aliceCap));
        await Refused.WithAsync(ErrorCodes.InvalidEnvelope, () => s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, EnvelopeKind.ReactionAdd, "not an id"), aliceCap));
    }

    [Fact]
    public async Task A_banned_member_is_refused()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var cap = await s.JoinAsync(alice);
        await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA), cap);

        await s.Community.BanAsync(alice.Did, s.Owner.Invoke(s.Root, Actions.Ban, s.Target, new JsonObject { ["member"] = alice.Did }));

        await Refused.WithAsync(ErrorCodes.Banned, () => s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA, lamport: 2), cap));
        await Refused.WithAsync(ErrorCodes.Banned, () => s.AppendAsync(s.ChannelB, alice.SignEnvelope(s.ChannelB), cap));
        var rejoin = s.Owner.Delegate(s.Root, alice.Did, s.Target, Actions.Join, Actions.SendMessage);
        await Refused.WithAsync(ErrorCodes.Banned, () => s.Community.JoinAsync(new() { Invocation = alice.Invoke(rejoin, Actions.Join, s.Target) }));
        Assert.DoesNotContain(await s.Community.GetMembersAsync(), m => m.Did == alice.Did);
        var audit = await s.Community.GetAuditLogAsync(0, 100);
        Assert.Contains(audit, a => a.Action == Actions.Ban && a.Actor == s.Owner.Did && a.Invocation.Contains(alice.Did));
    }

    [Fact]
    public async Task A_forged_signature_is_refused()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var bob = new Actor();
        var cap = await s.JoinAsync(alice);
        await s.JoinAsync(bob);

        var tampered = alice.SignEnvelope(s.ChannelA);
        tampered[^70] ^= 1; // a ciphertext byte, under the signature
        await Refused.WithAsync(ErrorCodes.InvalidEnvelope, () => s.AppendAsync(s.ChannelA, tampered, cap));

        // Bob's name on an envelope signed with Alice's key.
        var signed = EnvelopeCodec.Sign(new Envelope { Channel = s.ChannelA, Author = alice.Did, Lamport = 1, Kind = EnvelopeKind.Message, Ciphertext = [1, 2, 3] }, alice.Key);
        var impostor = EnvelopeCodec.Encode(signed with { Author = bob.Did });
        await Refused.WithAsync(ErrorCodes.InvalidEnvelope, () => s.AppendAsync(s.ChannelA, impostor, cap));

        // An invocation whose document was altered after signing.
        var envelope = alice.SignEnvelope(s.ChannelA);
        var invocation = JsonNode.Parse(alice.Invoke(cap, Actions.SendMessage, s.ChannelTarget(s.ChannelA), new JsonObject { ["envelope"] = "something-else" }))!.AsObject();
        invocation["envelope"] = Actor.IdOf(envelope);
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Channel(s.ChannelA).AppendAsync(envelope, CapabilityProof.ByInvocation(invocation.ToJsonString())));

        // An invocation signed for another envelope is not an invocation for this one.
        var other = alice.Invoke(cap, Actions.SendMessage, s.ChannelTarget(s.ChannelA), new JsonObject { ["envelope"] = "something-else" });
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Channel(s.ChannelA).AppendAsync(envelope, CapabilityProof.ByInvocation(other)));
        Assert.Equal(0, (await s.Channel(s.ChannelA).GetInfoAsync()).LastSeq);
    }

    [Fact]
    public async Task The_author_must_be_the_invoker()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var bob = new Actor();
        await s.JoinAsync(alice);
        var bobCap = await s.JoinAsync(bob);
        var alicesEnvelope = alice.SignEnvelope(s.ChannelA);

        await Refused.WithAsync(ErrorCodes.Unauthorized, () => s.AppendInvokedAsync(s.ChannelA, bob, alicesEnvelope, bobCap));
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelA, alicesEnvelope, bobCap));
    }

    [Fact]
    public async Task A_capability_for_channel_A_does_not_work_on_channel_B()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        await s.JoinAsync(alice, null, Actions.Read);
        var cap = s.Owner.Delegate(s.Root, alice.Did, s.ChannelTarget(s.ChannelA), Actions.Read, Actions.SendMessage);
        await s.Community.RegisterCapabilityAsync(cap.ToJsonString());
        await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA), cap);

        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelB, alice.SignEnvelope(s.ChannelB), cap));
        var envelope = alice.SignEnvelope(s.ChannelB);
        var forA = alice.Invoke(cap, Actions.SendMessage, s.ChannelTarget(s.ChannelA), new JsonObject { ["envelope"] = Actor.IdOf(envelope) });
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Channel(s.ChannelB).AppendAsync(envelope, CapabilityProof.ByInvocation(forA)));
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Channel(s.ChannelB).ReadAsync(0, 10, CapabilityProof.ByReference(CommunityScenario.CapId(cap), alice.Did)));
        // An envelope addressed to channel A cannot be appended to channel B either.
        await Refused.WithAsync(ErrorCodes.InvalidEnvelope, () => s.AppendAsync(s.ChannelB, alice.SignEnvelope(s.ChannelA), cap));
    }

    [Fact]
    public async Task Only_holders_of_Moderate_post_in_an_announcement_channel()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var news = s.Id + "-n";
        await s.Community.CreateChannelAsync(new() { Id = news, Name = "news", Kind = Abstractions.Channel.ChannelKind.Announcement },
            s.Owner.Invoke(s.Root, Actions.ManageChannels, s.Target, new JsonObject { ["channel"] = news }));
        var alice = new Actor();
        var mod = new Actor();
        var aliceCap = await s.JoinAsync(alice);
        var modCap = await s.JoinAsync(mod, null, Actions.Read, Actions.SendMessage, Actions.Moderate);
        var announcement = mod.SignEnvelope(news);

        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(news, alice.SignEnvelope(news), aliceCap));
        Assert.Equal(1, (await s.AppendAsync(news, announcement, modCap)).Seq);
        Assert.Equal(2, (await s.AppendAsync(news, alice.SignEnvelope(news, EnvelopeKind.ReactionAdd, Actor.IdOf(announcement)), aliceCap)).Seq);
    }
}
