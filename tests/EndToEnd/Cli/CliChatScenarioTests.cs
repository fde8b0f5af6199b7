using System.Text.Json;
using Harmony.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Harmony.EndToEnd.Tests.Cli;

/// <summary>
/// People chatting with the real <c>harmony</c> CLI against a real node process: every step is a separate CLI
/// process, as a person or a script would run it. Messages are end-to-end encrypted (MLS); what the CLI prints
/// decrypted is what the other side sent.
/// </summary>
public sealed class CliChatScenarioTests(ServerFixture fixture, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan LiveTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_people_create_invite_join_and_chat_both_ways_with_edits_deletes_reactions_threads_and_a_live_tail()
    {
        using var alice = await CliUser.CreateAsync("alice", fixture.Server);
        using var bob = await CliUser.CreateAsync("bob", fixture.Server);
        using var carol = await CliUser.CreateAsync("carol", fixture.Server);

        // Alice creates a community; it comes with #general.
        var community = await alice.JsonAsync("community", "create", "Book club");
        var communityId = community.GetProperty("id").GetString()!;
        Assert.Equal("Book club", community.GetProperty("name").GetString());
        Assert.Equal(alice.Did, community.GetProperty("owner").GetString());
        var general = community.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "general");
        var generalId = general.GetProperty("id").GetString()!;

        // Bob must have been online once (KeyPackages uploaded) to be added to the encrypted group.
        Assert.Empty((await bob.JsonAsync("community", "list")).EnumerateArray());

        // An invite bound to Bob's DID; Bob joins with it.
        var invite = (await alice.JsonAsync("community", "invite", "Book club", "--for", bob.Did, "--expires", "1d")).GetProperty("invite").GetString()!;
        Assert.Contains("#/join/", invite);
        var joined = await bob.JsonAsync("community", "join", invite);
        Assert.Equal(communityId, joined.GetProperty("id").GetString());

        // Carol cannot use an invite made for Bob: the server refuses with a typed error, and she is no member.
        var refused = await carol.RunAsync("community", "join", invite, "--json");
        Assert.True(refused.ExitCode == 2, refused.ToString());
        var refusalCode = JsonDocument.Parse(refused.Stdout).RootElement.GetProperty("error").GetProperty("code").GetString()!;
        Assert.False(refusalCode.StartsWith("cli.", StringComparison.Ordinal), refused.ToString());
        Assert.Contains(refusalCode, refused.Stderr);
        Assert.Empty((await carol.JsonAsync("community", "list")).EnumerateArray());
        await carol.RefusedAsync("cli.channel.unknown", "history", generalId);

        // Alice writes first (her client adds Bob to the channel's group before sending), by community name.
        var a1 = (await alice.JsonAsync("send", "Book club/#general", "hello bob")).GetProperty("id").GetString()!;
        // Bob answers, by community id; the text comes from stdin.
        var b1Result = await bob.RunWithInputAsync("hi alice, got your message\n", "send", $"{communityId}/#general", "-", "--json");
        Assert.True(b1Result.ExitCode == 0, b1Result.ToString());
        var b1 = JsonDocument.Parse(b1Result.Stdout).RootElement.GetProperty("id").GetString()!;
        var a2 = (await alice.JsonAsync("send", generalId, "what are we reading?", "--reply", b1)).GetProperty("id").GetString()!;

        // Both histories: the same three messages, decrypted, in the same order.
        var aliceView = Messages(await alice.JsonAsync("history", "Book club/#general"));
        var bobView = Messages(await bob.JsonAsync("history", "Book club/#general"));
        output.WriteLine("alice sees: " + string.Join(" | ", aliceView.Select(m => $"{m.Author[^6..]}: {m.Text}")));
        Assert.Equal([a1, b1, a2], aliceView.Select(m => m.Id));
        Assert.Equal(aliceView.Select(m => (m.Id, m.Text, m.Author)), bobView.Select(m => (m.Id, m.Text, m.Author)));
        Assert.Equal(["hello bob", "hi alice, got your message", "what are we reading?"], bobView.Select(m => m.Text));
        Assert.All(bobView, m => Assert.Null(m.DecryptionError));
        Assert.Equal([alice.Did, bob.Did, alice.Did], bobView.Select(m => m.Author));
        Assert.Equal(b1, bobView[2].ReplyTo);

        // Alice follows the channel live; Bob's next message shows up in her tail as one JSON line, and a line she
        // types into the tail (--input) is sent.
        string typed;
        await using (var tail = alice.Start("tail", "Book club/#general", "--input", "--json"))
        {
            await tail.WaitForErrorLineAsync(l => l.StartsWith("following ", StringComparison.Ordinal), LiveTimeout, "tail is following");
            var b2 = (await bob.JsonAsync("send", "Book club/#general", "live from bob")).GetProperty("id").GetString()!;
            var line = await tail.WaitForLineAsync(l => l.Contains(b2, StringComparison.Ordinal) && l.Contains("live from bob", StringComparison.Ordinal), LiveTimeout, "bob's message in alice's tail");
            using (var parsed = JsonDocument.Parse(line))
            {
                Assert.Equal(bob.Did, parsed.RootElement.GetProperty("author").GetString());
                Assert.Equal(generalId, parsed.RootElement.GetProperty("channelId").GetString());
            }
            await tail.WriteLineAsync("typed into alice's tail");
            var typedLine = await tail.WaitForLineAsync(l => l.Contains("typed into alice's tail", StringComparison.Ordinal) && !l.Contains("\"seq\":0,", StringComparison.Ordinal),
                LiveTimeout, "alice's typed line logged");
            using (var parsed = JsonDocument.Parse(typedLine)) typed = parsed.RootElement.GetProperty("id").GetString()!;
            Assert.All(tail.Lines, l => JsonDocument.Parse(l).Dispose());
            // Ctrl-C ends tail normally.
            Assert.Equal(0, await tail.InterruptAsync(LiveTimeout));
        }

        var afterTail = Messages(await bob.JsonAsync("history", "Book club/#general"));
        Assert.Equal("typed into alice's tail", afterTail.Single(m => m.Id == typed).Text);
        Assert.Equal(alice.Did, afterTail.Single(m => m.Id == typed).Author);

        // Edit, react, delete and a thread, each by its author, by id prefix or full id.
        Assert.Equal(0, (await alice.RunAsync("edit", "Book club/#general", a1[..12], "hello bob (and welcome)")).ExitCode);
        var reacted = await bob.JsonAsync("react", "Book club/#general", a1, "👍");
        Assert.Equal(a1, reacted.GetProperty("target").GetString());
        Assert.Equal(0, (await alice.RunAsync("react", "Book club/#general", a1, "🎉")).ExitCode);
        Assert.Equal(0, (await alice.RunAsync("delete", "Book club/#general", a2)).ExitCode);
        var threadPost = await bob.JsonAsync("thread", "Book club/#general", b1, "a side thread");
        var threadChannel = threadPost.GetProperty("channelId").GetString()!;
        Assert.Equal($"{generalId}/thread/{b1}", threadChannel);

        var afterAlice = Messages(await alice.JsonAsync("history", "Book club/#general"));
        var afterBob = Messages(await bob.JsonAsync("history", "Book club/#general"));
        foreach (var view in new[] { afterAlice, afterBob })
        {
            var first = view.Single(m => m.Id == a1);
            Assert.Equal("hello bob (and welcome)", first.Text);
            Assert.True(first.Edited);
            Assert.Equal([bob.Did], first.Reactions["👍"]);
            Assert.Equal([alice.Did], first.Reactions["🎉"]);
            var deleted = view.Single(m => m.Id == a2);
            Assert.True(deleted.Deleted);
            Assert.Null(deleted.Text);
        }
        Assert.Equal(afterAlice.Select(m => m.Id), afterBob.Select(m => m.Id));

        var threadView = Messages(await alice.JsonAsync("thread", "Book club/#general", b1));
        Assert.Equal(["a side thread"], threadView.Select(m => m.Text));
        Assert.Equal(b1, threadView[0].Thread);

        // The text view shows the same, for people.
        var text = await bob.RunAsync("history", "Book club/#general");
        Assert.True(text.ExitCode == 0, text.ToString());
        output.WriteLine(text.Stdout);
        Assert.Contains("hello bob (and welcome) (edited)", text.Stdout);
        Assert.Contains("(deleted)", text.Stdout);
        Assert.Contains("👍 1", text.Stdout);
        Assert.Contains("#" + a1[..10], text.Stdout);
    }

    [Fact]
    public async Task Direct_messages_go_both_ways()
    {
        using var alice = await CliUser.CreateAsync("alice", fixture.Server);
        using var bob = await CliUser.CreateAsync("bob", fixture.Server);
        Assert.Empty((await bob.JsonAsync("dm", "list")).EnumerateArray());

        var sent = await alice.JsonAsync("dm", bob.Did, "psst, bob");
        var channelId = sent.GetProperty("channelId").GetString()!;
        var bobList = (await bob.JsonAsync("dm", "list")).EnumerateArray().ToList();
        Assert.Equal(alice.Did, Assert.Single(bobList).GetProperty("peer").GetString());
        Assert.Equal(channelId, bobList[0].GetProperty("channelId").GetString());

        var reply = await bob.JsonAsync("dm", alice.Did, "hi alice, only you can read this");
        Assert.Equal(channelId, reply.GetProperty("channelId").GetString());

        var aliceView = Messages(await alice.JsonAsync("dm", bob.Did));
        var bobView = Messages(await bob.JsonAsync("dm", alice.Did));
        Assert.Equal(["psst, bob", "hi alice, only you can read this"], aliceView.Select(m => m.Text));
        Assert.Equal(aliceView.Select(m => (m.Id, m.Text)), bobView.Select(m => (m.Id, m.Text)));
        Assert.Equal([alice.Did, bob.Did], bobView.Select(m => m.Author));
        // The DM channel works as a channel id too.
        Assert.Equal(aliceView.Select(m => m.Id), Messages(await bob.JsonAsync("history", channelId)).Select(m => m.Id));

        // With a profile name, people see it beside the messages instead of the bare DID.
        var profile = await alice.JsonAsync("profile", "set", "--name", "Alice Liddell");
        Assert.Equal("Alice Liddell", profile.GetProperty("displayName").GetString());
        Assert.Equal("Alice Liddell", (await bob.JsonAsync("profile", "show", alice.Did)).GetProperty("displayName").GetString());
        var text = await bob.RunAsync("dm", alice.Did);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("Alice Liddell (z6Mk", text.Stdout);
        Assert.Contains(": psst, bob", text.Stdout);
    }

    [Fact]
    public async Task Bad_input_exits_2_with_a_clear_message_and_changes_nothing()
    {
        using var alice = await CliUser.CreateAsync("alice", fixture.Server);
        using var bob = await CliUser.CreateAsync("bob", fixture.Server);
        var community = await alice.JsonAsync("community", "create", "Quiet");
        var communityId = community.GetProperty("id").GetString()!;
        var first = (await alice.JsonAsync("send", "Quiet/#general", "the only message")).GetProperty("id").GetString()!;
        var before = await alice.RunAsync("history", "Quiet/#general", "--json");

        var unknownChannel = await alice.RefusedAsync("cli.channel.unknown", "send", "Quiet/#nope", "lost");
        Assert.Contains("Quiet/#nope", unknownChannel.Stderr);
        await alice.RefusedAsync("cli.channel.unknown", "send", "no-such-channel-id", "lost");
        await alice.RefusedAsync("cli.community.unknown", "send", "Loud/#general", "lost");
        await alice.RefusedAsync("cli.community.unknown", "channel", "create", "Loud", "extra");
        await alice.RefusedAsync("cli.message.unknown", "edit", "Quiet/#general", "AAAAAAAAAAAAAAAA", "changed");
        await alice.RefusedAsync("cli.message.unknown", "react", "Quiet/#general", "AAAAAAAAAAAAAAAA", "👍");
        await alice.RefusedAsync("cli.did", "community", "invite", "Quiet", "--for", "did:key:z6MkNotAKey");
        await alice.RefusedAsync("cli.did", "dm", "did:example:bob", "hello");

        // A malformed invite and an invite for a community that does not exist.
        var badLink = await bob.RunAsync("community", "join", "https://example.org/#/join/", "--json");
        Assert.True(badLink.ExitCode == 2, badLink.ToString());
        var wrongCommunity = await bob.RunAsync("community", "join", $"{fixture.Server.BaseAddress}#/join/{communityId}x", "--json");
        Assert.True(wrongCommunity.ExitCode == 2, wrongCommunity.ToString());
        using (var doc = JsonDocument.Parse(wrongCommunity.Stdout))
            Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("error").GetProperty("code").GetString()));
        // Joining a closed community without a capability is refused by the server too.
        var noCapability = await bob.RunAsync("community", "join", $"{fixture.Server.BaseAddress}#/join/{communityId}", "--json");
        Assert.True(noCapability.ExitCode == 2, noCapability.ToString());
        Assert.Empty((await bob.JsonAsync("community", "list")).EnumerateArray());

        // Nothing changed: same history, same channels.
        var after = await alice.RunAsync("history", "Quiet/#general", "--json");
        Assert.Equal(before.Stdout, after.Stdout);
        Assert.Equal(first, Assert.Single(Messages(JsonDocument.Parse(after.Stdout).RootElement)).Id);
        var channels = (await alice.JsonAsync("channel", "list", "Quiet")).EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["general"], channels);
    }

    private static List<MessageView> Messages(JsonElement array) =>
        [.. array.EnumerateArray().Select(m => new MessageView(
            m.GetProperty("id").GetString()!,
            m.GetProperty("author").GetString()!,
            m.GetProperty("text").ValueKind == JsonValueKind.Null ? null : m.GetProperty("text").GetString(),
            m.GetProperty("edited").GetBoolean(),
            m.GetProperty("deleted").GetBoolean(),
            m.GetProperty("replyTo").ValueKind == JsonValueKind.Null ? null : m.GetProperty("replyTo").GetString(),
            m.GetProperty("thread").ValueKind == JsonValueKind.Null ? null : m.GetProperty("thread").GetString(),
            m.GetProperty("decryptionError").ValueKind == JsonValueKind.Null ? null : m.GetProperty("decryptionError").GetString(),
            m.GetProperty("reactions").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(d => d.GetString()!).ToList())))];

    private sealed record MessageView(string Id, string Author, string? Text, bool Edited, bool Deleted, string? ReplyTo, string? Thread, string? DecryptionError, Dictionary<string, List<string>> Reactions);
}
