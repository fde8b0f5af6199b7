using Harmony.Client.Chat;
using Harmony.Core.Errors;

namespace Harmony.Cli.Chat;

/// <summary>
/// Finds the message a command names, by full id or by a unique prefix of at least
/// <see cref="MessageText.ShortIdLength"/> characters (what the text output shows), among the channel's latest
/// messages; <c>cli.message.unknown</c> / <c>cli.message.ambiguous</c> otherwise, before anything is sent.
/// </summary>
internal static class MessageLookup
{
    /// <summary>The message <paramref name="reference"/> in <paramref name="channelId"/>.</summary>
    public static async Task<ChatMessage> FindAsync(ChatCommandContext context, HarmonyChatClient client, string channelId, string reference, CancellationToken cancellationToken)
    {
        var id = reference.TrimStart('#');
        if (id.Length < MessageText.ShortIdLength)
            throw new HarmonyException("cli.message.unknown", $"'{reference}' is too short: give the message id or at least its first {MessageText.ShortIdLength} characters.");
        var history = await client.HistoryAsync(channelId, context.Limits.MaxHistoryLimit, ProgressPrinter.For(context), cancellationToken);
        var exact = history.FirstOrDefault(m => m.Id == id);
        if (exact is not null) return exact;
        var matches = history.Where(m => m.Id.StartsWith(id, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new HarmonyException("cli.message.unknown", $"No message '{reference}' in this channel's latest {context.Limits.MaxHistoryLimit} messages."),
            _ => throw new HarmonyException("cli.message.ambiguous", $"Several messages start with '{reference}': give more of the id."),
        };
    }
}
