namespace Harmony.Bench.Load.Baseline;

/// <summary>The baseline has one channel; the load generator uses this id.</summary>
public static class RawEnvelope
{
    public const string Channel = "load";
}
