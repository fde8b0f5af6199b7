namespace Harmony.Client.Chat;

/// <summary>A roster entry (the hub's <c>MemberInfo</c>).</summary>
/// <param name="Did">The member's DID.</param>
/// <param name="JoinedAt">When they joined.</param>
/// <param name="CapabilityId">The capability they joined with (null for the owner, who holds the root).</param>
public sealed record MemberInfo(string Did, DateTimeOffset JoinedAt, string? CapabilityId);
