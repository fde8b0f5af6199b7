namespace Harmony.Client.Chat;

/// <summary>Settings of a <see cref="HarmonyChatClient"/>; every limit and interval has a safe default.</summary>
public sealed record HarmonyChatOptions
{
    /// <summary>The server's base address (for example <c>http://127.0.0.1:5000/</c>).</summary>
    public required Uri Server { get; init; }

    /// <summary>
    /// Folder of the client database (<c>client.db</c>: offline queue, sync cursors, MLS group states, KeyPackage
    /// private keys, the local message log). One folder per identity and device.
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>A member commits a fresh UpdatePath in each of its groups once this long after its last one.</summary>
    public TimeSpan SelfUpdateInterval { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How many past epochs of a group stay readable for late application messages.</summary>
    public int RetainedEpochs { get; init; } = 3;

    /// <summary>How long a past epoch stays readable after the group left it (measured with <see cref="Time"/>).</summary>
    public TimeSpan RetainedEpochLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How many unused KeyPackages the client keeps on the server.</summary>
    public int KeyPackagePoolTarget { get; init; } = 10;

    /// <summary>How long a new KeyPackage is valid.</summary>
    public TimeSpan KeyPackageLifetime { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How long an invite capability is valid when the caller gives no lifetime.</summary>
    public TimeSpan DefaultInviteLifetime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How often the client compares each community's roster with its channel groups (adding joiners, removing
    /// leavers) besides reacting to <c>membership</c> events; <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan MembershipPollInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often background maintenance (self-updates, KeyPackage pool) runs.</summary>
    public TimeSpan MaintenanceInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times a Commit refused with <c>EpochMismatch</c> is rebuilt on the winner's epoch.</summary>
    public int MaxCommitAttempts { get; init; } = 8;

    /// <summary>How long a call waits for the log to catch up (after an <c>EpochMismatch</c>, or in history syncs).</summary>
    public TimeSpan CatchUpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="HarmonyChatClient.CreateThreadAsync"/> waits for a still-queued root message to reach the log.</summary>
    public TimeSpan PendingRootTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest message text, in UTF-8 bytes.</summary>
    public int MaxTextBytes { get; init; } = 64 * 1024;

    /// <summary>MLS cipher suite (3: X25519, ChaCha20-Poly1305, SHA-256, Ed25519, as the web client).</summary>
    public ushort CipherSuite { get; init; } = 3;

    /// <summary>
    /// Clock of the client's own policies: when self-updates are due, when rosters are polled, when retained epochs
    /// expire and which KeyPackages and leaves are current. Timestamps the server checks (invocations, envelopes,
    /// new KeyPackages' lifetimes) always use the system clock.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Reconnect backoff, sync page size and other connection settings (server and database path come from this record; the chat layer always uses the JSON hub protocol).</summary>
    public Func<HarmonyClientOptions, HarmonyClientOptions>? ConfigureConnection { get; init; }
}
