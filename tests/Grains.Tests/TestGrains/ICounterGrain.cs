namespace Harmony.Grains.Tests.TestGrains;

/// <summary>A tiny grain with persistent state, used to test the grain storage of a node.</summary>
[Alias("harmony.tests.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds to the total and writes the state; returns the new total.</summary>
    [Alias("Add")]
    Task<int> AddAsync(int amount, string note);

    /// <summary>The stored total, note and whether a record exists.</summary>
    [Alias("Get")]
    Task<(int Value, string Note, bool RecordExists)> GetAsync();

    /// <summary>Clears the stored state.</summary>
    [Alias("Clear")]
    Task ClearAsync();

    /// <summary>Deactivates the grain so the next call re-reads storage.</summary>
    [Alias("Deactivate")]
    Task DeactivateAsync();
}
