using Harmony.Grains.Abstractions;

namespace Harmony.Grains.Tests.TestGrains;

/// <summary>Implements <see cref="ICounterGrain"/> on the node's <c>harmony</c> grain storage.</summary>
public sealed class CounterGrain([PersistentState("counter", ProviderNames.GrainStorage)] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    /// <inheritdoc />
    public async Task<int> AddAsync(int amount, string note)
    {
        state.State.Value += amount;
        state.State.Note = note;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    /// <inheritdoc />
    public Task<(int Value, string Note, bool RecordExists)> GetAsync() =>
        Task.FromResult((state.State.Value, state.State.Note, state.RecordExists));

    /// <inheritdoc />
    public Task ClearAsync() => state.ClearStateAsync();

    /// <inheritdoc />
    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
