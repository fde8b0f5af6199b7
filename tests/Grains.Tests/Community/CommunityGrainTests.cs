using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Harmony.Core.Credentials;
using Harmony.Core.Protocol;
using Harmony.Grains.Abstractions.Authorization;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Abstractions.Community;
using Harmony.Grains.Abstractions.Member;
using Harmony.Grains.Tests.Support;

namespace Harmony.Grains.Tests.Community;

[Collection(ClusterCollection.Name)]
public sealed class CommunityGrainTests(SqliteClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task Creation_needs_the_owners_invocation_on_the_root_and_happens_once()
    {
        var owner = new Actor();
        var eve = new Actor();
        var id = "create-" + Guid.NewGuid().ToString("N")[..8];
        var target = InvocationTargets.Community(id);
        var root = CapabilityIssuer.CreateRoot(target, owner.Did);
        var community = Client.GetGrain<ICommunityGrain>(id);
        var setup = new CommunitySetup { Name = "Club", Owner = owner.Did };

        // Eve signs for a root she claims to control, naming the owner: the root's controller is the owner, not Eve.
        var evesRoot = CapabilityIssuer.CreateRoot(target, eve.Did);
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => community.CreateAsync(setup, eve.Invoke(evesRoot, Actions.Create, target, new JsonObject { ["name"] = "Club" })));
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => community.CreateAsync(setup, owner.Invoke(root, Actions.Create, target, new JsonObject { ["name"] = "Other" })));
        var info = await community.CreateAsync(setup, owner.Invoke(root, Actions.Create, target, new JsonObject { ["name"] = "Club" }));
        await Refused.WithAsync(ErrorCodes.Conflict, () => community.CreateAsync(setup, owner.Invoke(root, Actions.Create, target, new JsonObject { ["name"] = "Club" })));

        Assert.Equal(owner.Did, info.Owner);
        Assert.Equal("urn:zcap:root:" + Uri.EscapeDataString(target), info.RootCapabilityId);
        Assert.Equal(1, info.MemberCount);
        Assert.Contains(id, await Client.GetGrain<IMemberGrain>(owner.Did).GetMembershipsAsync());
    }

    [Fact]
    public async Task Channels_categories_and_roles_need_their_manage_actions()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var admin = new Actor();
        var aliceCap = await s.JoinAsync(alice);
        var adminCap = await s.JoinAsync(admin, null, Actions.Read, Actions.ManageChannels, Actions.ManageRoles);

        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Community.CreateChannelAsync(new ChannelSpec { Id = "x", Name = "x" },
            alice.InvokeUnchecked(aliceCap, Actions.ManageChannels, s.Target, new JsonObject { ["channel"] = "x" })));
        await s.Community.CreateCategoryAsync(new CategoryInfo { Id = "cat", Name = "Voice rooms" },
            admin.Invoke(adminCap, Actions.ManageChannels, s.Target, new JsonObject { ["category"] = "cat" }));
        var voice = await s.Community.CreateChannelAsync(new ChannelSpec { Id = s.Id + "-v", Name = "lounge", Kind = ChannelKind.Voice, CategoryId = "cat" },
            admin.Invoke(adminCap, Actions.ManageChannels, s.Target, new JsonObject { ["channel"] = s.Id + "-v" }));
        await s.Community.DefineRoleAsync(new RoleTemplate { Name = "moderator", AllowedActions = [Actions.Moderate, Actions.Kick], Target = s.Target },
            admin.Invoke(adminCap, Actions.ManageRoles, s.Target, new JsonObject { ["role"] = "moderator" }));
        await Refused.WithAsync(ErrorCodes.BadRequest, () => s.Community.DefineRoleAsync(
            new RoleTemplate { Name = "elsewhere", AllowedActions = [Actions.Read], Target = InvocationTargets.Community("other") },
            admin.Invoke(adminCap, Actions.ManageRoles, s.Target, new JsonObject { ["role"] = "elsewhere" })));

        var info = await s.Community.GetAsync();
        Assert.Equal(ChannelKind.Voice, voice.Kind);
        Assert.Contains(info.Channels, c => c.Id == voice.Id && c.CategoryId == "cat");
        Assert.Contains(info.Roles, r => r.Name == "moderator");
        Assert.Equal(ChannelKind.Voice, (await s.Channel(voice.Id).GetInfoAsync()).Kind);
        var audit = await s.Community.GetAuditLogAsync(0, 100);
        Assert.Contains(audit, a => a.Actor == admin.Did && a.Action == Actions.ManageRoles);
    }

    [Fact]
    public async Task Only_invites_delegated_by_a_holder_of_Invite_admit()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var bob = new Actor();
        var inviter = new Actor();
        var carol = new Actor();
        var dave = new Actor();
        var bobCap = await s.JoinAsync(bob);
        var inviterCap = await s.JoinAsync(inviter, null, Actions.Invite, Actions.Read, Actions.SendMessage);

        var fromBob = bob.Delegate(bobCap, carol.Did, s.Target, DateTimeOffset.UtcNow.AddHours(1), Actions.Join, Actions.Read);
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Community.JoinAsync(new JoinRequest { Invocation = carol.Invoke(fromBob, Actions.Join, s.Target) }));
        var fromInviter = inviter.Delegate(inviterCap, dave.Did, s.Target, DateTimeOffset.UtcNow.AddHours(1), Actions.Join, Actions.Read, Actions.SendMessage);
        // The invite is Dave's: Carol cannot use it.
        await Assert.ThrowsAsync<CapabilityException>(() => Task.FromResult(carol.Invoke(fromInviter, Actions.Join, s.Target)));
        var member = await s.Community.JoinAsync(new JoinRequest { Invocation = dave.Invoke(fromInviter, Actions.Join, s.Target) });

        Assert.Equal(dave.Did, member.Did);
        Assert.Equal(CommunityScenario.CapId(fromInviter), member.CapabilityId);
        Assert.DoesNotContain(await s.Community.GetMembersAsync(), m => m.Did == carol.Did);
        // Dave can use the invite by reference right away: joining registered it.
        await s.AppendAsync(s.ChannelA, dave.SignEnvelope(s.ChannelA), fromInviter);
    }

    [Fact]
    public async Task Open_communities_admit_a_signed_request_and_invite_only_ones_do_not()
    {
        var open = await CommunityScenario.CreateAsync(Client, open: true);
        var closed = await CommunityScenario.CreateAsync(Client);
        var frank = new Actor();
        var selfRootOpen = CapabilityIssuer.CreateRoot(open.Target, frank.Did);
        var selfRootClosed = CapabilityIssuer.CreateRoot(closed.Target, frank.Did);

        var member = await open.Community.JoinAsync(new JoinRequest { Invocation = frank.Invoke(selfRootOpen, Actions.Join, open.Target) });
        await Refused.WithAsync(ErrorCodes.Unauthorized, () => closed.Community.JoinAsync(new JoinRequest { Invocation = frank.Invoke(selfRootClosed, Actions.Join, closed.Target) }));

        Assert.Equal(frank.Did, member.Did);
        Assert.Null(member.CapabilityId);
        Assert.Contains(open.Id, await Client.GetGrain<IMemberGrain>(frank.Did).GetMembershipsAsync());
        Assert.DoesNotContain(closed.Id, await Client.GetGrain<IMemberGrain>(frank.Did).GetMembershipsAsync());
    }

    [Fact]
    public async Task Admission_rules_need_a_presentation_bound_to_the_join_with_a_credential_from_an_accepted_issuer()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var issuer = new Actor();
        var stranger = new Actor();
        await s.Community.SetAdmissionRulesAsync([new AdmissionRule { CredentialType = "AgeOver18", Issuers = [issuer.Did] }],
            s.Owner.Invoke(s.Root, Actions.ManageRoles, s.Target, new JsonObject { ["admission"] = "1" }));
        var grace = new Actor();
        var invite = s.Owner.Delegate(s.Root, grace.Did, s.Target, Actions.Join, Actions.Read);
        JsonObject Credential(Actor by, string subject) => CredentialIssuer.Issue(new JsonObject
        {
            ["@context"] = new JsonArray(VcConstants.ContextV2),
            ["type"] = new JsonArray(VcConstants.CredentialType, "AgeOver18"),
            ["issuer"] = by.Did,
            ["credentialSubject"] = new JsonObject { ["id"] = subject },
        }, by.Key);
        async Task<MemberInfo> Join(JsonObject credential, string? challenge = null, string? domain = null)
        {
            var nonce = Guid.NewGuid().ToString("N");
            var presentation = PresentationBuilder.Present([credential], grace.Key, challenge ?? nonce, domain ?? s.Target).ToJsonString();
            return await s.Community.JoinAsync(new JoinRequest { Invocation = grace.Invoke(invite, Actions.Join, s.Target, nonce: nonce), Presentations = [presentation] });
        }

        await Refused.WithAsync(ErrorCodes.Unauthorized, () => s.Community.JoinAsync(new JoinRequest { Invocation = grace.Invoke(invite, Actions.Join, s.Target) }));
        await Refused.WithAsync(ErrorCodes.Unauthorized, () => Join(Credential(stranger, grace.Did)));
        await Refused.WithAsync(ErrorCodes.Unauthorized, () => Join(Credential(issuer, stranger.Did)));
        await Refused.WithAsync(ErrorCodes.Unauthorized, () => Join(Credential(issuer, grace.Did), challenge: "another-join"));
        await Refused.WithAsync(ErrorCodes.Unauthorized, () => Join(Credential(issuer, grace.Did), domain: InvocationTargets.Community("elsewhere")));
        Assert.DoesNotContain(await s.Community.GetMembersAsync(), m => m.Did == grace.Did);

        var member = await Join(Credential(issuer, grace.Did));
        Assert.Equal(grace.Did, member.Did);
    }

    [Fact]
    public async Task Kick_removes_the_member_and_revokes_their_capabilities_leave_is_self_signed()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        var bob = new Actor();
        var mod = new Actor();
        var aliceCap = await s.JoinAsync(alice);
        var bobCap = await s.JoinAsync(bob);
        var modCap = await s.JoinAsync(mod, null, Actions.Read, Actions.Kick);

        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Community.KickAsync(alice.Did, bob.InvokeUnchecked(bobCap, Actions.Kick, s.Target, new JsonObject { ["member"] = alice.Did })));
        // A kick signed for Bob is not a kick of Alice.
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Community.KickAsync(alice.Did, mod.Invoke(modCap, Actions.Kick, s.Target, new JsonObject { ["member"] = bob.Did })));
        await s.Community.KickAsync(alice.Did, mod.Invoke(modCap, Actions.Kick, s.Target, new JsonObject { ["member"] = alice.Did }));
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA), aliceCap));
        await Refused.WithAsync(ErrorCodes.BadRequest, () => s.Community.KickAsync(s.Owner.Did, mod.Invoke(modCap, Actions.Kick, s.Target, new JsonObject { ["member"] = s.Owner.Did })));

        await s.Community.LeaveAsync(bob.Invoke(bobCap, Actions.Leave, s.Target));
        // A member whose capability lacks Leave signs a request naming the root instead.
        await s.Community.LeaveAsync(mod.Invoke(CapabilityIssuer.CreateRoot(s.Target, mod.Did), Actions.Leave, s.Target));
        var members = await s.Community.GetMembersAsync();
        Assert.DoesNotContain(members, m => m.Did == alice.Did || m.Did == bob.Did || m.Did == mod.Did);
        Assert.Empty(await Client.GetGrain<IMemberGrain>(alice.Did).GetMembershipsAsync());
        Assert.Empty(await Client.GetGrain<IMemberGrain>(bob.Did).GetMembershipsAsync());
    }

    [Fact]
    public async Task Unban_lets_a_member_be_invited_again()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var alice = new Actor();
        await s.JoinAsync(alice);
        await s.Community.BanAsync(alice.Did, s.Owner.Invoke(s.Root, Actions.Ban, s.Target, new JsonObject { ["member"] = alice.Did }));
        await s.Community.UnbanAsync(alice.Did, s.Owner.Invoke(s.Root, Actions.Ban, s.Target, new JsonObject { ["member"] = alice.Did }));

        var fresh = await s.JoinAsync(alice);
        var result = await s.AppendAsync(s.ChannelA, alice.SignEnvelope(s.ChannelA), fresh);
        Assert.Equal(1, result.Seq);
        Assert.Equal(2, (await s.Community.GetAsync()).PolicyVersion);
    }

    [Fact]
    public async Task A_replayed_invocation_is_refused()
    {
        var s = await CommunityScenario.CreateAsync(Client);
        var invocation = s.Owner.Invoke(s.Root, Actions.ManageChannels, s.Target, new JsonObject { ["category"] = "c1" });
        await s.Community.CreateCategoryAsync(new CategoryInfo { Id = "c1", Name = "One" }, invocation);
        var e = await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Community.CreateCategoryAsync(new CategoryInfo { Id = "c1", Name = "One" }, invocation));
        Assert.Contains(CapabilityErrorCodes.Replay, e.Message);
    }
}
