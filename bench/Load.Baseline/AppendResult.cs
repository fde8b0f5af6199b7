namespace Harmony.Bench.Load.Baseline;

/// <summary>Result of <c>Send</c>, shaped like Harmony's.</summary>
public sealed record AppendResult(long Seq, bool Duplicate);
