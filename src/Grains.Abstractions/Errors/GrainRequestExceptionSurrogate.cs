namespace Harmony.Grains.Abstractions.Errors;

/// <summary>The serialized form of <see cref="GrainRequestException"/>.</summary>
[GenerateSerializer, Alias("harmony.error")]
public struct GrainRequestExceptionSurrogate
{
    /// <summary>The protocol error code.</summary>
    [Id(0)] public string Code;

    /// <summary>The human-readable message.</summary>
    [Id(1)] public string Message;

    /// <summary>The retry delay in ticks, or null.</summary>
    [Id(2)] public long? RetryAfterTicks;
}
