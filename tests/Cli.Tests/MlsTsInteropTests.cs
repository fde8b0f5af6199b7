using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Tests.Interop;
using Xunit;

namespace Harmony.Cli.Tests;

/// <summary>
/// The CLI against ts-mls 1.6.4 (harness tests/Interop/mls-ts): the CLI joins a ts-mls group from its Welcome, a
/// ts-mls member joins from the CLI's Welcome, messages and commits go both ways, and epoch authenticators agree.
/// </summary>
public sealed class MlsTsInteropTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();
    private readonly Dictionary<string, string> _env = new() { ["BOB_SEED"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string F(string name) => Path.Combine(_dir, name);

    private async Task<JsonElement> Bob(params string[] args)
    {
        var result = await CliRunner.RunAsync(["mls", .. args, "--state", F("bob.state"), "--seed-hex-env", "BOB_SEED"], env: _env);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: exit {result.ExitCode}: {result.Stderr}");
        using var doc = JsonDocument.Parse(result.Stdout);
        return doc.RootElement.Clone();
    }

    private static async Task<JsonObject> Ts(string command, JsonObject request)
        => JsonNode.Parse(await NodeRunner.RunAsync("mls-ts", "mls.mjs", request.ToJsonString(), command))!.AsObject();

    private async Task<string> BobAuthenticator() => (await Bob("status")).GetProperty("epochAuthenticator").GetString()!;

    private async Task WriteHex(string name, JsonNode? hex) => await File.WriteAllBytesAsync(F(name), Convert.FromHexString((string)hex!));

    private async Task<string> ReadHex(string name) => Convert.ToHexStringLower(await File.ReadAllBytesAsync(F(name)));

    private async Task<string> BobDecrypts(string file)
    {
        await Bob("decrypt", "--in", F(file), "--out", F(file + ".txt"));
        return await File.ReadAllTextAsync(F(file + ".txt"));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public async Task Cli_and_ts_mls_share_a_group(int suite)
    {
        // ts-mls creates the group and welcomes the CLI member.
        await Bob("keypackage", "--suite", suite.ToString(), "--out", F("bob.kp"));
        var alice = await Ts("create-and-add", new JsonObject { ["suite"] = suite, ["groupId"] = "cli-interop", ["keyPackage"] = await ReadHex("bob.kp"), ["text"] = "hello from ts-mls" });
        await WriteHex("w1", alice["welcome"]);
        await WriteHex("m1", alice["message"]);
        await Bob("join", "--welcome", F("w1"));
        Assert.Equal((string)alice["epochAuthenticator"]!, await BobAuthenticator());
        Assert.Equal("hello from ts-mls", await BobDecrypts("m1"));

        // The CLI answers.
        await File.WriteAllTextAsync(F("reply.txt"), "hello from the harmony cli");
        await Bob("encrypt", "--in", F("reply.txt"), "--out", F("m2"));
        alice = await Ts("process", new JsonObject { ["suite"] = suite, ["state"] = alice["state"]!.DeepClone(), ["messages"] = new JsonArray(await ReadHex("m2")) });
        Assert.Equal("hello from the harmony cli", (string)alice["plaintexts"]![0]!);

        // The CLI adds a ts-mls member, who joins from the CLI's Welcome; the creator processes the commit.
        var carolKeys = await Ts("keypackage", new JsonObject { ["suite"] = suite, ["name"] = "ts-carol" });
        await WriteHex("carol.kp", carolKeys["keyPackage"]);
        await Bob("add", "--key-package", F("carol.kp"), "--commit-out", F("c1"), "--welcome-out", F("w2"));
        alice = await Ts("process", new JsonObject { ["suite"] = suite, ["state"] = alice["state"]!.DeepClone(), ["messages"] = new JsonArray(await ReadHex("c1")) });
        var carol = await Ts("join", new JsonObject
        {
            ["suite"] = suite, ["keyPackage"] = carolKeys["keyPackage"]!.DeepClone(), ["welcome"] = await ReadHex("w2"),
            ["initPrivateKey"] = carolKeys["initPrivateKey"]!.DeepClone(), ["hpkePrivateKey"] = carolKeys["hpkePrivateKey"]!.DeepClone(),
            ["signaturePrivateKey"] = carolKeys["signaturePrivateKey"]!.DeepClone(),
        });
        var bobAuthenticator = await BobAuthenticator();
        Assert.Equal(bobAuthenticator, (string)alice["epochAuthenticator"]!);
        Assert.Equal(bobAuthenticator, (string)carol["epochAuthenticator"]!);

        // A ts-mls member commits a new path (as a PrivateMessage) and speaks; the CLI follows.
        var afterCommit = await Ts("commit-and-send", new JsonObject { ["suite"] = suite, ["state"] = carol["state"]!.DeepClone(), ["text"] = "carol after her commit" });
        await WriteHex("c2", afterCommit["commit"]);
        await WriteHex("m3", afterCommit["message"]);
        Assert.Equal("commit", (await Bob("decrypt", "--in", F("c2"))).GetProperty("kind").GetString());
        Assert.Equal("carol after her commit", await BobDecrypts("m3"));
        Assert.Equal((string)afterCommit["epochAuthenticator"]!, await BobAuthenticator());

        // The CLI commits an UpdatePath; ts-mls processes it and reads the CLI's next message.
        await Bob("update", "--commit-out", F("c3"));
        await File.WriteAllTextAsync(F("last.txt"), "bob after his update");
        await Bob("encrypt", "--in", F("last.txt"), "--out", F("m4"));
        carol = await Ts("process", new JsonObject { ["suite"] = suite, ["state"] = afterCommit["state"]!.DeepClone(), ["messages"] = new JsonArray(await ReadHex("c3"), await ReadHex("m4")) });
        Assert.Equal("bob after his update", (string)carol["plaintexts"]![0]!);
        Assert.Equal(await BobAuthenticator(), (string)carol["epochAuthenticator"]!);
    }
}
