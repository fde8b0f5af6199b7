namespace Harmony.Grains.Tests.TestGrains;

/// <summary>State of <see cref="CounterGrain"/>, stored through the ADO.NET provider.</summary>
[GenerateSerializer]
[Alias("harmony.tests.CounterState")]
public sealed class CounterState
{
    /// <summary>The running total.</summary>
    [Id(0)]
    public int Value { get; set; }

    /// <summary>A label, to check strings round-trip.</summary>
    [Id(1)]
    public string Note { get; set; } = "";
}
