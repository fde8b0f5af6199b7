using Harmony.Client.Chat;

namespace Harmony.Cli.Chat;

/// <summary>Prints a list of messages: a JSON array with <c>--json</c>, else one line each with authors' names.</summary>
internal static class MessageListPrinter
{
    /// <summary>Prints <paramref name="messages"/> of the channel <paramref name="label"/>.</summary>
    public static async Task PrintAsync(ChatCommandContext context, HarmonyChatClient client, string label, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        if (context.Json)
        {
            CliOutput.Json(ChatJson.Messages(messages));
            return;
        }
        var names = new AuthorNames(client);
        await names.LoadAsync(messages.Select(m => m.Author), cancellationToken);
        if (messages.Count == 0) CliOutput.Message($"no messages in {label} yet");
        foreach (var message in messages) CliOutput.Text(MessageText.Format(message, names.Of));
    }
}
