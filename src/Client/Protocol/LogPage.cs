namespace Harmony.Client.Protocol;

/// <summary>Result of the hub's <c>Sync</c>.</summary>
/// <param name="Entries">Entries in sequence order.</param>
/// <param name="LastSeq">The log's highest sequence number when read.</param>
public sealed record LogPage(IReadOnlyList<LogPageEntry> Entries, long LastSeq);
