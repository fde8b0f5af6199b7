namespace Harmony.Grains.Authorization;

/// <summary>
/// One activation's positive authorization decisions for capabilities proven by reference, keyed by (capability id,
/// holder, action) and valid for one community policy version and until the chain's earliest expiry. A new policy
/// (every ban, revocation or role change bumps its version) clears it, so a revoked capability is never served from it.
/// </summary>
internal sealed class AuthorizationCache(int capacity)
{
    private readonly Dictionary<(string CapabilityId, string Holder, string Action), Decision> _decisions = [];

    public int Count => _decisions.Count;

    /// <summary>True when the same check already passed under <paramref name="policyVersion"/> and has not expired at <paramref name="now"/>.</summary>
    public bool Allows(string capabilityId, string holder, string action, long policyVersion, DateTimeOffset now) =>
        _decisions.TryGetValue((capabilityId, holder, action), out var d) && d.PolicyVersion == policyVersion && (d.Expires is not { } e || now < e);

    /// <summary>Remembers a passed check (the oldest entries are not tracked: at capacity the cache starts over).</summary>
    public void Add(string capabilityId, string holder, string action, long policyVersion, DateTimeOffset? expires)
    {
        if (capacity <= 0) return;
        if (_decisions.Count >= capacity) _decisions.Clear();
        _decisions[(capabilityId, holder, action)] = new Decision(policyVersion, expires);
    }

    public void Clear() => _decisions.Clear();

    private readonly record struct Decision(long PolicyVersion, DateTimeOffset? Expires);
}
