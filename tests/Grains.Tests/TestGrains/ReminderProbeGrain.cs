namespace Harmony.Grains.Tests.TestGrains;

/// <summary>Implements <see cref="IReminderProbeGrain"/>; its reminders never fire during a test.</summary>
public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    /// <inheritdoc />
    public Task RegisterAsync(string name) => this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    /// <inheritdoc />
    public async Task<string[]> NamesAsync()
    {
        var reminders = await this.GetReminders();
        return reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal).ToArray();
    }

    /// <inheritdoc />
    public async Task UnregisterAsync(string name)
    {
        var reminder = await this.GetReminder(name) ?? throw new InvalidOperationException($"No reminder {name}.");
        await this.UnregisterReminder(reminder);
    }

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
