using Harmony.Client;
using Harmony.Client.Chat;

namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>Chat steps shared by the scenarios: a community with members in its #general MLS group, complete histories.</summary>
public static class ChatScenario
{
    /// <summary>How long a chat step may take on a busy 2-core machine.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// <paramref name="owner"/> creates a community; each member is invited, joins, and is added to #general's MLS
    /// group (the owner commits the Add). Returns the community and its #general channel id.
    /// </summary>
    public static async Task<(CommunityInfo Community, string Channel)> CommunityWithAsync(ChatUser owner, params ChatUser[] members)
    {
        var community = await owner.Client.CreateCommunityAsync("E2E " + owner.Name);
        var channel = Assert.Single(community.Channels).Id;
        foreach (var member in members)
        {
            var invite = await owner.Client.CreateInviteAsync(community.Id, member.Did);
            await member.Client.JoinAsync(invite);
            await owner.Client.SyncMembershipAsync(community.Id);
            await Wait.UntilAsync(async () => await member.Client.GroupStatusAsync(channel) is not null, StepTimeout, $"{member.Name} is in the MLS group of {channel}");
        }
        return (community, channel);
    }

    /// <summary>
    /// Waits until <paramref name="user"/>'s history of <paramref name="channel"/> holds <paramref name="ids"/>, all
    /// logged (seq &gt; 0), and returns the whole history in CRDT order.
    /// </summary>
    public static async Task<IReadOnlyList<ChatMessage>> HistoryWithAsync(ChatUser user, string channel, IReadOnlyCollection<string> ids, Func<string>? diagnostics = null)
    {
        IReadOnlyList<ChatMessage> history = [];
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        await Wait.UntilAsync(async () =>
        {
            try { history = await user.Client.HistoryAsync(channel, limit: 10_000); }
            catch (HarmonyClientException e) when (e.Code == ChatErrorCodes.CatchUpTimeout)
            {
                // The SDK's own catch-up wait is shorter than this step's: keep waiting within StepTimeout.
                return false;
            }
            return wanted.IsSubsetOf(history.Where(m => m.Seq > 0).Select(m => m.Id));
        }, StepTimeout, $"{user.Name} has all {wanted.Count} messages of {channel}",
            () => $"{user.Name} has {history.Count(m => wanted.Contains(m.Id) && m.Seq > 0)} of them logged.{Environment.NewLine}{diagnostics?.Invoke()}");
        return history;
    }
}
