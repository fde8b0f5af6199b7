namespace Harmony.Grains.Abstractions.Member;

/// <summary>
/// A member (key: DID): profile, memberships, MLS KeyPackages, presence and DM index. Calls come from the gateway
/// after it authenticated the session as this DID (or, for KeyPackage claims, any authenticated member), or from
/// community grains (memberships).
/// </summary>
[Alias("harmony.member")]
public interface IMemberGrain : IGrainWithStringKey
{
    /// <summary>The profile.</summary>
    [Alias("profile"), ReadOnly]
    Task<MemberProfile> GetProfileAsync();

    /// <summary>Replaces the profile.</summary>
    [Alias("set-profile")]
    Task SetProfileAsync(MemberProfile profile);

    /// <summary>Records membership of a community (server-internal).</summary>
    [Alias("add-membership")]
    Task AddMembershipAsync(string communityId);

    /// <summary>Forgets membership of a community (server-internal).</summary>
    [Alias("remove-membership")]
    Task RemoveMembershipAsync(string communityId);

    /// <summary>The communities this member belongs to.</summary>
    [Alias("memberships"), ReadOnly]
    Task<IReadOnlyList<string>> GetMembershipsAsync();

    /// <summary>Adds KeyPackages to the pool (and replaces the last-resort package when given); returns the pool size.</summary>
    [Alias("upload-key-packages")]
    Task<int> UploadKeyPackagesAsync(IReadOnlyList<byte[]> keyPackages, byte[]? lastResort);

    /// <summary>Removes and returns one KeyPackage (each is returned at most once); the last-resort one when the pool is empty; null when there is none.</summary>
    [Alias("claim-key-package")]
    Task<KeyPackageClaim?> ClaimKeyPackageAsync();

    /// <summary>KeyPackages left in the pool (not counting the last-resort one).</summary>
    [Alias("key-package-count"), ReadOnly]
    Task<int> CountKeyPackagesAsync();

    /// <summary>Records an open connection on a gateway.</summary>
    [Alias("connect")]
    Task<PresenceInfo> ConnectAsync(string gatewayId, string connectionId);

    /// <summary>Records a closed connection.</summary>
    [Alias("disconnect")]
    Task<PresenceInfo> DisconnectAsync(string gatewayId, string connectionId);

    /// <summary>Drops every connection of a gateway that died.</summary>
    [Alias("drop-gateway")]
    Task<PresenceInfo> DropGatewayAsync(string gatewayId);

    /// <summary>The presence.</summary>
    [Alias("presence"), ReadOnly]
    Task<PresenceInfo> GetPresenceAsync();

    /// <summary>Adds (or keeps) a DM conversation in the index.</summary>
    [Alias("add-dm")]
    Task AddDirectMessageAsync(DirectMessageLink link);

    /// <summary>The DM index.</summary>
    [Alias("dms"), ReadOnly]
    Task<IReadOnlyList<DirectMessageLink>> GetDirectMessagesAsync();
}
