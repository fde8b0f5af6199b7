using Harmony.Grains.Abstractions.Member;
using Harmony.Grains.Abstractions.Channel;

namespace Harmony.Grains.Abstractions.Community;

/// <summary>
/// A community (key: community id). Every mutation carries a signed ZCAP invocation (JSON text) for the named action
/// on the community's target, or beneath it; the invocation document must also name the call's arguments (member
/// names listed per method) so a signature for one request cannot be replayed for another. Refusals throw
/// <see cref="Errors.GrainRequestException"/> with a protocol error code.
/// </summary>
[Alias("harmony.community")]
public interface ICommunityGrain : IGrainWithStringKey
{
    /// <summary>Creates the community; the invocation (action <c>Create</c>, document member <c>name</c>) must be signed by the owner on the root capability.</summary>
    [Alias("create")]
    Task<CommunityInfo> CreateAsync(CommunitySetup setup, string invocation);

    /// <summary>The community's head state.</summary>
    [Alias("get"), ReadOnly]
    Task<CommunityInfo> GetAsync();

    /// <summary>Creates a channel (action <c>ManageChannels</c>, member <c>channel</c>).</summary>
    [Alias("create-channel")]
    Task<ChannelSummary> CreateChannelAsync(ChannelSpec spec, string invocation);

    /// <summary>Creates a category (action <c>ManageChannels</c>, member <c>category</c>).</summary>
    [Alias("create-category")]
    Task<CategoryInfo> CreateCategoryAsync(CategoryInfo category, string invocation);

    /// <summary>Defines or replaces a role template (action <c>ManageRoles</c>, member <c>role</c>).</summary>
    [Alias("define-role")]
    Task DefineRoleAsync(RoleTemplate role, string invocation);

    /// <summary>Replaces the admission rules (action <c>ManageRoles</c>, member <c>admission</c> = rule count).</summary>
    [Alias("set-admission")]
    Task SetAdmissionRulesAsync(IReadOnlyList<AdmissionRule> rules, string invocation);

    /// <summary>Joins by an invite (or, for open communities, the root id); the joiner is the invoker.</summary>
    [Alias("join")]
    Task<MemberInfo> JoinAsync(JoinRequest request);

    /// <summary>Leaves (action <c>Leave</c>); the member is the invoker.</summary>
    [Alias("leave")]
    Task LeaveAsync(string invocation);

    /// <summary>Removes a member (action <c>Kick</c>, member <c>member</c>); revokes the capability they joined with.</summary>
    [Alias("kick")]
    Task KickAsync(string memberDid, string invocation);

    /// <summary>Bans a DID (action <c>Ban</c>, member <c>member</c>); channels refuse it before this returns.</summary>
    [Alias("ban")]
    Task BanAsync(string memberDid, string invocation);

    /// <summary>Lifts a ban (action <c>Ban</c>, member <c>member</c>).</summary>
    [Alias("unban")]
    Task UnbanAsync(string memberDid, string invocation);

    /// <summary>
    /// Registers a delegated capability (JSON text, signed by its delegator) after verifying its chain to this
    /// community's root, so members can refer to it by id. Returns its id.
    /// </summary>
    [Alias("register-capability")]
    Task<string> RegisterCapabilityAsync(string capability);

    /// <summary>Revokes a delegated capability and everything delegated from it (action <c>ManageRoles</c>, member <c>capability</c>).</summary>
    [Alias("revoke")]
    Task RevokeAsync(string capabilityId, string invocation);

    /// <summary>The roster.</summary>
    [Alias("members"), ReadOnly]
    Task<IReadOnlyList<MemberInfo>> GetMembersAsync();

    /// <summary>The audit log (signed moderation invocations) after <paramref name="afterSeq"/>.</summary>
    [Alias("audit"), ReadOnly]
    Task<IReadOnlyList<AuditEntry>> GetAuditLogAsync(long afterSeq, int limit);

    /// <summary>
    /// Whether <paramref name="did"/> may be added to the community's MLS groups: a roster member, or the controller
    /// of an unrevoked registered capability (a direct-message peer), and not banned (server-internal).
    /// </summary>
    [Alias("is-participant"), ReadOnly]
    Task<bool> IsParticipantAsync(string did);

    /// <summary>What channels need to authorize: root, bans, revocations, roster (server-internal).</summary>
    [Alias("policy"), ReadOnly]
    Task<CommunityPolicy> GetPolicyAsync();

    /// <summary>
    /// Makes this community (owned by <paramref name="opener"/>) the host of a direct-message conversation with
    /// <paramref name="peer"/>: <paramref name="channelId"/> must be one of its channels and
    /// <paramref name="capabilityId"/> a registered, unrevoked capability controlled by the peer. Adds the link to
    /// both members' DM indexes and returns the opener's.
    /// </summary>
    [Alias("open-dm")]
    Task<DirectMessageLink> OpenDirectMessageAsync(string opener, string peer, string channelId, string capabilityId);

    /// <summary>A registered capability's JSON text, or null (server-internal, for resolving references).</summary>
    [Alias("capability"), ReadOnly]
    Task<string?> GetCapabilityAsync(string capabilityId);
}
