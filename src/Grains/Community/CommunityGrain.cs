using System.Globalization;
using System.Text.Json.Nodes;
using Harmony.Core.Capabilities;
using Harmony.Core.Did;
using Harmony.Core.Protocol;
using Harmony.Grains.Abstractions;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Abstractions.Community;
using Harmony.Grains.Abstractions.Member;
using Harmony.Grains.Authorization;
using Microsoft.Extensions.Logging;

namespace Harmony.Grains.Community;

/// <summary>
/// A community: owner and root capability, channels, categories, role templates, roster, bans, revocations, admission
/// rules and the audit log (the signed invocations of every administrative act). Every mutation verifies a ZCAP
/// invocation for its action on the community's target; bans and revocations are pushed to the channels before the
/// call returns, so a banned member or revoked capability is refused from then on.
/// </summary>
internal sealed partial class CommunityGrain(
    [PersistentState("community", ProviderNames.GrainStorage)] IPersistentState<CommunityState> state,
    HarmonyGrainOptions options,
    TimeProvider time,
    INonceStore nonces,
    VerifiedChainCache chainCache,
    ILogger<CommunityGrain> logger) : Grain, ICommunityGrain
{
    private readonly CapabilityGuard _guard = new(options, time, nonces, chainCache);
    private readonly AdmissionChecker _admission = new(options, time);

    private string CommunityId => this.GetPrimaryKeyString();

    private string CommunityTarget => InvocationTargets.Community(CommunityId);

    private CommunityState S => state.State;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _guard.SetRevoked(S.Revoked);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<CommunityInfo> CreateAsync(CommunitySetup setup, string invocation)
    {
        ArgumentNullException.ThrowIfNull(setup);
        Identifiers.RequireId(CommunityId, "community id");
        Identifiers.RequireName(setup.Name, options, "community name");
        if (!DidKey.TryParse(setup.Owner, out var owner, out _) || owner!.KeyType != DidKeyType.Ed25519 || owner.Did != setup.Owner)
            throw Refusals.BadRequest("The owner must be an Ed25519 did:key.");
        if (S.Created) throw Refusals.Conflict($"Community '{CommunityId}' already exists.");
        var (verified, document) = await _guard.VerifyInvocationAsync(invocation, Actions.Create, CommunityTarget, setup.Owner, CommunityTarget);
        if (!string.Equals(verified.Invoker, setup.Owner, StringComparison.Ordinal)) throw Refusals.Unauthorized("Only the owner can create the community.");
        JsonText.RequireMember(document, "name", setup.Name);

        var now = time.GetUtcNow();
        S.Created = true;
        S.Name = setup.Name;
        S.Owner = setup.Owner;
        S.Open = setup.Open;
        S.CreatedAt = now;
        S.Members[setup.Owner] = new MemberInfo { Did = setup.Owner, JoinedAt = now };
        Audit(Actions.Create, verified.Invoker, invocation);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IMemberGrain>(setup.Owner).AddMembershipAsync(CommunityId);
        return Info();
    }

    /// <inheritdoc />
    public Task<CommunityInfo> GetAsync()
    {
        RequireCreated();
        return Task.FromResult(Info());
    }

    /// <inheritdoc />
    public async Task<ChannelSummary> CreateChannelAsync(ChannelSpec spec, string invocation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var verified = await VerifyAsync(invocation, Actions.ManageChannels, ("channel", spec.Id));
        Identifiers.RequireId(spec.Id, "channel id");
        Identifiers.RequireName(spec.Name, options, "channel name");
        if (spec.Kind == ChannelKind.Thread) throw Refusals.BadRequest("Threads are started from a message, not created as channels.");
        if (S.Channels.Any(c => c.Id == spec.Id)) throw Refusals.Conflict($"Channel '{spec.Id}' already exists.");
        if (S.Channels.Count >= options.MaxChannels) throw Refusals.TooLarge($"A community has at most {options.MaxChannels} channels.");
        if (spec.CategoryId is not null && S.Categories.All(c => c.Id != spec.CategoryId)) throw Refusals.NotFound($"Category '{spec.CategoryId}' does not exist.");
        if (spec.SlowMode < TimeSpan.Zero || spec.SlowMode > options.MaxSlowMode) throw Refusals.BadRequest($"Slow mode must be between 0 and {options.MaxSlowMode}.");

        var channel = GrainFactory.GetGrain<IChannelGrain>(spec.Id);
        await channel.InitializeAsync(new ChannelSetup
        {
            CommunityId = CommunityId,
            ChannelId = spec.Id,
            Name = spec.Name,
            Kind = spec.Kind,
            SlowMode = spec.SlowMode,
        });
        var summary = new ChannelSummary { Id = spec.Id, Name = spec.Name, Kind = spec.Kind, CategoryId = spec.CategoryId };
        S.Channels.Add(summary);
        Audit(Actions.ManageChannels, verified.Invoker, invocation);
        await state.WriteStateAsync();
        await channel.PolicyChangedAsync(Policy());
        return summary;
    }

    /// <inheritdoc />
    public async Task<CategoryInfo> CreateCategoryAsync(CategoryInfo category, string invocation)
    {
        ArgumentNullException.ThrowIfNull(category);
        var verified = await VerifyAsync(invocation, Actions.ManageChannels, ("category", category.Id));
        Identifiers.RequireId(category.Id, "category id");
        Identifiers.RequireName(category.Name, options, "category name");
        if (S.Categories.Any(c => c.Id == category.Id)) throw Refusals.Conflict($"Category '{category.Id}' already exists.");
        if (S.Categories.Count >= options.MaxCategories) throw Refusals.TooLarge($"A community has at most {options.MaxCategories} categories.");
        S.Categories.Add(category);
        Audit(Actions.ManageChannels, verified.Invoker, invocation);
        await state.WriteStateAsync();
        return category;
    }

    /// <inheritdoc />
    public async Task DefineRoleAsync(RoleTemplate role, string invocation)
    {
        ArgumentNullException.ThrowIfNull(role);
        var verified = await VerifyAsync(invocation, Actions.ManageRoles, ("role", role.Name));
        Identifiers.RequireName(role.Name, options, "role name");
        if (role.AllowedActions.Count == 0 || role.AllowedActions.Any(a => !Actions.All.Contains(a)))
            throw Refusals.BadRequest("A role needs one or more of the known actions.");
        if (!InvocationTarget.IsValid(role.Target) || !InvocationTarget.IsWithin(role.Target, CommunityTarget))
            throw Refusals.BadRequest($"A role's target must be '{CommunityTarget}' or beneath it.");
        if (!S.Roles.ContainsKey(role.Name) && S.Roles.Count >= options.MaxRoles) throw Refusals.TooLarge($"A community has at most {options.MaxRoles} roles.");
        S.Roles[role.Name] = role with { AllowedActions = [.. role.AllowedActions.Distinct()] };
        Audit(Actions.ManageRoles, verified.Invoker, invocation);
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task SetAdmissionRulesAsync(IReadOnlyList<AdmissionRule> rules, string invocation)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var verified = await VerifyAsync(invocation, Actions.ManageRoles, ("admission", rules.Count.ToString(CultureInfo.InvariantCulture)));
        if (rules.Count > options.MaxAdmissionRules) throw Refusals.TooLarge($"At most {options.MaxAdmissionRules} admission rules.");
        if (rules.Any(r => string.IsNullOrWhiteSpace(r.CredentialType))) throw Refusals.BadRequest("An admission rule needs a credential type.");
        S.AdmissionRules = [.. rules];
        Audit(Actions.ManageRoles, verified.Invoker, invocation);
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task<MemberInfo> JoinAsync(JoinRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireCreated();
        var document = JsonText.ParseObject(request.Invocation, options, "invocation");
        VerifiedInvocation verified;
        string? capabilityId = null;
        if (document["proof"] is JsonObject { } proof && proof["capability"] is JsonValue)
        {
            // An open community admits anyone who signs the request: the invocation names the root, and only the
            // joiner's own signature (and nonce) is checked, by treating the joiner as the root's controller.
            if (!S.Open) throw Refusals.Unauthorized("This community admits members by invitation only.");
            var joiner = SignerOf(proof);
            verified = (await _guard.VerifyInvocationAsync(request.Invocation, Actions.Join, CommunityTarget, joiner, CommunityTarget)).Invocation;
        }
        else
        {
            verified = (await _guard.VerifyInvocationAsync(request.Invocation, Actions.Join, CommunityTarget, S.Owner, CommunityTarget)).Invocation;
            var links = verified.Chain.Links;
            if (links.Count == 0) throw Refusals.Conflict("The owner is already a member.");
            var delegatorMayInvite = links.Count == 1 || links[^2].Allows(Actions.Invite);
            if (!delegatorMayInvite) throw Refusals.CapabilityInvalid("The invite was not delegated by a holder of 'Invite'.");
            capabilityId = verified.CapabilityId;
        }
        var did = verified.Invoker;
        if (S.Banned.Contains(did)) throw Refusals.Banned(did);
        if (S.Members.TryGetValue(did, out var existing)) return existing;
        if (S.Members.Count >= options.MaxMembers) throw Refusals.TooLarge($"A community has at most {options.MaxMembers} members.");
        _admission.Check(S.AdmissionRules, request.Presentations, did, verified.Nonce, CommunityTarget);
        var member = new MemberInfo { Did = did, JoinedAt = time.GetUtcNow(), CapabilityId = capabilityId };
        if (capabilityId is not null)
        {
            // Registered so the member can refer to the invite by id from now on.
            var invite = (JsonObject)((JsonObject)document["proof"]!)["capability"]!;
            Register(capabilityId, invite.ToJsonString(), verified.Chain.Links[^1].Controllers);
        }
        S.Members[did] = member;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IMemberGrain>(did).AddMembershipAsync(CommunityId);
        await AnnounceMembershipAsync(did, joined: true);
        return member;
    }

    /// <inheritdoc />
    public async Task LeaveAsync(string invocation)
    {
        RequireCreated();
        // Leaving only concerns the leaver: an invocation of their own capability, or a request they signed naming the
        // root (checked like an open join), suffices.
        var document = JsonText.ParseObject(invocation, options, "invocation");
        var proof = document["proof"] as JsonObject ?? throw Refusals.BadRequest("The invocation has no proof.");
        var rootController = proof["capability"] is JsonValue ? SignerOf(proof) : S.Owner;
        var verified = (await _guard.VerifyInvocationAsync(invocation, Actions.Leave, CommunityTarget, rootController, CommunityTarget)).Invocation;
        var did = verified.Invoker;
        if (did == S.Owner) throw Refusals.BadRequest("The owner cannot leave; transfer ownership first.");
        if (!S.Members.Remove(did)) throw Refusals.NotFound($"'{did}' is not a member.");
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IMemberGrain>(did).RemoveMembershipAsync(CommunityId);
        await AnnounceMembershipAsync(did, joined: false);
    }

    /// <inheritdoc />
    public async Task KickAsync(string memberDid, string invocation)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberDid);
        var verified = await VerifyAsync(invocation, Actions.Kick, ("member", memberDid));
        if (memberDid == S.Owner) throw Refusals.BadRequest("The owner cannot be kicked.");
        if (!S.Members.ContainsKey(memberDid)) throw Refusals.NotFound($"'{memberDid}' is not a member.");
        RemoveMember(memberDid);
        Audit(Actions.Kick, verified.Invoker, invocation);
        await CommitPolicyChangeAsync();
        await GrainFactory.GetGrain<IMemberGrain>(memberDid).RemoveMembershipAsync(CommunityId);
        await AnnounceMembershipAsync(memberDid, joined: false);
    }

    /// <inheritdoc />
    public async Task BanAsync(string memberDid, string invocation)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberDid);
        var verified = await VerifyAsync(invocation, Actions.Ban, ("member", memberDid));
        if (memberDid == S.Owner) throw Refusals.BadRequest("The owner cannot be banned.");
        var wasMember = S.Members.ContainsKey(memberDid);
        S.Banned.Add(memberDid);
        RemoveMember(memberDid);
        Audit(Actions.Ban, verified.Invoker, invocation);
        await CommitPolicyChangeAsync();
        if (!wasMember) return;
        await GrainFactory.GetGrain<IMemberGrain>(memberDid).RemoveMembershipAsync(CommunityId);
        await AnnounceMembershipAsync(memberDid, joined: false);
    }

    /// <inheritdoc />
    public async Task UnbanAsync(string memberDid, string invocation)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberDid);
        var verified = await VerifyAsync(invocation, Actions.Ban, ("member", memberDid));
        if (!S.Banned.Remove(memberDid)) throw Refusals.NotFound($"'{memberDid}' is not banned.");
        Audit(Actions.Ban, verified.Invoker, invocation);
        await CommitPolicyChangeAsync();
    }

    /// <inheritdoc />
    public async Task<string> RegisterCapabilityAsync(string capability)
    {
        RequireCreated();
        var json = _guard.ParseCapability(capability);
        var chain = await _guard.VerifyChainAsync(json, S.Owner, CommunityTarget);
        var tail = chain.Tail ?? throw Refusals.BadRequest("The root capability is not registered; it is referred to by its id.");
        if (!S.Capabilities.ContainsKey(tail.Id) && S.Capabilities.Count >= options.MaxRegisteredCapabilities)
            throw Refusals.TooLarge($"A community registers at most {options.MaxRegisteredCapabilities} capabilities.");
        Register(tail.Id, capability, tail.Controllers);
        await state.WriteStateAsync();
        return tail.Id;
    }

    /// <inheritdoc />
    public async Task RevokeAsync(string capabilityId, string invocation)
    {
        ArgumentException.ThrowIfNullOrEmpty(capabilityId);
        var verified = await VerifyAsync(invocation, Actions.ManageRoles, ("capability", capabilityId));
        if (capabilityId == InvocationTarget.RootCapabilityId(CommunityTarget)) throw Refusals.BadRequest("The root capability cannot be revoked.");
        S.Revoked.Add(capabilityId);
        Audit(Actions.ManageRoles, verified.Invoker, invocation);
        await CommitPolicyChangeAsync();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MemberInfo>> GetMembersAsync()
    {
        RequireCreated();
        return Task.FromResult<IReadOnlyList<MemberInfo>>([.. S.Members.Values.OrderBy(m => m.JoinedAt).ThenBy(m => m.Did, StringComparer.Ordinal)]);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> GetAuditLogAsync(long afterSeq, int limit)
    {
        RequireCreated();
        if (limit < 1 || limit > options.MaxReadLimit) throw Refusals.BadRequest($"limit must be between 1 and {options.MaxReadLimit}.");
        return Task.FromResult<IReadOnlyList<AuditEntry>>([.. S.Audit.Where(a => a.Seq > afterSeq).Take(limit)]);
    }

    /// <inheritdoc />
    public Task<CommunityPolicy> GetPolicyAsync()
    {
        RequireCreated();
        return Task.FromResult(Policy());
    }

    /// <inheritdoc />
    public async Task<DirectMessageLink> OpenDirectMessageAsync(string opener, string peer, string channelId, string capabilityId)
    {
        ArgumentException.ThrowIfNullOrEmpty(opener);
        RequireCreated();
        if (!string.Equals(opener, S.Owner, StringComparison.Ordinal)) throw Refusals.Unauthorized("Only the community's owner can open a DM in it.");
        if (!DidKey.TryParse(peer, out var peerKey, out _) || peerKey!.KeyType != DidKeyType.Ed25519 || peerKey.Did != peer)
            throw Refusals.BadRequest("The peer must be an Ed25519 did:key.");
        if (peer == opener) throw Refusals.BadRequest("A DM needs two different members.");
        if (!S.Channels.Any(c => c.Id == channelId)) throw Refusals.NotFound($"'{channelId}' is not a channel of this community.");
        if (S.Banned.Contains(peer)) throw Refusals.Banned(peer);
        if (!S.Capabilities.TryGetValue(capabilityId, out var registered) || S.Revoked.Contains(capabilityId))
            throw Refusals.CapabilityInvalid($"Capability '{capabilityId}' is not registered with this community.");
        if (!registered.Controllers.Any(c => CapabilityGuard.ControllerIs(c, peer)))
            throw Refusals.CapabilityInvalid("The capability is not delegated to the peer.");
        var mine = new DirectMessageLink { Peer = peer, ChannelId = channelId, CommunityId = CommunityId, CapabilityId = InvocationTarget.RootCapabilityId(CommunityTarget) };
        await GrainFactory.GetGrain<IMemberGrain>(opener).AddDirectMessageAsync(mine);
        await GrainFactory.GetGrain<IMemberGrain>(peer).AddDirectMessageAsync(
            new DirectMessageLink { Peer = opener, ChannelId = channelId, CommunityId = CommunityId, CapabilityId = capabilityId });
        return mine;
    }

    /// <inheritdoc />
    public Task<bool> IsParticipantAsync(string did)
    {
        ArgumentException.ThrowIfNullOrEmpty(did);
        if (S.Banned.Contains(did)) return Task.FromResult(false);
        if (S.Members.ContainsKey(did)) return Task.FromResult(true);
        foreach (var (id, registered) in S.Capabilities)
            if (!S.Revoked.Contains(id) && registered.Controllers.Any(c => CapabilityGuard.ControllerIs(c, did))) return Task.FromResult(true);
        return Task.FromResult(false);
    }

    /// <inheritdoc />
    public Task<string?> GetCapabilityAsync(string capabilityId) =>
        Task.FromResult(S.Capabilities.TryGetValue(capabilityId, out var registered) ? registered.Json : null);

    private async Task<VerifiedInvocation> VerifyAsync(string invocation, string action, (string Member, string Value) binding)
    {
        RequireCreated();
        var (verified, document) = await _guard.VerifyInvocationAsync(invocation, action, CommunityTarget, S.Owner, CommunityTarget);
        if (S.Banned.Contains(verified.Invoker)) throw Refusals.Banned(verified.Invoker);
        JsonText.RequireMember(document, binding.Member, binding.Value);
        return verified;
    }

    private static string SignerOf(JsonObject proof)
    {
        var vm = proof["verificationMethod"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (vm is null || !DidKey.TryParse(vm, out var key, out _)) throw Refusals.BadRequest("The invocation proof needs a did:key verificationMethod.");
        return key!.Did;
    }

    private void Register(string id, string json, IReadOnlyList<string> controllers) =>
        S.Capabilities[id] = new RegisteredCapability { Json = json, Controllers = [.. controllers] };

    /// <summary>Drops a member from the roster and revokes every capability they hold here (descendants fall with them).</summary>
    private void RemoveMember(string did)
    {
        if (S.Members.Remove(did, out var member) && member.CapabilityId is { } joinedWith) S.Revoked.Add(joinedWith);
        foreach (var (id, registered) in S.Capabilities)
            if (registered.Controllers.Any(c => CapabilityGuard.ControllerIs(c, did))) S.Revoked.Add(id);
    }

    /// <summary>Persists a ban, unban, kick or revocation and installs it in every channel before returning.</summary>
    private async Task CommitPolicyChangeAsync()
    {
        S.PolicyVersion++;
        await state.WriteStateAsync();
        _guard.SetRevoked(S.Revoked);
        var policy = Policy();
        await Task.WhenAll(S.Channels.Select(c => GrainFactory.GetGrain<IChannelGrain>(c.Id).PolicyChangedAsync(policy)));
    }

    /// <summary>
    /// Tells every channel's watchers that <paramref name="did"/> joined or left, so that members add or remove its MLS
    /// leaf without polling the roster. The roster change is already durable; a lost signal is repaired by clients
    /// comparing roster and group when they start.
    /// </summary>
    private async Task AnnounceMembershipAsync(string did, bool joined)
    {
        try
        {
            await Task.WhenAll(S.Channels.Select(c => GrainFactory.GetGrain<IChannelGrain>(c.Id).MembershipChangedAsync(did, joined)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogAnnounceFailed(logger, e, CommunityId);
        }
    }

    private void Audit(string action, string actor, string invocation) =>
        S.Audit.Add(new AuditEntry { Seq = S.Audit.Count + 1, Action = action, Actor = actor, Invocation = invocation, At = time.GetUtcNow() });

    private void RequireCreated()
    {
        if (!S.Created) throw Refusals.NotFound($"Community '{CommunityId}' does not exist.");
    }

    private CommunityPolicy Policy() => new()
    {
        CommunityId = CommunityId,
        Owner = S.Owner,
        Version = S.PolicyVersion,
        Banned = [.. S.Banned],
        Revoked = [.. S.Revoked],
        Open = S.Open,
    };

    private CommunityInfo Info() => new()
    {
        Id = CommunityId,
        Name = S.Name,
        Owner = S.Owner,
        RootCapabilityId = InvocationTarget.RootCapabilityId(CommunityTarget),
        Open = S.Open,
        Channels = [.. S.Channels],
        Categories = [.. S.Categories],
        Roles = [.. S.Roles.Values],
        AdmissionRules = [.. S.AdmissionRules],
        MemberCount = S.Members.Count,
        PolicyVersion = S.PolicyVersion,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing a membership change in community {Community} failed")]
    private static partial void LogAnnounceFailed(ILogger logger, Exception exception, string community);
}
