namespace Harmony.Client;

/// <summary>Where and how the SDK connects. Defaults are safe for interactive clients.</summary>
public sealed record HarmonyClientOptions
{
    /// <summary>The server's base address (for example <c>https://chat.example.org/</c>).</summary>
    public required Uri Server { get; init; }

    /// <summary>The SQLite file holding the offline queue and sync cursors.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>First reconnect delay (doubled per attempt, with jitter).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest reconnect delay.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Entries per <c>Sync</c> page (1–200).</summary>
    public int SyncPageSize { get; init; } = 100;

    /// <summary>Log in again when the session expires within this margin.</summary>
    public TimeSpan SessionRenewalMargin { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Use the MessagePack hub protocol instead of JSON.</summary>
    public bool UseMessagePack { get; init; }

    /// <summary>Most envelopes kept in the offline queue.</summary>
    public int MaxQueuedEnvelopes { get; init; } = 10_000;
}
