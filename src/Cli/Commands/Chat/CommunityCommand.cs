using System.CommandLine;
using System.Text.Json.Nodes;
using Harmony.Cli.Chat;
using Harmony.Client.Chat;

namespace Harmony.Cli.Commands.Chat;

/// <summary><c>harmony community create|join|invite|list</c>.</summary>
internal static class CommunityCommand
{
    public static Command Build()
    {
        var command = new Command("community", "Create, join, invite to and list communities.");
        command.Subcommands.Add(BuildCreate());
        command.Subcommands.Add(BuildJoin());
        command.Subcommands.Add(BuildInvite());
        command.Subcommands.Add(BuildList());
        return command;
    }

    private static Command BuildCreate()
    {
        var name = new Argument<string>("name") { Description = "The community's display name." };
        var open = new Option<bool>("--open") { Description = "Anyone with the link may join (default: invite only)." };
        var command = new Command("create", "Create a community (with #general and its encrypted group); you own it.") { name, open };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var client = await context.ClientAsync(ct);
            var community = await client.CreateCommunityAsync(context.Parse.GetValue(name)!, context.Parse.GetValue(open), ct);
            context.Emit(ChatJson.Community(community), Describe(community, client.Did));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildJoin()
    {
        var invite = new Argument<string>("invite") { Description = "The invite link (<server>/#/join/<community>[/<capability>])." };
        var command = new Command("join", "Join a community with an invite link.") { invite };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            // Parsed before connecting so a malformed link is refused without touching the server.
            var link = InviteLink.Parse(context.Parse.GetValue(invite)!);
            var client = await context.ClientAsync(ct);
            var community = await client.JoinAsync(link.Format(), ct);
            context.Emit(ChatJson.Community(community), Describe(community, client.Did));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildInvite()
    {
        var community = new Argument<string>("community") { Description = "The community, by id or name." };
        var forDid = new Option<string>("--for") { Description = "Only this DID may use the invite (default: whoever holds the link)." };
        var expires = new Option<string>("--expires") { Description = "How long the invite is valid, e.g. 12h, 7d (default 7d)." };
        var command = new Command("invite", "Print an invite link for a community.") { community, forDid, expires };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var invitee = context.Parse.GetValue(forDid) is { } did ? ChatArguments.Did(did) : null;
            var lifetime = context.Parse.GetValue(expires) is { } text ? ChatArguments.Duration(text, context.Limits.MaxInviteLifetime) : (TimeSpan?)null;
            var client = await context.ClientAsync(ct);
            var target = await (await context.ResolverAsync(ct)).CommunityAsync(context.Parse.GetValue(community)!, ct);
            var link = await client.CreateInviteAsync(target.Id, invitee, lifetime, ct);
            context.Emit(new JsonObject { ["communityId"] = target.Id, ["invite"] = link, ["for"] = invitee }, link);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildList()
    {
        var command = new Command("list", "List your communities and their channels.");
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var client = await context.ClientAsync(ct);
            var communities = (await client.ListCommunitiesAsync(ct)).Where(c => !c.Id.StartsWith("dm-", StringComparison.Ordinal)).ToList();
            var lines = communities.SelectMany(c => Describe(c, client.Did)).ToList();
            if (lines.Count == 0) lines.Add("no communities yet: harmony community create <name>, or join one with an invite");
            context.Emit(new JsonArray([.. communities.Select(c => (JsonNode)ChatJson.Community(c))]), lines);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IEnumerable<string> Describe(CommunityInfo community, string self)
    {
        var owner = community.Owner == self ? "you" : MessageText.ShortDid(community.Owner);
        yield return $"{MessageText.Printable(community.Name)}  (id {community.Id}, {(community.Open ? "open" : "invite only")}, {community.MemberCount} members, owner {owner})";
        foreach (var channel in community.Channels) yield return $"  #{MessageText.Printable(channel.Name)}  {channel.Id}";
    }
}
