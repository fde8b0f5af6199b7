using Harmony.Core.Protocol;
using Harmony.Gateway.Hubs;
using Harmony.Gateway.Tests.Infrastructure;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Abstractions.Member;
using Microsoft.AspNetCore.SignalR.Client;

namespace Harmony.Gateway.Tests.Hubs;

[Collection(NodeCollection.Name)]
public sealed class MalformedInputTests(NodeFixture fixture)
{
    private GatewayFactory Node => fixture.Node;

    [Fact]
    public async Task Malformed_calls_get_typed_errors_and_change_nothing()
    {
        using var alice = new TestUser();
        using var bob = new TestUser();
        await using var a = await alice.ConnectAsync(Node);
        var community = await Community.CreateAsync(alice, a);
        var cap = community.RootCapabilityId;
        var channel = community.ChannelId;
        var failures = new List<string>();

        async Task Expect(string name, string code, Func<Task> call)
        {
            var (actual, _, _) = await HubErrors.CodeOf(call);
            if (actual != code) failures.Add($"{name}: expected {code}, got {actual}");
        }

        // Oversized: above the envelope limit (256 KiB) but within the hub's message limit.
        await Expect("oversized", ErrorCodes.TooLarge, () => a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), alice.Envelope(channel, new byte[300 * 1024]), cap, null));
        // Wrong argument types and counts, unknown methods.
        await Expect("wrong types", ErrorCodes.BadRequest, () => a.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), channel, "not a number", "x", cap));
        await Expect("wrong count", ErrorCodes.BadRequest, () => a.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), channel));
        await Expect("unknown method", ErrorCodes.BadRequest, () => a.InvokeAsync<object>("DropAllTables", channel));
        // Garbage and badly signed envelopes.
        await Expect("garbage", ErrorCodes.InvalidEnvelope, () => a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), new byte[] { 1, 2, 3 }, cap, null));
        var envelope = alice.Envelope(channel);
        envelope[^1] ^= 0x01;
        await Expect("bad signature", ErrorCodes.InvalidEnvelope, () => a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), envelope, cap, null));
        // Someone else's envelope, sent over Alice's session.
        await Expect("foreign author", ErrorCodes.Unauthorized, () => a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), bob.Envelope(channel), cap, null));
        // Empty and missing arguments, bad invocations, bad limits.
        await Expect("empty envelope", ErrorCodes.BadRequest, () => a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), Array.Empty<byte>(), cap, null));
        await Expect("no capability", ErrorCodes.BadRequest, () => a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), alice.Envelope(channel), null, null));
        await Expect("bad invocation", ErrorCodes.BadRequest, () => a.InvokeAsync<object>(nameof(HarmonyHub.Leave), community.Id, "{not json"));
        await Expect("huge limit", ErrorCodes.BadRequest, () => a.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), channel, 0L, 1_000_000, cap));
        await Expect("negative seq", ErrorCodes.BadRequest, () => a.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), channel, -1L, 10, cap));
        await Expect("unknown channel", ErrorCodes.NotFound, () => a.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), "no-such-channel-" + community.Id, 0L, 10, cap));
        await Expect("unknown kind", ErrorCodes.BadRequest, () => a.InvokeAsync<object>(nameof(HarmonyHub.CreateChannel), community.Id, "x", "x", 99, null, 0, "{}"));

        Assert.Empty(failures);
        // Nothing was appended, and the connection still works.
        var page = await a.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), channel, 0L, 10, cap);
        Assert.Empty(page.Entries);
        Assert.Equal(0, page.LastSeq);
        Assert.Equal(1, (await a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), alice.Envelope(channel), cap, null)).Seq);
    }

    [Fact]
    public async Task Unbindable_calls_over_MessagePack_get_typed_errors_too()
    {
        using var alice = new TestUser();
        await using var a = await alice.ConnectAsync(Node, messagePack: true);
        Assert.Equal(ErrorCodes.BadRequest, (await HubErrors.CodeOf(() => a.InvokeAsync<object>("NoSuchMethod", 1, 2))).Code);
        Assert.Equal(ErrorCodes.BadRequest, (await HubErrors.CodeOf(() => a.InvokeAsync<LogPage>(nameof(HarmonyHub.Sync), 42, "x", "y", 7))).Code);
        // The connection survives and still answers.
        Assert.NotNull(await a.InvokeAsync<MemberProfile>(nameof(HarmonyHub.GetProfile), alice.Did));
    }

    [Fact]
    public async Task A_message_above_the_hub_limit_closes_the_connection()
    {
        using var alice = new TestUser();
        var a = await alice.ConnectAsync(Node);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        await Assert.ThrowsAnyAsync<Exception>(() => a.InvokeAsync<AppendResult>(nameof(HarmonyHub.Send), new byte[2 * 1024 * 1024], "x", null));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, a.State);
        await a.DisposeAsync();
    }
}
