using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Tests.Mls.Convergence;

/// <summary>
/// The ordering part of a delivery service, as the channel grain does it: one commit per epoch, first come first
/// served. It only reads the routing facts (<see cref="DeliveryInfo"/>), never keys.
/// </summary>
internal sealed class OrderingDeliveryService
{
    /// <summary>The epoch the next accepted commit must be for.</summary>
    public ulong Epoch { get; private set; }

    /// <summary>Commits accepted so far.</summary>
    public int Accepted { get; private set; }

    /// <summary>Commits refused because another commit won their epoch.</summary>
    public int Rejected { get; private set; }

    /// <summary>Accepts <paramref name="commit"/> if it is a commit for the current epoch, which it then advances.</summary>
    public bool TrySubmitCommit(byte[] commit)
    {
        var info = DeliveryInfo.Read(commit);
        if (!info.IsCommit) throw new InvalidOperationException("Only commits are ordered.");
        if (info.Epoch != Epoch)
        {
            Rejected++;
            return false;
        }
        Epoch++;
        Accepted++;
        return true;
    }

    /// <summary>Whether a proposal or application message belongs to the current epoch (stale ones are dropped).</summary>
    public bool IsCurrent(byte[] message) => DeliveryInfo.Read(message).Epoch == Epoch;
}
