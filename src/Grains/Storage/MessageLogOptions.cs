namespace Harmony.Grains.Storage;

/// <summary>Limits enforced by every <see cref="IMessageLogStore"/> before it touches the database.</summary>
public sealed record MessageLogOptions
{
    /// <summary>Longest channel id, in characters.</summary>
    public int MaxChannelLength { get; init; } = 256;

    /// <summary>Longest envelope id, in characters.</summary>
    public int MaxIdLength { get; init; } = 256;

    /// <summary>Longest author DID, in characters.</summary>
    public int MaxAuthorLength { get; init; } = 512;

    /// <summary>Largest envelope, in bytes.</summary>
    public int MaxEnvelopeBytes { get; init; } = 1024 * 1024;

    /// <summary>Most entries in one <see cref="IMessageLogStore.AppendBatchAsync"/> call.</summary>
    public int MaxBatchSize { get; init; } = 1024;

    /// <summary>Largest <c>limit</c> accepted by <see cref="IMessageLogStore.ReadAsync"/>.</summary>
    public int MaxReadLimit { get; init; } = 1000;

    /// <summary>Most ids in one <see cref="IMessageLogStore.FindByIdsAsync"/> call.</summary>
    public int MaxIdsPerLookup { get; init; } = 1024;
}
