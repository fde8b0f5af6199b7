namespace Harmony.Core.Tests.Credentials;

/// <summary>A clock that only moves when told to.</summary>
internal sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
