namespace Harmony.Core.Capabilities;

/// <summary>
/// A capability chain whose signatures and attenuation rules have been verified, root first. Expiry and revocation are
/// not part of it: they change with time and are checked on every use.
/// </summary>
/// <param name="RootCapabilityId">The root capability id (<c>urn:zcap:root:…</c>).</param>
/// <param name="RootController">The trusted controller of the root (e.g. the community owner's DID).</param>
/// <param name="RootTarget">The root's invocation target.</param>
/// <param name="Links">The delegated capabilities, root's child first, the verified capability last; empty for the root alone.</param>
public sealed record VerifiedChain(string RootCapabilityId, string RootController, string RootTarget, IReadOnlyList<VerifiedLink> Links)
{
    /// <summary>The capability that was verified: the last link, or null when it is the root itself.</summary>
    public VerifiedLink? Tail => Links.Count > 0 ? Links[^1] : null;

    /// <summary>The invocation target of the verified capability.</summary>
    public string InvocationTarget => Tail?.InvocationTarget ?? RootTarget;

    /// <summary>The controllers of the verified capability.</summary>
    public IReadOnlyList<string> Controllers => Tail?.Controllers ?? [RootController];

    /// <summary>Every capability id of the chain, root first (what a revocation check looks up).</summary>
    public IReadOnlyList<string> Ids => [RootCapabilityId, .. Links.Select(l => l.Id)];

    /// <summary>The earliest expiry in the chain, or null for the root alone.</summary>
    public DateTimeOffset? Expires => Links.Count > 0 ? Links.Min(l => l.Expires) : null;
}
