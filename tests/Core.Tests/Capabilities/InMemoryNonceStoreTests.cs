using Harmony.Core.Capabilities;
using Xunit;

namespace Harmony.Core.Tests.Capabilities;

public sealed class InMemoryNonceStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_nonce_is_accepted_once_until_it_expires()
    {
        var clock = new ManualClock(Start);
        var store = new InMemoryNonceStore(clock);
        Assert.True(await store.TryRecordAsync("k", Start.AddMinutes(5)));
        Assert.False(await store.TryRecordAsync("k", Start.AddMinutes(5)));
        clock.Now = Start.AddMinutes(4);
        Assert.False(await store.TryRecordAsync("k", Start.AddMinutes(9)));
        clock.Now = Start.AddMinutes(5);
        Assert.True(await store.TryRecordAsync("k", Start.AddMinutes(10)));
    }

    [Fact]
    public async Task A_full_store_refuses_new_nonces_until_entries_expire()
    {
        var clock = new ManualClock(Start);
        var store = new InMemoryNonceStore(clock, capacity: 2);
        Assert.True(await store.TryRecordAsync("a", Start.AddMinutes(1)));
        Assert.True(await store.TryRecordAsync("b", Start.AddMinutes(1)));
        var e = await Assert.ThrowsAsync<CapabilityException>(() => store.TryRecordAsync("c", Start.AddMinutes(1)).AsTask());
        Assert.Equal(CapabilityErrorCodes.ReplayCacheFull, e.Code);
        clock.Now = Start.AddMinutes(2);
        Assert.True(await store.TryRecordAsync("c", Start.AddMinutes(3)));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task Concurrent_uses_of_one_nonce_admit_exactly_one()
    {
        var store = new InMemoryNonceStore(new ManualClock(Start));
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => store.TryRecordAsync("same", Start.AddMinutes(5)).AsTask())));
        Assert.Equal(1, results.Count(r => r));
    }
}
