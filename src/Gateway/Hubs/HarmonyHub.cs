using Harmony.Core.Protocol;
using Harmony.Gateway.Auth;
using Harmony.Gateway.Fanout;
using Harmony.Gateway.Hosting;
using Harmony.Grains.Abstractions.Authorization;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Abstractions.Community;
using Harmony.Grains.Abstractions.Member;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Harmony.Gateway.Hubs;

/// <summary>
/// The client hub at <c>/hub</c> (docs/protocol.md §4.4). It authenticates (the session DID must be the envelope
/// author or the invocation signer), applies limits and translates calls to grains; the grains decide everything
/// else. Refusals reach clients as <see cref="HubException"/>s whose message is the error JSON (see <see cref="HubCallFilter"/>).
/// </summary>
[Authorize(AuthenticationSchemes = SessionAuthenticationDefaults.Scheme)]
public sealed class HarmonyHub(IGrainFactory grains, ChannelFanout fanout, HarmonyGatewayOptions options, GatewayInstanceId gateway) : Hub
{
    /// <summary>The hub method that receives calls the server could not bind (unknown method, wrong argument types).</summary>
    public const string InvalidCallMethod = "$invalid";

    private string Did => Context.UserIdentifier ?? throw new ProtocolException(ErrorCodes.Unauthorized, "No session.");

    private ICommunityGrain Community(string communityId) => grains.GetGrain<ICommunityGrain>(RequireId(communityId, "communityId"));

    private IChannelGrain Channel(string channelId) => grains.GetGrain<IChannelGrain>(RequireId(channelId, "channelId"));

    // ---- connection lifetime ----

    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        var presence = await grains.GetGrain<IMemberGrain>(Did).ConnectAsync(gateway.Value, Context.ConnectionId);
        await Clients.Group(PresenceGroup(Did)).SendAsync(HubEvents.Presence, ToEvent(Did, presence));
    }

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await fanout.DisconnectAsync(Context.ConnectionId);
        var did = Context.UserIdentifier;
        if (did is null) return;
        var presence = await grains.GetGrain<IMemberGrain>(did).DisconnectAsync(gateway.Value, Context.ConnectionId);
        await Clients.Group(PresenceGroup(did)).SendAsync(HubEvents.Presence, ToEvent(did, presence));
    }

    // ---- communities ----

    /// <summary>Creates a community owned by the session DID (invocation: action <c>Create</c>, member <c>name</c>).</summary>
    public Task<CommunityInfo> CreateCommunity(string communityId, string name, bool open, string invocation)
    {
        RequireInvoker(invocation);
        return Community(communityId).CreateAsync(new CommunitySetup { Name = RequireText(name, "name"), Owner = Did, Open = open }, invocation);
    }

    /// <summary>A community's head state.</summary>
    public Task<CommunityInfo> GetCommunity(string communityId) => Community(communityId).GetAsync();

    /// <summary>Creates a channel (action <c>ManageChannels</c>, member <c>channel</c>).</summary>
    public Task<ChannelSummary> CreateChannel(string communityId, string channelId, string name, int kind, string? categoryId, int slowModeSeconds, string invocation)
    {
        RequireInvoker(invocation);
        if (!Enum.IsDefined((ChannelKind)kind)) throw new ProtocolException(ErrorCodes.BadRequest, "Unknown channel kind.");
        if (slowModeSeconds < 0) throw new ProtocolException(ErrorCodes.BadRequest, "slowModeSeconds must not be negative.");
        var spec = new ChannelSpec
        {
            Id = RequireId(channelId, "channelId"),
            Name = RequireText(name, "name"),
            Kind = (ChannelKind)kind,
            CategoryId = categoryId,
            SlowMode = TimeSpan.FromSeconds(slowModeSeconds),
        };
        return Community(communityId).CreateChannelAsync(spec, invocation);
    }

    /// <summary>Creates a category (action <c>ManageChannels</c>, member <c>category</c>).</summary>
    public Task<CategoryInfo> CreateCategory(string communityId, string categoryId, string name, string invocation)
    {
        RequireInvoker(invocation);
        return Community(communityId).CreateCategoryAsync(new CategoryInfo { Id = RequireId(categoryId, "categoryId"), Name = RequireText(name, "name") }, invocation);
    }

    /// <summary>Defines or replaces a role template (action <c>ManageRoles</c>, member <c>role</c>).</summary>
    public Task DefineRole(string communityId, string name, string[] allowedActions, string target, string invocation)
    {
        RequireInvoker(invocation);
        if (allowedActions is null) throw new ProtocolException(ErrorCodes.BadRequest, "allowedActions is required.");
        return Community(communityId).DefineRoleAsync(
            new RoleTemplate { Name = RequireText(name, "name"), AllowedActions = allowedActions, Target = RequireText(target, "target") }, invocation);
    }

    /// <summary>Replaces the admission rules (action <c>ManageRoles</c>, member <c>admission</c> = rule count).</summary>
    public Task SetAdmissionRules(string communityId, AdmissionRule[] rules, string invocation)
    {
        RequireInvoker(invocation);
        if (rules is null) throw new ProtocolException(ErrorCodes.BadRequest, "rules is required.");
        return Community(communityId).SetAdmissionRulesAsync(rules, invocation);
    }

    /// <summary>Registers a delegated capability (an invite or role grant) so members can refer to it by id; returns the id.</summary>
    public Task<string> RegisterCapability(string communityId, string capability)
    {
        InvocationInspector.RequireSize(capability, options.MaxInvocationBytes, "capability");
        return Community(communityId).RegisterCapabilityAsync(capability);
    }

    /// <summary>Joins with an invocation (action <c>Join</c>) of an invite, or of the root of an open community, signed by the session DID.</summary>
    public Task<MemberInfo> Join(string communityId, string invocation, string[]? presentations)
    {
        RequireInvoker(invocation);
        var list = presentations ?? [];
        foreach (var p in list) InvocationInspector.RequireSize(p, options.MaxInvocationBytes, "presentation");
        return Community(communityId).JoinAsync(new JoinRequest { Invocation = invocation, Presentations = list });
    }

    /// <summary>Leaves (action <c>Leave</c>, signed by the session DID).</summary>
    public Task Leave(string communityId, string invocation)
    {
        RequireInvoker(invocation);
        return Community(communityId).LeaveAsync(invocation);
    }

    /// <summary>Removes a member (action <c>Kick</c>, member <c>member</c>).</summary>
    public Task Kick(string communityId, string memberDid, string invocation)
    {
        RequireInvoker(invocation);
        return Community(communityId).KickAsync(RequireText(memberDid, "memberDid"), invocation);
    }

    /// <summary>Bans a DID (action <c>Ban</c>, member <c>member</c>).</summary>
    public Task Ban(string communityId, string memberDid, string invocation)
    {
        RequireInvoker(invocation);
        return Community(communityId).BanAsync(RequireText(memberDid, "memberDid"), invocation);
    }

    /// <summary>Lifts a ban (action <c>Ban</c>, member <c>member</c>).</summary>
    public Task Unban(string communityId, string memberDid, string invocation)
    {
        RequireInvoker(invocation);
        return Community(communityId).UnbanAsync(RequireText(memberDid, "memberDid"), invocation);
    }

    /// <summary>Revokes a delegated capability and its descendants (action <c>ManageRoles</c>, member <c>capability</c>).</summary>
    public Task Revoke(string communityId, string capabilityId, string invocation)
    {
        RequireInvoker(invocation);
        return Community(communityId).RevokeAsync(RequireText(capabilityId, "capabilityId"), invocation);
    }

    /// <summary>The roster (members only).</summary>
    public async Task<IReadOnlyList<MemberInfo>> GetMembers(string communityId)
    {
        var members = await Community(communityId).GetMembersAsync();
        if (!members.Any(m => m.Did == Did)) throw new ProtocolException(ErrorCodes.Unauthorized, "Only members can list members.");
        return members;
    }

    /// <summary>The audit log after <paramref name="afterSeq"/> (members only).</summary>
    public async Task<IReadOnlyList<AuditEntry>> GetAuditLog(string communityId, long afterSeq, int limit)
    {
        var community = Community(communityId);
        var members = await community.GetMembersAsync();
        if (!members.Any(m => m.Did == Did)) throw new ProtocolException(ErrorCodes.Unauthorized, "Only members can read the audit log.");
        return await community.GetAuditLogAsync(afterSeq, limit);
    }

    // ---- channels ----

    /// <summary>Starts receiving a channel's <c>envelope</c> and <c>typing</c> events after checking <c>Read</c> with the session's capability.</summary>
    public async Task<WatchResult> Watch(string channelId, string capabilityId)
    {
        var channel = Channel(channelId);
        var page = await channel.ReadAsync(long.MaxValue - 1, 1, HeldProof(capabilityId));
        if (fanout.CountWatched(Context.ConnectionId) >= options.MaxWatchedChannelsPerConnection)
            throw new ProtocolException(ErrorCodes.TooLarge, $"A connection watches at most {options.MaxWatchedChannelsPerConnection} channels.");
        await fanout.WatchAsync(channelId, Context.ConnectionId);
        return new WatchResult(channelId, page.LastSeq);
    }

    /// <summary>Stops receiving a channel's events.</summary>
    public Task Unwatch(string channelId) => fanout.UnwatchAsync(RequireId(channelId, "channelId"), Context.ConnectionId);

    /// <summary>
    /// Appends an encoded, signed envelope (any kind: message, edit, delete, reactions, pins, MLS handshake) to its
    /// channel. The author must be the session DID; proof is a capability id the author holds, or an invocation
    /// (member <c>envelope</c> = the envelope id). Idempotent by envelope id.
    /// </summary>
    public async Task<AppendResult> Send(byte[] envelope, string? capabilityId, string? invocation)
    {
        if (envelope is null || envelope.Length == 0) throw new ProtocolException(ErrorCodes.BadRequest, "envelope is required.");
        if (envelope.Length > options.MaxEnvelopeBytes)
            throw new ProtocolException(ErrorCodes.TooLarge, $"Envelope of {envelope.Length} bytes exceeds the limit of {options.MaxEnvelopeBytes}.");
        var decoded = EnvelopeCodec.Decode(envelope, new ProtocolLimits { MaxEnvelopeBytes = options.MaxEnvelopeBytes });
        if (!string.Equals(decoded.Author, Did, StringComparison.Ordinal))
            throw new ProtocolException(ErrorCodes.Unauthorized, "The envelope's author is not the session's DID.");
        return await Channel(decoded.Channel).AppendAsync(envelope, Proof(capabilityId, invocation));
    }

    /// <summary>Reads up to <paramref name="limit"/> log entries after <paramref name="afterSeq"/> (action <c>Read</c>).</summary>
    public Task<LogPage> Sync(string channelId, long afterSeq, int limit, string capabilityId) =>
        Channel(channelId).ReadAsync(afterSeq, limit, HeldProof(capabilityId));

    /// <summary>A channel's head state (action <c>Read</c>).</summary>
    public async Task<ChannelInfo> GetChannel(string channelId, string capabilityId)
    {
        var channel = Channel(channelId);
        await channel.ReadAsync(long.MaxValue - 1, 1, HeldProof(capabilityId));
        return await channel.GetInfoAsync();
    }

    /// <summary>Publishes an ephemeral typing signal (action <c>SendMessage</c>).</summary>
    public Task Typing(string channelId, string capabilityId) => Channel(channelId).TypingAsync(Did, HeldProof(capabilityId));

    /// <summary>Starts (or returns) the thread rooted at a message (action <c>SendMessage</c>; an invocation names member <c>thread</c>).</summary>
    public Task<ChannelInfo> CreateThread(string channelId, string rootMessageId, string? capabilityId, string? invocation) =>
        Channel(channelId).CreateThreadAsync(RequireText(rootMessageId, "rootMessageId"), Proof(capabilityId, invocation));

    /// <summary>Sets slow mode (action <c>ManageChannels</c>, member <c>slowModeSeconds</c>).</summary>
    public Task SetSlowMode(string channelId, int seconds, string invocation)
    {
        RequireInvoker(invocation);
        if (seconds < 0) throw new ProtocolException(ErrorCodes.BadRequest, "seconds must not be negative.");
        return Channel(channelId).SetSlowModeAsync(TimeSpan.FromSeconds(seconds), invocation);
    }

    // ---- members, presence, DMs, KeyPackages ----

    /// <summary>A member's public profile.</summary>
    public Task<MemberProfile> GetProfile(string did) => grains.GetGrain<IMemberGrain>(RequireText(did, "did")).GetProfileAsync();

    /// <summary>Replaces the session DID's profile.</summary>
    public Task SetProfile(MemberProfile profile)
    {
        if (profile is null) throw new ProtocolException(ErrorCodes.BadRequest, "profile is required.");
        return grains.GetGrain<IMemberGrain>(Did).SetProfileAsync(profile);
    }

    /// <summary>The communities the session DID belongs to.</summary>
    public Task<IReadOnlyList<string>> GetMemberships() => grains.GetGrain<IMemberGrain>(Did).GetMembershipsAsync();

    /// <summary>Adds MLS KeyPackages to the session DID's pool (and replaces the last-resort one when given); returns the pool size.</summary>
    public Task<int> UploadKeyPackages(byte[][] keyPackages, byte[]? lastResort)
    {
        if (keyPackages is null) throw new ProtocolException(ErrorCodes.BadRequest, "keyPackages is required.");
        if (keyPackages.Length > options.MaxKeyPackagesPerUpload)
            throw new ProtocolException(ErrorCodes.TooLarge, $"At most {options.MaxKeyPackagesPerUpload} KeyPackages per upload.");
        if (keyPackages.Any(k => k is null || k.Length == 0)) throw new ProtocolException(ErrorCodes.BadRequest, "KeyPackages must not be empty.");
        return grains.GetGrain<IMemberGrain>(Did).UploadKeyPackagesAsync(keyPackages, lastResort);
    }

    /// <summary>Claims one of <paramref name="did"/>'s KeyPackages (each returned once); null when none is left.</summary>
    public Task<KeyPackageClaim?> ClaimKeyPackage(string did) => grains.GetGrain<IMemberGrain>(RequireText(did, "did")).ClaimKeyPackageAsync();

    /// <summary>How many KeyPackages the session DID has left.</summary>
    public Task<int> CountKeyPackages() => grains.GetGrain<IMemberGrain>(Did).CountKeyPackagesAsync();

    /// <summary>A member's presence.</summary>
    public Task<PresenceInfo> GetPresence(string did) => grains.GetGrain<IMemberGrain>(RequireText(did, "did")).GetPresenceAsync();

    /// <summary>Starts receiving <c>presence</c> events for <paramref name="did"/> (changes seen by this node).</summary>
    public Task WatchPresence(string did) => Groups.AddToGroupAsync(Context.ConnectionId, PresenceGroup(RequireText(did, "did")));

    /// <summary>Stops receiving <c>presence</c> events for <paramref name="did"/>.</summary>
    public Task UnwatchPresence(string did) => Groups.RemoveFromGroupAsync(Context.ConnectionId, PresenceGroup(RequireText(did, "did")));

    /// <summary>Adds a DM conversation to the session DID's index.</summary>
    public Task AddDirectMessage(string peer, string channelId) =>
        grains.GetGrain<IMemberGrain>(Did).AddDirectMessageAsync(new DirectMessageLink { Peer = RequireText(peer, "peer"), ChannelId = RequireId(channelId, "channelId") });

    /// <summary>
    /// Opens a DM with <paramref name="peer"/> hosted by a community the session DID owns: <paramref name="channelId"/>
    /// is its channel and <paramref name="capabilityId"/> a registered capability delegated to the peer. Both DM
    /// indexes get the link; returns the caller's.
    /// </summary>
    public Task<DirectMessageLink> OpenDirectMessage(string peer, string communityId, string channelId, string capabilityId) =>
        Community(communityId).OpenDirectMessageAsync(Did, RequireText(peer, "peer"), RequireId(channelId, "channelId"), RequireText(capabilityId, "capabilityId"));

    /// <summary>The session DID's DM index.</summary>
    public Task<IReadOnlyList<DirectMessageLink>> GetDirectMessages() => grains.GetGrain<IMemberGrain>(Did).GetDirectMessagesAsync();

    /// <summary>Receives calls the server could not bind (unknown method or wrong argument types) and refuses them with <c>BadRequest</c>.</summary>
    [HubMethodName(InvalidCallMethod)]
    public Task InvalidCall(string target, string reason) =>
        throw new ProtocolException(ErrorCodes.BadRequest, $"Cannot invoke '{target}': {reason}");

    // ---- helpers ----

    private void RequireInvoker(string invocation) => InvocationInspector.RequireInvoker(invocation, Did, options.MaxInvocationBytes);

    private CapabilityProof HeldProof(string? capabilityId) =>
        CapabilityProof.ByReference(RequireText(capabilityId, "capabilityId"), Did);

    private CapabilityProof Proof(string? capabilityId, string? invocation)
    {
        if (invocation is not null)
        {
            RequireInvoker(invocation);
            return CapabilityProof.ByInvocation(invocation);
        }
        return HeldProof(capabilityId);
    }

    private static string PresenceGroup(string did) => "presence:" + did;

    private static PresenceEvent ToEvent(string did, PresenceInfo p) => new(did, p.Online, p.Connections, p.LastSeen);

    private string RequireText(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new ProtocolException(ErrorCodes.BadRequest, $"{name} is required.")
        : value.Length > options.MaxArgumentLength ? throw new ProtocolException(ErrorCodes.TooLarge, $"{name} exceeds {options.MaxArgumentLength} characters.")
        : value;

    private string RequireId(string? value, string name) => RequireText(value, name);
}
