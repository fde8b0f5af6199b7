using Harmony.Grains.Authorization;

namespace Harmony.Grains.Tests.Authorization;

/// <summary>The channel's cache of passed capability checks: same check, same policy version, chain not expired.</summary>
public sealed class AuthorizationCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_decision_holds_only_for_the_same_capability_holder_action_and_policy_version()
    {
        var cache = new AuthorizationCache(100);
        cache.Add("cap-1", "did:key:alice", "SendMessage", policyVersion: 3, expires: null);

        Assert.True(cache.Allows("cap-1", "did:key:alice", "SendMessage", 3, Now));
        Assert.False(cache.Allows("cap-1", "did:key:alice", "SendMessage", 4, Now));
        Assert.False(cache.Allows("cap-1", "did:key:alice", "Moderate", 3, Now));
        Assert.False(cache.Allows("cap-1", "did:key:bob", "SendMessage", 3, Now));
        Assert.False(cache.Allows("cap-2", "did:key:alice", "SendMessage", 3, Now));
    }

    [Fact]
    public void A_decision_ends_when_the_chain_expires()
    {
        var cache = new AuthorizationCache(100);
        cache.Add("cap-1", "did:key:alice", "SendMessage", 1, expires: Now.AddMinutes(5));

        Assert.True(cache.Allows("cap-1", "did:key:alice", "SendMessage", 1, Now.AddMinutes(4)));
        Assert.False(cache.Allows("cap-1", "did:key:alice", "SendMessage", 1, Now.AddMinutes(5)));
    }

    [Fact]
    public void Clearing_and_the_capacity_forget_decisions()
    {
        var cache = new AuthorizationCache(2);
        cache.Add("a", "h", "x", 1, null);
        cache.Add("b", "h", "x", 1, null);
        cache.Add("c", "h", "x", 1, null);
        Assert.Equal(1, cache.Count);
        Assert.True(cache.Allows("c", "h", "x", 1, Now));
        Assert.False(cache.Allows("a", "h", "x", 1, Now));

        cache.Clear();
        Assert.False(cache.Allows("c", "h", "x", 1, Now));
    }
}
