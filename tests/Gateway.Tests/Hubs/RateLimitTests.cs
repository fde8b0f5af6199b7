using Harmony.Core.Protocol;
using Harmony.Gateway.Hubs;
using Harmony.Gateway.Tests.Infrastructure;
using Harmony.Grains.Abstractions.Member;
using Microsoft.AspNetCore.SignalR.Client;

namespace Harmony.Gateway.Tests.Hubs;

public sealed class RateLimitTests : IClassFixture<RateLimitTests.LimitedNode>
{
    private readonly GatewayFactory _node;

    public RateLimitTests(LimitedNode node) => _node = node.Node;

    [Fact]
    public async Task A_flood_is_refused_with_RateLimited_and_a_retry_time()
    {
        using var user = new TestUser();
        await using var connection = await user.ConnectAsync(_node);
        for (var i = 0; i < 5; i++) await connection.InvokeAsync<MemberProfile>(nameof(HarmonyHub.GetProfile), user.Did);
        var (code, _, retryAfterMs) = await HubErrors.CodeOf(() => connection.InvokeAsync<MemberProfile>(nameof(HarmonyHub.GetProfile), user.Did));
        Assert.Equal(ErrorCodes.RateLimited, code);
        Assert.True(retryAfterMs > 0);

        // The DID's budget is shared across its connections.
        await using var second = await user.ConnectAsync(_node);
        for (var i = 0; i < 3; i++) await second.InvokeAsync<MemberProfile>(nameof(HarmonyHub.GetProfile), user.Did);
        Assert.Equal(ErrorCodes.RateLimited, (await HubErrors.CodeOf(() => second.InvokeAsync<MemberProfile>(nameof(HarmonyHub.GetProfile), user.Did))).Code);
    }

    public sealed class LimitedNode : IDisposable
    {
        public GatewayFactory Node { get; } = new(settings: new Dictionary<string, string>
        {
            ["Harmony:Gateway:ConnectionRate:Capacity"] = "5",
            ["Harmony:Gateway:ConnectionRate:TokensPerSecond"] = "0.001",
            ["Harmony:Gateway:DidRate:Capacity"] = "8",
            ["Harmony:Gateway:DidRate:TokensPerSecond"] = "0.001",
        });

        public void Dispose() => Node.Dispose();
    }
}
