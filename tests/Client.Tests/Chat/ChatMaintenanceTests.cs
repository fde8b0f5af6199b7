using Harmony.Client.Tests.Infrastructure;
using Harmony.Client.Chat;
using Harmony.Core.Crypto;
using Microsoft.Extensions.Time.Testing;

namespace Harmony.Client.Tests.Chat;

[Collection(ChatCollection.Name)]
public sealed class ChatMaintenanceTests(ChatNodeFixture fixture)
{
    [Fact]
    public async Task Members_self_update_once_the_interval_has_passed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var key = Ed25519KeyPair.Generate();
        var options = fixture.Options(Path.Combine(fixture.Folder, "self-update-" + Guid.NewGuid().ToString("N")[..8])) with
        {
            Time = clock,
            SelfUpdateInterval = TimeSpan.FromHours(6),
            MaintenanceInterval = TimeSpan.FromMinutes(1),
        };
        await using var alice = await HarmonyChatClient.ConnectAsync(options, key);
        var channel = (await alice.CreateCommunityAsync("Updates")).Channels[0].Id;
        var start = (await alice.GroupStatusAsync(channel))!.Value;

        // Maintenance runs but nothing is due yet.
        clock.Advance(TimeSpan.FromHours(1));
        await alice.SelfUpdateDueAsync(CancellationToken.None);
        Assert.Equal(start.Epoch, (await alice.GroupStatusAsync(channel))!.Value.Epoch);

        // Past the interval, the maintenance loop commits a fresh UpdatePath on its own. The clock moves one
        // maintenance interval per check, so the loop's timer fires whenever it was armed.
        clock.Advance(TimeSpan.FromHours(6));
        await Wait.UntilAsync(async () =>
        {
            if ((await alice.GroupStatusAsync(channel))!.Value.Epoch == start.Epoch + 1) return true;
            clock.Advance(TimeSpan.FromMinutes(1));
            return false;
        }, "the periodic self-update");
        var after = (await alice.GroupStatusAsync(channel))!.Value;
        Assert.NotEqual(start.Authenticator, after.Authenticator);

        // Done for this interval: the next one is due 6 h after the update.
        clock.Advance(TimeSpan.FromHours(1));
        await alice.SelfUpdateDueAsync(CancellationToken.None);
        Assert.Equal(start.Epoch + 1, (await alice.GroupStatusAsync(channel))!.Value.Epoch);
    }

    [Fact]
    public async Task The_key_package_pool_is_filled_and_refilled_after_a_claim()
    {
        await using var alice = await fixture.UserAsync("alice");
        await using var bob = await fixture.UserAsync("bob");
        Assert.Equal(3, await bob.Client.Connection.InvokeAsync<int>("CountKeyPackages", []));

        var community = await alice.Client.CreateCommunityAsync("Pool");
        await bob.Client.JoinAsync(await alice.Client.CreateInviteAsync(community.Id, bob.Did));
        await Wait.UntilAsync(async () => await bob.Client.GroupStatusAsync(community.Channels[0].Id) is not null, "bob to be added");
        // A KeyPackage was claimed; joining from the Welcome tops the pool up again.
        await Wait.UntilAsync(async () => await bob.Client.Connection.InvokeAsync<int>("CountKeyPackages", []) == 3, "the pool to be refilled");
    }

    [Fact]
    public async Task History_reports_sync_progress_up_to_the_total()
    {
        await using var alice = await fixture.UserAsync("alice");
        var channel = (await alice.Client.CreateCommunityAsync("Progress")).Channels[0].Id;
        for (var i = 0; i < 5; i++) await alice.Client.SendAsync(channel, $"m{i}");
        await Wait.UntilAsync(async () => await alice.Client.Connection.Store.CountQueuedAsync() == 0, "the queue to drain");

        var reports = new List<SyncProgress>();
        var history = await alice.Client.HistoryAsync(channel, 3, new SyncProgressRecorder(reports));
        Assert.Equal(["m2", "m3", "m4"], history.Select(m => m.Text));
        var last = reports[^1];
        Assert.Equal(channel, last.ChannelId);
        Assert.Equal(last.Total, last.Fetched);
        Assert.True(last.Total >= 5);
    }

    [Fact]
    public async Task Late_messages_of_retained_epochs_decrypt_until_their_lifetime_ends()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var alice = await fixture.UserAsync("alice");
        using var bobKey = Ed25519KeyPair.Generate();
        var bobOptions = fixture.Options(Path.Combine(fixture.Folder, "late-" + Guid.NewGuid().ToString("N")[..8])) with
        {
            Time = clock,
            RetainedEpochs = 2,
            RetainedEpochLifetime = TimeSpan.FromMinutes(10),
            MaintenanceInterval = TimeSpan.FromDays(30),
        };
        await using var bob = await HarmonyChatClient.ConnectAsync(bobOptions, bobKey);
        var community = await alice.Client.CreateCommunityAsync("Late");
        var channel = community.Channels[0].Id;
        await bob.JoinAsync(await alice.Client.CreateInviteAsync(community.Id, bob.Did));
        await Wait.UntilAsync(async () => await bob.GroupStatusAsync(channel) is not null, "bob to be added");
        var epoch = (await alice.Client.GroupStatusAsync(channel))!.Value.Epoch;

        // Two messages encrypted in this epoch but delivered late, after a Commit moved the group on.
        var early = await alice.Client.SealUnsentAsync(channel, "early", CancellationToken.None);
        var later = await alice.Client.SealUnsentAsync(channel, "later", CancellationToken.None);
        await alice.Client.SelfUpdateAsync(channel);
        await Wait.UntilAsync(async () => (await bob.GroupStatusAsync(channel))!.Value.Epoch == epoch + 1, "bob to process the commit");

        Assert.Equal("{\"text\":\"early\"}", System.Text.Encoding.UTF8.GetString(await bob.DecryptEnvelopeAsync(early, CancellationToken.None)));
        clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await Assert.ThrowsAsync<Harmony.Core.Mls.MlsException>(() => bob.DecryptEnvelopeAsync(later, CancellationToken.None));
        Assert.Equal("mls.message.epoch_expired", expired.Code);
    }

    /// <summary>Records reports synchronously (Progress&lt;T&gt; posts them later).</summary>
    private sealed class SyncProgressRecorder(List<SyncProgress> reports) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
