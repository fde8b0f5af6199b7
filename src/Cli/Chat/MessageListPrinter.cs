using Harmony.Client.Chat;

namespace Harmony.Cli.Chat;

/// <summary>Sets a list of messages as a command's result: a JSON array with <c>--json</c>, else one line each with authors' names.</summary>
internal static class MessageListPrinter
{
    /// <summary>Emits <paramref name="messages"/> of the channel <paramref name="label"/>.</summary>
    public static async Task EmitAsync(ChatCommandContext context, HarmonyChatClient client, string label, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var names = new AuthorNames(client, context.Limits.MaxDisplayNameLength);
        if (!context.Json) await names.LoadAsync(messages.Select(m => m.Author), cancellationToken);
        if (messages.Count == 0) CliOutput.Message($"no messages in {label} yet");
        context.Emit(ChatJson.Messages(messages), messages.Select(m => MessageText.Format(m, names.Of)).ToList());
    }
}
