namespace Harmony.Grains.Abstractions.Errors;

/// <summary>Converts <see cref="GrainRequestException"/> to and from its surrogate.</summary>
[RegisterConverter]
public sealed class GrainRequestExceptionConverter : IConverter<GrainRequestException, GrainRequestExceptionSurrogate>
{
    /// <inheritdoc />
    public GrainRequestException ConvertFromSurrogate(in GrainRequestExceptionSurrogate surrogate) =>
        new(surrogate.Code, surrogate.Message, surrogate.RetryAfterTicks is { } t ? TimeSpan.FromTicks(t) : null);

    /// <inheritdoc />
    public GrainRequestExceptionSurrogate ConvertToSurrogate(in GrainRequestException value) => new()
    {
        Code = value.Code,
        Message = value.Message,
        RetryAfterTicks = value.RetryAfter?.Ticks,
    };
}
