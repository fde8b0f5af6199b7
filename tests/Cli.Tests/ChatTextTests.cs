using Harmony.Cli.Chat;
using Harmony.Client.Chat;
using Harmony.Core.Errors;
using Xunit;

namespace Harmony.Cli.Tests;

/// <summary>The chat commands' pure helpers: argument parsing, terminal-safe text, message lines, URLs and progress.</summary>
public sealed class ChatTextTests
{
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);

    [Theory]
    [InlineData("30m", 0, 0, 30)]
    [InlineData("12h", 0, 12, 0)]
    [InlineData("7d", 7, 0, 0)]
    [InlineData("2w", 14, 0, 0)]
    [InlineData("1.02:03:00", 1, 2, 3)]
    public void Durations_parse(string text, int days, int hours, int minutes) =>
        Assert.Equal(new TimeSpan(days, hours, minutes, 0), ChatArguments.Duration(text, Year));

    [Theory]
    [InlineData("0d")]
    [InlineData("366d")]
    [InlineData("999999999w")]
    [InlineData("-1d")]
    [InlineData("forever")]
    [InlineData("")]
    public void Bad_durations_are_typed_errors(string text)
    {
        var e = Assert.ThrowsAny<HarmonyException>(() => ChatArguments.Duration(text, Year));
        Assert.Equal("cli.duration", e.Code);
    }

    [Theory]
    [InlineData("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", true)]
    [InlineData("did:key:z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F", false)]
    [InlineData("did:web:example.org", false)]
    [InlineData("z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", false)]
    public void Only_ed25519_did_keys_are_people(string did, bool accepted)
    {
        if (accepted) Assert.Equal(did, ChatArguments.Did(did));
        else Assert.Equal("cli.did", Assert.ThrowsAny<HarmonyException>(() => ChatArguments.Did(did)).Code);
    }

    [Fact]
    public void Terminal_text_cannot_carry_escape_sequences_or_fake_lines()
    {
        Assert.Equal("\uFFFD[31mred\uFFFD[0m", MessageText.Printable("\u001b[31mred\u001b[0m"));
        Assert.Equal("one\n    two\n    three", MessageText.Printable("one\r\ntwo\nthree"));
        Assert.Equal("tab\tkept", MessageText.Printable("tab\tkept"));
    }

    [Fact]
    public void Message_lines_show_markers_reactions_and_short_ids()
    {
        var id = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        var author = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
        var baseMessage = new ChatMessage { Id = id, ChannelId = "c", Author = author, Text = "hi", CreatedAt = DateTimeOffset.UnixEpoch };
        Func<string, string> name = MessageText.ShortDid;

        var edited = MessageText.Format(baseMessage with
        {
            Edited = true,
            ReplyTo = "ZYXWVUTSRQPONM",
            Reactions = new Dictionary<string, IReadOnlyList<string>> { ["👍"] = [author, "did:key:other"], ["🎉"] = [] },
        }, name);
        Assert.Contains("z6MkhaXg…2doK: (reply to ZYXWVUTSRQ) hi (edited)  [👍 2]  #abcdefghij", edited);
        Assert.DoesNotContain("🎉", edited);

        var deleted = MessageText.Format(baseMessage with { Text = null, Deleted = true, Edited = true }, name);
        Assert.EndsWith(": (deleted)  #abcdefghij", deleted);

        var undecryptable = MessageText.Format(baseMessage with { Text = null, DecryptionError = "mls.epoch_gone" }, name);
        Assert.Contains(": [cannot decrypt: mls.epoch_gone]", undecryptable);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/", "127.0.0.1-5000")]
    [InlineData("https://chat.example.org/harmony", "https://chat.example.org/harmony/", "chat.example.org")]
    [InlineData("http://[::1]:5000/", "http://[::1]:5000/", "1-5000")]
    public void Server_urls_are_normalized_and_named(string url, string normalized, string name)
    {
        var uri = ServerEntry.ParseUrl(url);
        Assert.Equal(normalized, uri.ToString());
        Assert.Equal(name, ServerEntry.DefaultName(uri));
        Assert.Equal(name, ServerEntry.CheckName(ServerEntry.DefaultName(uri)));
    }

    [Fact]
    public void Progress_is_reported_for_long_syncs_only_and_done_once()
    {
        var lines = new List<string>();
        var printer = new ProgressPrinter(TimeSpan.Zero, 200, lines.Add);
        printer.Report(new SyncProgress("c", 0, 500));
        printer.Report(new SyncProgress("c", 250, 500));
        printer.Report(new SyncProgress("c", 500, 500));
        printer.Report(new SyncProgress("c", 500, 500));
        Assert.Equal(["syncing 0/500 entries…", "syncing 250/500 entries…", "syncing 500/500 entries, done"], lines);

        var quiet = new List<string>();
        var shortSync = new ProgressPrinter(TimeSpan.Zero, 200, quiet.Add);
        shortSync.Report(new SyncProgress("c", 400, 500));
        shortSync.Report(new SyncProgress("c", 500, 500));
        var nothingToDo = new ProgressPrinter(TimeSpan.Zero, 200, quiet.Add);
        nothingToDo.Report(new SyncProgress("c", 900, 900));
        Assert.Empty(quiet);
    }
}
