using Harmony.Core.Mls.Group;

namespace Harmony.Client.Chat.Mls;

/// <summary>The in-memory state of one channel's group: its lock, the loaded group and its self-update time.</summary>
internal sealed class GroupSlot
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public bool Loaded { get; set; }

    public MlsGroup? Group { get; set; }

    public DateTimeOffset SelfUpdated { get; set; }
}
