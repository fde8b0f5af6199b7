using System.Text.Json.Nodes;
using Harmony.Client.Chat;

namespace Harmony.Cli.Chat;

/// <summary>The JSON shapes the chat commands print with <c>--json</c> (camelCase, stable member names).</summary>
internal static class ChatJson
{
    /// <summary>A message.</summary>
    public static JsonObject Message(ChatMessage message)
    {
        var reactions = new JsonObject();
        foreach (var (emoji, dids) in message.Reactions)
        {
            if (dids.Count > 0) reactions[emoji] = new JsonArray([.. dids.Select(d => (JsonNode)JsonValue.Create(d))]);
        }
        return new JsonObject
        {
            ["id"] = message.Id,
            ["channelId"] = message.ChannelId,
            ["seq"] = message.Seq,
            ["author"] = message.Author,
            ["lamport"] = message.Lamport,
            ["createdAt"] = message.CreatedAt,
            ["text"] = message.Text,
            ["edited"] = message.Edited,
            ["deleted"] = message.Deleted,
            ["pinned"] = message.Pinned,
            ["reactions"] = reactions,
            ["replyTo"] = message.ReplyTo,
            ["thread"] = message.Thread,
            ["decryptionError"] = message.DecryptionError,
        };
    }

    /// <summary>A list of messages.</summary>
    public static JsonArray Messages(IEnumerable<ChatMessage> messages) => new([.. messages.Select(m => (JsonNode)Message(m))]);

    /// <summary>A channel of a community.</summary>
    public static JsonObject Channel(ChannelSummary channel) => new()
    {
        ["id"] = channel.Id,
        ["name"] = channel.Name,
        ["kind"] = channel.Kind,
        ["categoryId"] = channel.CategoryId,
    };

    /// <summary>A community with its channels.</summary>
    public static JsonObject Community(CommunityInfo community) => new()
    {
        ["id"] = community.Id,
        ["name"] = community.Name,
        ["owner"] = community.Owner,
        ["open"] = community.Open,
        ["memberCount"] = community.MemberCount,
        ["channels"] = new JsonArray([.. community.Channels.Select(c => (JsonNode)Channel(c))]),
    };

    /// <summary>A DM conversation.</summary>
    public static JsonObject DirectMessage(DirectMessageInfo dm) => new()
    {
        ["peer"] = dm.Peer,
        ["channelId"] = dm.ChannelId,
        ["communityId"] = dm.CommunityId,
    };
}
