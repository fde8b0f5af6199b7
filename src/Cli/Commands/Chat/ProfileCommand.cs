using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Cli.Chat;

namespace Harmony.Cli.Commands.Chat;

/// <summary>
/// <c>harmony profile set|show</c>: the public profile (display name, bio) others see beside your messages. It is
/// public metadata on the server, not end-to-end encrypted.
/// </summary>
internal static class ProfileCommand
{
    private static readonly string[] Fields = ["displayName", "avatarUrl", "bio"];

    public static Command Build()
    {
        var command = new Command("profile", "Set and show public profiles (display names shown beside messages; not encrypted).");
        command.Subcommands.Add(BuildSet());
        command.Subcommands.Add(BuildShow());
        return command;
    }

    private static Command BuildSet()
    {
        var name = new Option<string>("--name") { Description = "Your display name (empty to clear)." };
        var bio = new Option<string>("--bio") { Description = "A short bio (empty to clear)." };
        var command = new Command("set", "Change your profile; fields not given keep their value.") { name, bio };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var client = await context.ClientAsync(ct);
            var profile = await GetAsync(client, client.Did, ct);
            if (context.Parse.GetValue(name) is { } n) profile["displayName"] = n.Length == 0 ? null : n;
            if (context.Parse.GetValue(bio) is { } b) profile["bio"] = b.Length == 0 ? null : b;
            await client.Connection.InvokeAsync("SetProfile", [profile], ct);
            profile["did"] = client.Did;
            context.Emit(profile, Describe(profile));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildShow()
    {
        var did = new Argument<string?>("did") { Description = "Whose profile (default: yours).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("show", "Show a profile.") { did };
        var options = new ChatOptions();
        options.AddTo(command, connects: true);
        ChatAction.Set(command, options, async (context, ct) =>
        {
            var who = context.Parse.GetValue(did) is { } d ? ChatArguments.Did(d) : null;
            var client = await context.ClientAsync(ct);
            who ??= client.Did;
            var profile = await GetAsync(client, who, ct);
            profile["did"] = who;
            context.Emit(profile, Describe(profile));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The profile's known fields (absent ones as null).</summary>
    private static async Task<JsonObject> GetAsync(Harmony.Client.Chat.HarmonyChatClient client, string did, CancellationToken ct)
    {
        var found = await client.Connection.InvokeAsync<JsonElement>("GetProfile", [did], ct);
        var profile = new JsonObject();
        foreach (var field in Fields)
        {
            profile[field] = found.ValueKind == JsonValueKind.Object && found.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        return profile;
    }

    private static IEnumerable<string> Describe(JsonObject profile)
    {
        yield return (string?)profile["did"] ?? "";
        foreach (var field in Fields)
        {
            if ((string?)profile[field] is { } value) yield return $"  {field}: {MessageText.Printable(value)}";
        }
    }
}
