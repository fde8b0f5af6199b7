using Harmony.Core.Crypto;

namespace Harmony.Bench.Load;

/// <summary>A server under load (Harmony or the raw baseline) with its pools of connected subscribers and publishers.</summary>
internal sealed class ServerTarget : IAsyncDisposable
{
    private readonly List<LoadClient> _subscribers = [];
    private readonly List<LoadClient> _publishers = [];

    private ServerTarget(string name, ServerProcess server, HarmonyCommunity? community)
    {
        Name = name;
        Server = server;
        Community = community;
    }

    public string Name { get; }

    public ServerProcess Server { get; }

    /// <summary>The Harmony community (null for the raw baseline, which has no auth).</summary>
    public HarmonyCommunity? Community { get; }

    public static async Task<ServerTarget> StartHarmonyAsync(string dll)
    {
        var server = await ServerProcess.StartHarmonyAsync(dll);
        return new ServerTarget("harmony", server, await HarmonyCommunity.CreateAsync(server.Address));
    }

    public static async Task<ServerTarget> StartBaselineAsync(string dll) => new("raw", await ServerProcess.StartBaselineAsync(dll), null);

    /// <summary>Exactly <paramref name="count"/> connections watching the channel (extra ones are closed).</summary>
    public async Task<IReadOnlyList<LoadClient>> SubscribersAsync(int count)
    {
        while (_subscribers.Count > count)
        {
            await _subscribers[^1].DisposeAsync();
            _subscribers.RemoveAt(_subscribers.Count - 1);
        }
        if (_subscribers.Count < count)
        {
            var added = await ConnectAsync(count - _subscribers.Count);
            await Parallel.ForEachAsync(added, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, _) => await c.WatchAsync(HarmonyCommunity.ChannelId));
            _subscribers.AddRange(added);
        }
        return _subscribers;
    }

    /// <summary><paramref name="count"/> publishing connections (members that do not watch).</summary>
    public async Task<IReadOnlyList<LoadClient>> PublishersAsync(int count)
    {
        if (_publishers.Count < count) _publishers.AddRange(await ConnectAsync(count - _publishers.Count));
        return _publishers.Take(count).ToList();
    }

    private async Task<List<LoadClient>> ConnectAsync(int count)
    {
        if (Community is not null) return await Community.AddMembersAsync(count);
        var clients = new LoadClient[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            clients[i] = await LoadClient.ConnectAsync(Server.Address, Ed25519KeyPair.Generate(), login: false));
        return [.. clients];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _subscribers.Concat(_publishers)) await c.DisposeAsync();
        if (Community is not null) await Community.DisposeAsync();
        await Server.DisposeAsync();
    }
}
