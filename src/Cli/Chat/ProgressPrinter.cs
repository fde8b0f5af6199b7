using System.Diagnostics;
using Harmony.Client.Chat;

namespace Harmony.Cli.Chat;

/// <summary>
/// Shows a long sync's progress on stderr (never stdout, so JSON output stays clean): at most one line per
/// <see cref="ChatCliLimits.ProgressInterval"/>, only for syncs that fetch at least <see cref="ChatCliLimits.ProgressMinimumTotal"/> entries.
/// </summary>
internal sealed class ProgressPrinter(TimeSpan interval, long minimumTotal, Action<string>? write = null) : IProgress<SyncProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _last;
    private long? _first;
    private bool _finished;

    /// <summary>A printer with the context's interval.</summary>
    public static ProgressPrinter For(ChatCommandContext context) => new(context.Limits.ProgressInterval, context.Limits.ProgressMinimumTotal);

    /// <inheritdoc />
    public void Report(SyncProgress value)
    {
        if (_finished) return;
        var done = value.Fetched >= value.Total;
        // Only long syncs are worth a line; one already complete at its first report had nothing to fetch.
        if (value.Total - (_first ??= value.Fetched) < minimumTotal || (done && _last is null))
        {
            _finished = done;
            return;
        }
        var now = _clock.Elapsed;
        if (!done && _last is { } last && now - last < interval) return;
        _last = now;
        _finished = done;
        (write ?? CliOutput.Message)($"syncing {value.Fetched}/{value.Total} entries{(done ? ", done" : "…")}");
    }
}
