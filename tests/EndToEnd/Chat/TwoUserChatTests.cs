using System.Text.Json;
using Harmony.Client;
using Harmony.Core.Protocol;
using Harmony.EndToEnd.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Harmony.EndToEnd.Tests.Chat;

/// <summary>
/// Scenario 1: on a real node process, two SDK users create a community, invite, join and exchange 100 MLS-encrypted
/// messages each way; both see all 200 decrypted in the same CRDT order. A third identity that is not a member can
/// neither read nor send, and the log does not change.
/// </summary>
public sealed class TwoUserChatTests(ServerFixture fixture, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private const int PerSide = 100;

    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task Two_users_exchange_100_messages_each_way_and_see_all_200_decrypted_in_the_same_CRDT_order()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var alice = await ChatUser.ConnectAsync(Server, "alice");
        await using var bob = await ChatUser.ConnectAsync(Server, "bob");
        var (community, channel) = await ChatScenario.CommunityWithAsync(alice, bob);

        output.WriteLine($"community and group ready after {clock.Elapsed.TotalSeconds:0.0} s");
        // Both type at the same time, as people do; each sends its 100 in order.
        var sent = new System.Collections.Concurrent.ConcurrentDictionary<string, (string Author, string Text)>(StringComparer.Ordinal);
        async Task SendAllAsync(ChatUser user)
        {
            for (var i = 0; i < PerSide; i++)
            {
                var text = $"{user.Name} says {i} {Guid.NewGuid():N}";
                sent[await user.Client.SendAsync(channel, text)] = (user.Did, text);
            }
        }
        await Task.WhenAll(SendAllAsync(alice), SendAllAsync(bob));
        output.WriteLine($"sent after {clock.Elapsed.TotalSeconds:0.0} s");
        var seenByAlice = await ChatScenario.HistoryWithAsync(alice, channel, sent.Keys.ToList(), Server.Describe);
        var seenByBob = await ChatScenario.HistoryWithAsync(bob, channel, sent.Keys.ToList(), Server.Describe);
        output.WriteLine($"{sent.Count} messages exchanged and seen by both after {clock.Elapsed.TotalSeconds:0.0} s");

        foreach (var (name, seen) in new[] { ("alice", seenByAlice), ("bob", seenByBob) })
        {
            Assert.Equal(2 * PerSide, seen.Count);
            Assert.Equal(sent.Keys.Order(StringComparer.Ordinal), seen.Select(m => m.Id).Order(StringComparer.Ordinal));
            var failures = seen.Where(m => m.DecryptionError is not null || m.Text != sent[m.Id].Text || m.Author != sent[m.Id].Author)
                .Select(m => $"{name}: {m.Id} text={m.Text ?? "null"} error={m.DecryptionError}").ToList();
            Assert.Empty(failures);
            // The CRDT order of docs/crdt.md, computed here from the fields: Lamport, then author, then id (ordinal).
            var expected = seen.OrderBy(m => m.Lamport).ThenBy(m => m.Author, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal);
            Assert.Equal(expected.Select(m => m.Id), seen.Select(m => m.Id));
        }
        Assert.Equal(seenByAlice.Select(m => m.Id), seenByBob.Select(m => m.Id));
        Assert.Equal(seenByAlice.Select(m => m.Text), seenByBob.Select(m => m.Text));

        // A third identity, not a member, can neither read nor send, with any capability id it may have learnt.
        var lastSeq = await LastSeqAsync(alice, channel, community.RootCapabilityId);
        using var carol = new HubUser();
        await using var c = await carol.ConnectAsync(Server);
        var failuresForCarol = new List<string>();
        foreach (var capability in new[] { community.RootCapabilityId, bob.Client.CapabilityFor(community.Id) })
        {
            await ExpectRefusal(failuresForCarol, "Watch", () => c.InvokeAsync<JsonElement>("Watch", channel, capability));
            await ExpectRefusal(failuresForCarol, "Sync", () => c.InvokeAsync<JsonElement>("Sync", channel, 0L, 200, capability));
            await ExpectRefusal(failuresForCarol, "Send", () => c.InvokeAsync<JsonElement>("Send", carol.Envelope(channel), capability, null));
        }
        // Nor by invoking a root capability of the community that she made up with herself as controller.
        var carolsEnvelope = carol.Envelope(channel);
        var forged = carol.Invoke(carol.Root(community.Id), Actions.SendMessage, InvocationTargets.Channel(community.Id, channel),
            new System.Text.Json.Nodes.JsonObject { ["envelope"] = EnvelopeCodec.Decode(carolsEnvelope).Id });
        await ExpectRefusal(failuresForCarol, "Send with a made-up root", () => c.InvokeAsync<JsonElement>("Send", carolsEnvelope, null, forged));
        // Nor can she join with an invite addressed to someone else.
        var invite = await alice.Client.CreateInviteAsync(community.Id, bob.Did);
        await using (var carolClient = await ChatUser.ConnectAsync(Server, "carol"))
        {
            // Her client already refuses to invoke a capability whose controller is not her (a typed capability
            // error); the server's refusal of such an invocation is covered by MalformedInputTests.
            var refused = await Assert.ThrowsAnyAsync<Harmony.Core.Errors.HarmonyException>(() => carolClient.Client.JoinAsync(invite));
            output.WriteLine($"carol joining with Bob's invite: [{refused.Code}] {refused.Message}");
            Assert.DoesNotContain(await alice.Client.GetMembersAsync(community.Id), m => m.Did == carolClient.Did);
        }
        Assert.Empty(failuresForCarol);
        Assert.Equal(lastSeq, await LastSeqAsync(alice, channel, community.RootCapabilityId));
        Assert.DoesNotContain(await alice.Client.GetMembersAsync(community.Id), m => m.Did == carol.Did);
    }

    private static async Task ExpectRefusal(List<string> failures, string what, Func<Task> call)
    {
        try
        {
            var (code, _) = await HubErrors.CodeOf(call);
            if (code is not (ErrorCodes.CapabilityInvalid or ErrorCodes.Unauthorized)) failures.Add($"{what}: refused with {code}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures.Add($"{what}: not refused with a typed error ({e.Message})");
        }
    }

    private static async Task<long> LastSeqAsync(ChatUser owner, string channel, string capability) =>
        (await owner.Client.Connection.InvokeAsync<Harmony.Client.Protocol.LogPage>("Sync", [channel, 0L, 1, capability])).LastSeq;
}
