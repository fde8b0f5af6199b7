namespace Harmony.Cli.Chat;

/// <summary>Limits and timeouts of the chat commands; <see cref="Default"/> holds the safe defaults.</summary>
internal sealed record ChatCliLimits
{
    /// <summary>The defaults.</summary>
    public static ChatCliLimits Default { get; } = new();

    /// <summary>Largest <c>config.json</c> read.</summary>
    public int MaxConfigBytes { get; init; } = 256 * 1024;

    /// <summary>Most servers in the config.</summary>
    public int MaxServers { get; init; } = 100;

    /// <summary>Largest message text read from stdin (<c>send … -</c>), in characters.</summary>
    public int MaxStdinChars { get; init; } = 64 * 1024;

    /// <summary>Most messages <c>history --limit</c> may ask for.</summary>
    public int MaxHistoryLimit { get; init; } = 10_000;

    /// <summary>How long to wait for the login and hub connection before reporting the server unreachable.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the health check before connecting may take.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a command may take to deliver what it queued (messages, Welcomes) before it ends.</summary>
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause between two flushes of the outgoing queue while the server rate-limits or reconnects.</summary>
    public TimeSpan DeliveryRetryInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a command waits for another harmony process of the same identity and server to finish.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest invite lifetime accepted by <c>--expires</c>.</summary>
    public TimeSpan MaxInviteLifetime { get; init; } = TimeSpan.FromDays(365);

    /// <summary>Most text elements (user-perceived characters) in a reaction.</summary>
    public int MaxEmojiElements { get; init; } = 8;

    /// <summary>Longest profile display name shown (longer ones are cut with …).</summary>
    public int MaxDisplayNameLength { get; init; } = 40;

    /// <summary>Syncs of at most this many entries are too short to report progress for.</summary>
    public long ProgressMinimumTotal { get; init; } = 200;

    /// <summary>Shortest interval between two progress lines on stderr.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
