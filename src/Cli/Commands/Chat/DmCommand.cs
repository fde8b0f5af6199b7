using System.CommandLine;
using System.Text.Json.Nodes;
using Harmony.Cli.Chat;
using Harmony.Client.Chat;
using Harmony.Core.Errors;

namespace Harmony.Cli.Commands.Chat;

/// <summary>
/// <c>harmony dm &lt;did&gt; [&lt;text&gt;]</c>: opens the end-to-end encrypted conversation with a person (when it
/// does not exist yet), then sends the text or shows the conversation; <c>harmony dm list</c> lists conversations.
/// </summary>
internal static class DmCommand
{
    public static Command Build()
    {
        var peer = new Argument<string>("did") { Description = "The other person's DID (did:key:z6Mk…)." };
        var text = new Argument<string?>("text") { Description = "A message to send (- reads stdin); without it, show the conversation.", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit") { Description = "How many of the latest messages to show.", DefaultValueFactory = _ => 50 };
        var command = new Command("dm", "Direct messages: send to or show the conversation with a DID, or list conversations.") { peer, text, limit };
        command.Subcommands.Add(BuildList());
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var did = ChatArguments.Did(context.Parse.GetValue(peer)!);
            var body = context.Parse.GetValue(text) is { } t ? ChatArguments.Text(t, context.Limits.MaxStdinChars) : null;
            var count = context.Parse.GetValue(limit);
            if (count < 1 || count > context.Limits.MaxHistoryLimit)
                throw new HarmonyException("cli.limit", $"--limit must be between 1 and {context.Limits.MaxHistoryLimit}.");
            if (did == context.Signer.Did) throw new HarmonyException("cli.did", "That is your own DID: direct messages go to someone else.");
            var client = await context.ClientAsync(ct);
            var conversation = await FindOrOpenAsync(client, did, body is not null, ct);
            var label = "dm " + MessageText.ShortDid(did);
            if (body is null)
            {
                var messages = conversation is null ? [] : await client.HistoryAsync(conversation.ChannelId, count, ProgressPrinter.For(context), ct);
                await MessageListPrinter.EmitAsync(context, client, label, messages, ct);
                return ExitCodes.Ok;
            }
            // A conversation opened by the peer needs its Welcome applied before this side can encrypt.
            await context.CatchUpAsync(client, conversation!.ChannelId, ct);
            var id = await client.SendAsync(conversation.ChannelId, body, null, ct);
            context.Emit(new JsonObject { ["id"] = id, ["channelId"] = conversation.ChannelId, ["peer"] = did }, $"sent to {label}  #{MessageText.ShortId(id)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildList()
    {
        var command = new Command("list", "List your direct-message conversations.");
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var client = await context.ClientAsync(ct);
            var conversations = await client.ListDirectMessagesAsync(ct);
            var lines = conversations.Select(d => $"{d.Peer}  {d.ChannelId}").ToList();
            if (lines.Count == 0) lines.Add("no direct messages yet: harmony dm <did> <text>");
            context.Emit(new JsonArray([.. conversations.Select(d => (JsonNode)ChatJson.DirectMessage(d))]), lines);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The conversation with <paramref name="did"/>; opened when missing and <paramref name="open"/>, else null.</summary>
    private static async Task<DirectMessageInfo?> FindOrOpenAsync(HarmonyChatClient client, string did, bool open, CancellationToken ct)
    {
        var existing = (await client.ListDirectMessagesAsync(ct)).FirstOrDefault(d => d.Peer == did);
        if (existing is not null || !open) return existing;
        return await client.OpenDirectMessageAsync(did, ct);
    }
}
