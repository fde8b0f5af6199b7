namespace Harmony.Grains.Tests.TestGrains;

/// <summary>Registers, lists and removes reminders, to test the node's reminder table.</summary>
[Alias("harmony.tests.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers (or updates) a reminder due in an hour, every hour.</summary>
    [Alias("Register")]
    Task RegisterAsync(string name);

    /// <summary>The names of this grain's reminders, sorted.</summary>
    [Alias("Names")]
    Task<string[]> NamesAsync();

    /// <summary>Removes a reminder.</summary>
    [Alias("Unregister")]
    Task UnregisterAsync(string name);
}
