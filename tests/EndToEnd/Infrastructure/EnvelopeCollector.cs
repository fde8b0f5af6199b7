using System.Collections.Concurrent;
using Harmony.Client.Connection;
using Harmony.Core.Protocol;

namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>Reads a <see cref="HarmonyConnection"/>'s envelopes in the background and keeps their ids and seqs.</summary>
public sealed class EnvelopeCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string ChannelId, long Seq, string Id)> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    /// <summary>Starts reading <paramref name="connection"/>'s envelopes.</summary>
    public EnvelopeCollector(HarmonyConnection connection) => _reader = Task.Run(async () =>
    {
        try
        {
            await foreach (var e in connection.ReadEnvelopesAsync(_stop.Token))
                _received.Enqueue((e.ChannelId, e.Seq, EnvelopeCodec.Decode(e.Envelope).Id));
        }
        catch (OperationCanceledException) { }
    });

    /// <summary>Envelope ids received so far, in delivery order.</summary>
    public IReadOnlyList<string> Ids => _received.Select(r => r.Id).ToList();

    /// <summary>Sequence numbers received so far, in delivery order.</summary>
    public IReadOnlyList<long> Seqs => _received.Select(r => r.Seq).ToList();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reader;
        _stop.Dispose();
    }
}
