using System.Text;
using Harmony.Client.Protocol;
using Harmony.Core.Protocol;
using Harmony.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Harmony.EndToEnd.Tests.Storage;

/// <summary>
/// Scenario 4: the node's files (SQLite database, its -wal and -shm, the instance key, everything under the data
/// folder) never contain message plaintext. Messages carry a random marker; the node is killed (the log is in the
/// -wal file), then started and stopped gracefully (the log is in the database file), and each time every file is
/// scanned for the marker as UTF-8, UTF-16, hex and base64. Positive controls show that the scan reads the stored
/// envelopes and would find a marker stored in clear.
/// </summary>
public sealed class NoPlaintextAtRestTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_node_data_folder_holds_no_message_plaintext()
    {
        await using var server = await ServerProcess.StartAsync(new ServerProcessOptions { Name = "at-rest" });
        await using var alice = await ChatUser.ConnectAsync(server, "alice");
        await using var bob = await ChatUser.ConnectAsync(server, "bob");
        var (community, channel) = await ChatScenario.CommunityWithAsync(alice, bob);
        var marker = "HARMONY-PLAINTEXT-MARKER-" + Guid.NewGuid().ToString("N");

        var sent = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            sent.Add(await alice.Client.SendAsync(channel, $"{marker} from alice {i}"));
            sent.Add(await bob.Client.SendAsync(channel, $"from bob {i}: {marker}"));
        }
        // The members read the marker in clear: it really was sent (and the messages are logged before a thread hangs off one).
        var history = await ChatScenario.HistoryWithAsync(bob, channel, sent, server.Describe);
        Assert.Equal(20, history.Count(m => m.Text?.Contains(marker, StringComparison.Ordinal) == true));
        await alice.Client.EditAsync(channel, sent[0], $"edited {marker}");
        var thread = await bob.Client.CreateThreadAsync(channel, sent[1]);
        var inThread = await bob.Client.SendAsync(thread, $"in a thread {marker}");
        Assert.Contains(await ChatScenario.HistoryWithAsync(alice, thread, [inThread], server.Describe), m => m.Text == $"in a thread {marker}");
        await Wait.UntilAsync(async () => (await bob.Client.HistoryAsync(channel)).Any(m => m.Id == sent[0] && m.Text == $"edited {marker}"),
            ChatScenario.StepTimeout, "bob sees the edit");

        // Remember some stored ciphertext to prove the scan sees the log.
        var page = await alice.Client.Connection.InvokeAsync<LogPage>("Sync", [channel, 0L, 200, community.RootCapabilityId]);
        var lastMessage = page.Entries.Select(e => EnvelopeCodec.Decode(e.Envelope)).Last(e => e.Kind == EnvelopeKind.Message);
        var storedCiphertext = lastMessage.Ciphertext.AsSpan(lastMessage.Ciphertext.Length - 32).ToArray();

        // The clients leave. The node is killed, so the log is still in the -wal file as a crash leaves it; then it
        // starts again and stops gracefully (SIGTERM), which checkpoints the WAL into the database file. Both are scanned.
        await alice.DisposeAsync();
        await bob.DisposeAsync();
        await server.KillAsync();
        var afterKill = ScanHasNoMarker(server, marker, storedCiphertext, "after a kill");
        Assert.Contains(afterKill, f => f.EndsWith(".db-wal", StringComparison.Ordinal));
        await server.StartAgainAsync();
        await server.StopAsync();
        Assert.False(server.IsRunning);
        ScanHasNoMarker(server, marker, storedCiphertext, "after a graceful stop");

        // The same scan finds a marker stored in clear in any of the encodings, at any alignment.
        var control = Path.Combine(Path.GetTempPath(), "harmony-e2e-control-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(control);
        try
        {
            var controlMarker = "CONTROL-" + Guid.NewGuid().ToString("N");
            foreach (var (encoding, _) in PlaintextScanner.Patterns(controlMarker))
            {
                var file = Path.Combine(control, encoding);
                var utf8 = Encoding.UTF8.GetBytes("{\"text\":\"" + controlMarker + "\"}");
                byte[] content = encoding switch
                {
                    "utf-8" => utf8,
                    "utf-16le" => Encoding.Unicode.GetBytes("xx" + controlMarker),
                    "utf-16be" => Encoding.BigEndianUnicode.GetBytes(controlMarker + "yy"),
                    "hex" => Encoding.ASCII.GetBytes(Convert.ToHexStringLower([7, .. utf8])),
                    "HEX" => Encoding.ASCII.GetBytes(Convert.ToHexString([7, 8, .. utf8])),
                    _ => Encoding.ASCII.GetBytes(Base64Variant(encoding, [.. new byte[encoding[^1] - '0'], .. Encoding.UTF8.GetBytes(controlMarker), 1, 2, 3])),
                };
                await File.WriteAllBytesAsync(file, content);
                Assert.Contains(PlaintextScanner.Find(control, controlMarker, out _), h => h.StartsWith(encoding + " ", StringComparison.Ordinal));
                File.Delete(file);
            }
        }
        finally { Directory.Delete(control, recursive: true); }
    }

    private IReadOnlyList<string> ScanHasNoMarker(ServerProcess server, string marker, byte[] storedCiphertext, string when)
    {
        var hits = PlaintextScanner.Find(server.DataDirectory, marker, out var files);
        output.WriteLine($"{when}: scanned {files.Count} files: {string.Join(", ", files.Select(f => Path.GetRelativePath(server.DataDirectory, f) + " " + new FileInfo(f).Length + " B"))}");
        Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal));
        Assert.Empty(hits);
        Assert.True(PlaintextScanner.ContainsBytes(server.DataDirectory, storedCiphertext), $"{when}: the scan did not find the stored envelopes' ciphertext, so it does not read the log");
        return files;
    }

    private static string Base64Variant(string encoding, byte[] bytes)
    {
        var text = Convert.ToBase64String(bytes);
        return encoding.StartsWith("base64url", StringComparison.Ordinal) ? text.Replace('+', '-').Replace('/', '_').TrimEnd('=') : text;
    }
}
