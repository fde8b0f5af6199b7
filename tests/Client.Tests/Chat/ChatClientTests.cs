using Harmony.Client.Tests.Infrastructure;
using Harmony.Client.Chat;
using Harmony.Core.Errors;
using Harmony.Core.Protocol;
using Xunit.Abstractions;

namespace Harmony.Client.Tests.Chat;

[Collection(ChatCollection.Name)]
public sealed class ChatClientTests(ChatNodeFixture fixture, ITestOutputHelper output)
{
    private static async Task InGroupAsync(ChatUser user, string channelId) =>
        await Wait.UntilAsync(async () => await user.Client.GroupStatusAsync(channelId) is not null, $"{user.Name} to be in the group of {channelId}");

    /// <summary>The owner creates a community and invites the members, who join; members add them on the <c>membership</c> event.</summary>
    private async Task<(CommunityInfo Community, string Channel)> CommunityWithAsync(ChatUser owner, params ChatUser[] members)
    {
        var community = await owner.Client.CreateCommunityAsync("Test");
        var channel = Assert.Single(community.Channels).Id;
        foreach (var member in members)
        {
            var invite = await owner.Client.CreateInviteAsync(community.Id, member.Did);
            Assert.Contains("/#/join/" + community.Id + "/", invite);
            await member.Client.JoinAsync(invite);
            await InGroupAsync(member, channel);
        }
        return (community, channel);
    }

    [Fact]
    public async Task Two_users_create_invite_join_and_exchange_messages_both_ways_decrypted_in_the_same_order()
    {
        await using var alice = await fixture.UserAsync("alice");
        await using var bob = await fixture.UserAsync("bob");
        var (community, channel) = await CommunityWithAsync(alice, bob);
        Assert.Equal("general", community.Channels[0].Name);
        Assert.Contains(await bob.Client.ListCommunitiesAsync(), c => c.Id == community.Id);

        var sent = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            sent.Add(await alice.Client.SendAsync(channel, $"alice {i}"));
            sent.Add(await bob.Client.SendAsync(channel, $"bob {i}"));
        }

        var seenByAlice = await HistoryWhenCompleteAsync(alice, channel, 10);
        var seenByBob = await HistoryWhenCompleteAsync(bob, channel, 10);
        Assert.Equal(seenByAlice.Select(m => m.Id), seenByBob.Select(m => m.Id));
        Assert.Equal(sent.Order(StringComparer.Ordinal), seenByBob.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.All(seenByBob, m => Assert.Null(m.DecryptionError));
        Assert.Equal(seenByAlice.Select(m => m.Text), seenByBob.Select(m => m.Text));
        Assert.Equal(Enumerable.Range(0, 5).SelectMany(i => new[] { $"alice {i}", $"bob {i}" }).Order(StringComparer.Ordinal), seenByBob.Select(m => m.Text!).Order(StringComparer.Ordinal));
        // CRDT order: Lamport, then author, then id.
        Assert.Equal(seenByBob.OrderBy(m => m.Lamport).ThenBy(m => m.Author, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal).Select(m => m.Id), seenByBob.Select(m => m.Id));
        var aliceStatus = await alice.Client.GroupStatusAsync(channel);
        var bobStatus = await bob.Client.GroupStatusAsync(channel);
        Assert.Equal(aliceStatus!.Value.Authenticator, bobStatus!.Value.Authenticator);
    }

    [Fact]
    public async Task Three_users_see_every_message_decrypted_in_the_same_order()
    {
        await using var alice = await fixture.UserAsync("alice");
        await using var bob = await fixture.UserAsync("bob");
        await using var carol = await fixture.UserAsync("carol");
        var (_, channel) = await CommunityWithAsync(alice, bob, carol);
        await InGroupAsync(bob, channel);
        var users = new[] { alice, bob, carol };
        var sent = new Dictionary<string, string>();
        for (var i = 0; i < 4; i++)
            foreach (var user in users)
                sent[await user.Client.SendAsync(channel, $"{user.Name} {i}")] = $"{user.Name} {i}";

        var views = new List<IReadOnlyList<ChatMessage>>();
        foreach (var user in users) views.Add(await HistoryWhenCompleteAsync(user, channel, sent.Count));
        foreach (var view in views)
        {
            Assert.Equal(views[0].Select(m => m.Id), view.Select(m => m.Id));
            Assert.All(view, m => Assert.Equal(sent[m.Id], m.Text));
        }
        var statuses = new List<byte[]>();
        foreach (var user in users) statuses.Add((await user.Client.GroupStatusAsync(channel))!.Value.Authenticator);
        Assert.All(statuses, a => Assert.Equal(statuses[0], a));
    }

    [Fact]
    public async Task Edits_deletes_reactions_and_threads_apply_on_both_sides()
    {
        await using var alice = await fixture.UserAsync("alice");
        await using var bob = await fixture.UserAsync("bob");
        var (_, channel) = await CommunityWithAsync(alice, bob);

        var first = await alice.Client.SendAsync(channel, "first");
        var second = await alice.Client.SendAsync(channel, "second");
        var reply = await bob.Client.SendAsync(channel, "a reply", replyTo: first);
        await alice.Client.EditAsync(channel, first, "first (edited)");
        await alice.Client.DeleteAsync(channel, second);
        await bob.Client.ReactAsync(channel, first, "👍");
        await alice.Client.ReactAsync(channel, first, "👍");
        await alice.Client.ReactAsync(channel, first, "🎉");
        await alice.Client.ReactAsync(channel, first, "🎉", remove: true);
        await alice.Client.PinAsync(channel, first);
        await alice.Client.PinAsync(channel, reply);
        await alice.Client.PinAsync(channel, reply, unpin: true);

        foreach (var user in new[] { alice, bob })
        {
            try
            {
            await Wait.UntilAsync(async () =>
            {
                var h = await user.Client.HistoryAsync(channel);
                var m = h.FirstOrDefault(x => x.Id == first);
                return m is { Edited: true, Pinned: true } && h.Any(x => x.Id == reply && !x.Pinned) && m.Reactions.TryGetValue("👍", out var who) && who.Count == 2 && !m.Reactions.ContainsKey("🎉")
                    && h.Any(x => x.Id == second && x.Deleted) && h.Any(x => x.Id == reply && x.Seq > 0);
            }, $"{user.Name} to apply edits, deletes and reactions");
            }
            catch (TimeoutException)
            {
                foreach (var m in await user.Client.HistoryAsync(channel)) output.WriteLine($"{user.Name}: {m}");
                throw;
            }
            var history = await user.Client.HistoryAsync(channel);
            var edited = history.Single(m => m.Id == first);
            Assert.Equal("first (edited)", edited.Text);
            Assert.Equal(new[] { alice.Did, bob.Did }.Order(StringComparer.Ordinal), edited.Reactions["👍"].Order(StringComparer.Ordinal));
            var deleted = history.Single(m => m.Id == second);
            Assert.Null(deleted.Text);
            Assert.Equal(first, history.Single(m => m.Id == reply).ReplyTo);
        }

        var thread = await bob.Client.CreateThreadAsync(channel, first);
        Assert.Equal(InvocationTargets.ThreadChannelId(channel, first), thread);
        var inThread = await bob.Client.SendAsync(thread, "in the thread");
        var aliceThread = await HistoryWhenCompleteAsync(alice, thread, 1);
        Assert.Equal(inThread, aliceThread[0].Id);
        Assert.Equal("in the thread", aliceThread[0].Text);
        Assert.Equal(first, aliceThread[0].Thread);
    }

    [Fact]
    public async Task A_later_member_is_added_by_a_member_other_than_the_creator()
    {
        await using var alice = await fixture.UserAsync("alice");
        await using var bob = await fixture.UserAsync("bob");
        await using var carol = await fixture.UserAsync("carol");
        var (community, channel) = await CommunityWithAsync(alice, bob);
        var invite = await alice.Client.CreateInviteAsync(community.Id, carol.Did);
        // The creator goes offline: only Bob can add Carol.
        await alice.StopAsync();

        // Bob's client adds Carol when the server announces her (the membership event).
        await carol.Client.JoinAsync(invite);
        await InGroupAsync(carol, channel);
        var bobStatus = await bob.Client.GroupStatusAsync(channel);
        Assert.Contains(carol.Did, bobStatus!.Value.Members);

        var fromBob = await bob.Client.SendAsync(channel, "welcome carol");
        var fromCarol = await carol.Client.SendAsync(channel, "thanks bob");
        var carolSees = await HistoryWhenCompleteAsync(carol, channel, 2);
        Assert.Equal("welcome carol", carolSees.Single(m => m.Id == fromBob).Text);
        var bobSees = await HistoryWhenCompleteAsync(bob, channel, 1, m => m.Id == fromCarol);
        Assert.Equal("thanks bob", bobSees.Single(m => m.Id == fromCarol).Text);
        await Wait.UntilAsync(async () =>
        {
            var c = (await carol.Client.GroupStatusAsync(channel))!.Value.Authenticator;
            var b = (await bob.Client.GroupStatusAsync(channel))!.Value.Authenticator;
            return c.SequenceEqual(b);
        }, "bob and carol to share the epoch");
    }

    [Fact]
    public async Task A_kicked_member_is_removed_from_the_group_at_once_and_cannot_decrypt_later_messages()
    {
        await using var alice = await fixture.UserAsync("alice");
        await using var bob = await fixture.UserAsync("bob");
        await using var carol = await fixture.UserAsync("carol");
        var (community, channel) = await CommunityWithAsync(alice, bob, carol);
        var before = (await alice.Client.GroupStatusAsync(channel))!.Value;
        Assert.Contains(carol.Did, before.Members);

        await alice.Client.KickAsync(community.Id, carol.Did);
        var after = (await alice.Client.GroupStatusAsync(channel))!.Value;
        Assert.DoesNotContain(carol.Did, after.Members);
        Assert.Equal(before.Epoch + 1, after.Epoch);

        var secret = await alice.Client.SendAsync(channel, "after the kick");
        var bobSees = await HistoryWhenCompleteAsync(bob, channel, 1, m => m.Id == secret);
        Assert.Equal("after the kick", bobSees.Single(m => m.Id == secret).Text);
        Assert.DoesNotContain(carol.Did, (await bob.Client.GroupStatusAsync(channel))!.Value.Members);

        // Whatever Carol's client still has, the envelope sent after the kick does not open with it.
        var log = await bob.Client.Connection.InvokeAsync<Protocol.LogPage>("Sync", [channel, 0L, 200, CapabilityOf(bob, community.Id)]);
        var encoded = log.Entries.Select(e => e.Envelope).Single(e => EnvelopeCodec.Decode(e).Id == secret);
        var refused = await Assert.ThrowsAnyAsync<HarmonyException>(() => carol.Client.DecryptEnvelopeAsync(encoded, CancellationToken.None));
        output.WriteLine($"carol: [{refused.Code}] {refused.Message}");
        Assert.DoesNotContain(await carol.Client.ListCommunitiesAsync(), c => c.Id == community.Id);
        await Assert.ThrowsAsync<HarmonyClientException>(() => carol.Client.SendAsync(channel, "still here?"));
    }

    [Fact]
    public async Task Sending_without_a_group_fails_with_a_typed_error_and_nothing_reaches_the_server()
    {
        await using var alice = await fixture.UserAsync("alice");
        await using var bob = await fixture.UserAsync("bob");
        var community = await alice.Client.CreateCommunityAsync("Test");
        var channel = community.Channels[0].Id;
        var invite = await alice.Client.CreateInviteAsync(community.Id, bob.Did);
        // Nobody who could add Bob to the channel's group is online.
        await alice.StopAsync();
        await bob.Client.JoinAsync(invite);
        var lastSeq = await LastSeqAsync(bob, channel);

        var error = await Assert.ThrowsAsync<HarmonyClientException>(() => bob.Client.SendAsync(channel, "plaintext must never leave"));
        Assert.Equal(ChatErrorCodes.NoGroup, error.Code);
        Assert.Equal(0, await bob.Client.Connection.Store.CountQueuedAsync());
        Assert.Equal(lastSeq, await LastSeqAsync(bob, channel));
        Assert.Null(await bob.Client.GroupStatusAsync(channel));
        Assert.Empty(await bob.Client.HistoryAsync(channel));
    }

    [Fact]
    public async Task A_restarted_client_keeps_its_groups_and_history_and_still_decrypts()
    {
        await using var alice = await fixture.UserAsync("alice");
        await using var bob = await fixture.UserAsync("bob");
        var (_, channel) = await CommunityWithAsync(alice, bob);
        var before = await alice.Client.SendAsync(channel, "before the restart");
        await HistoryWhenCompleteAsync(bob, channel, 1);

        await bob.RestartAsync(fixture);
        var after = await alice.Client.SendAsync(channel, "after the restart");
        var fromBob = await bob.Client.SendAsync(channel, "bob is back");
        var bobSees = await HistoryWhenCompleteAsync(bob, channel, 3);
        Assert.Equal("before the restart", bobSees.Single(m => m.Id == before).Text);
        Assert.Equal("after the restart", bobSees.Single(m => m.Id == after).Text);
        var aliceSees = await HistoryWhenCompleteAsync(alice, channel, 3);
        Assert.Equal("bob is back", aliceSees.Single(m => m.Id == fromBob).Text);
    }

    [Fact]
    public async Task Concurrent_commits_for_one_epoch_resolve_without_a_fork()
    {
        await using var alice = await fixture.UserAsync("alice");
        await using var bob = await fixture.UserAsync("bob");
        var (_, channel) = await CommunityWithAsync(alice, bob);

        for (var round = 0; round < 10 && alice.Client.EpochMismatches + bob.Client.EpochMismatches == 0; round++)
        {
            var start = (await alice.Client.GroupStatusAsync(channel))!.Value.Epoch;
            await Task.WhenAll(alice.Client.SelfUpdateAsync(channel), bob.Client.SelfUpdateAsync(channel));
            await Wait.UntilAsync(async () =>
            {
                var a = (await alice.Client.GroupStatusAsync(channel))!.Value;
                var b = (await bob.Client.GroupStatusAsync(channel))!.Value;
                return a.Epoch == start + 2 && b.Epoch == start + 2;
            }, "both self-updates to be applied");
            var aliceStatus = (await alice.Client.GroupStatusAsync(channel))!.Value;
            var bobStatus = (await bob.Client.GroupStatusAsync(channel))!.Value;
            Assert.Equal(aliceStatus.Authenticator, bobStatus.Authenticator);
        }
        output.WriteLine($"EpochMismatch answers: alice {alice.Client.EpochMismatches}, bob {bob.Client.EpochMismatches}");
        Assert.True(alice.Client.EpochMismatches + bob.Client.EpochMismatches > 0, "No round produced an epoch race.");

        var text = await alice.Client.SendAsync(channel, "still one group");
        var bobSees = await HistoryWhenCompleteAsync(bob, channel, 1, m => m.Id == text);
        Assert.Equal("still one group", bobSees.Single(m => m.Id == text).Text);
    }

    [Fact]
    public async Task A_member_who_leaves_is_removed_from_the_group_by_the_others()
    {
        await using var alice = await fixture.UserAsync("alice");
        await using var bob = await fixture.UserAsync("bob");
        var (community, channel) = await CommunityWithAsync(alice, bob);
        var before = (await alice.Client.GroupStatusAsync(channel))!.Value.Epoch;

        await bob.Client.LeaveAsync(community.Id);
        Assert.Null(await bob.Client.GroupStatusAsync(channel));
        Assert.DoesNotContain(await bob.Client.ListCommunitiesAsync(), c => c.Id == community.Id);
        await Wait.UntilAsync(async () => !(await alice.Client.GroupStatusAsync(channel))!.Value.Members.Contains(bob.Did), "alice to remove bob's leaf");
        Assert.True((await alice.Client.GroupStatusAsync(channel))!.Value.Epoch > before);
    }

    [Fact]
    public async Task A_direct_message_is_encrypted_for_both_and_found_by_the_peer()
    {
        await using var alice = await fixture.UserAsync("alice");
        await using var bob = await fixture.UserAsync("bob");
        var dm = await alice.Client.OpenDirectMessageAsync(bob.Did);
        Assert.StartsWith("dm-", dm.CommunityId);
        Assert.Equal(bob.Did, dm.Peer);
        Assert.Equal(dm.ChannelId, (await alice.Client.OpenDirectMessageAsync(bob.Did)).ChannelId);

        var bobs = await bob.Client.ListDirectMessagesAsync();
        var link = Assert.Single(bobs);
        Assert.Equal(alice.Did, link.Peer);
        Assert.Equal(dm.ChannelId, link.ChannelId);
        Assert.DoesNotContain(await bob.Client.ListCommunitiesAsync(), c => c.Id == dm.CommunityId);
        await InGroupAsync(bob, dm.ChannelId);

        var hello = await alice.Client.SendAsync(dm.ChannelId, "hello bob");
        var back = await bob.Client.SendAsync(link.ChannelId, "hello alice");
        var bobSees = await HistoryWhenCompleteAsync(bob, link.ChannelId, 2);
        var aliceSees = await HistoryWhenCompleteAsync(alice, dm.ChannelId, 2);
        Assert.Equal("hello bob", bobSees.Single(m => m.Id == hello).Text);
        Assert.Equal("hello alice", aliceSees.Single(m => m.Id == back).Text);
        Assert.Equal(aliceSees.Select(m => m.Id), bobSees.Select(m => m.Id));
    }

    private static string CapabilityOf(ChatUser user, string communityId) => user.Client.CapabilityFor(communityId);

    private static async Task<long> LastSeqAsync(ChatUser user, string channel)
    {
        var info = await user.Client.Connection.InvokeAsync<System.Text.Json.JsonElement>("GetChannel", [channel, user.Client.CapabilityFor((await user.Client.ListCommunitiesAsync()).Single(c => c.Channels.Any(ch => ch.Id == channel)).Id)]);
        return info.GetProperty("lastSeq").GetInt64();
    }

    /// <summary>History once at least <paramref name="count"/> messages (matching <paramref name="match"/>) are logged and decrypted.</summary>
    private static async Task<IReadOnlyList<ChatMessage>> HistoryWhenCompleteAsync(ChatUser user, string channel, int count, Func<ChatMessage, bool>? match = null)
    {
        IReadOnlyList<ChatMessage> history = [];
        await Wait.UntilAsync(async () =>
        {
            history = await user.Client.HistoryAsync(channel, 500);
            return history.Count(m => m.Seq > 0 && (m.Text is not null || m.DecryptionError is not null) && (match?.Invoke(m) ?? true)) >= count;
        }, $"{user.Name} to see {count} messages in {channel}");
        return history;
    }
}
