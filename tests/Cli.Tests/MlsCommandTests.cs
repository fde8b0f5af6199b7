using System.Security.Cryptography;
using System.Text.Json;
using Xunit;

namespace Harmony.Cli.Tests;

/// <summary>
/// Three members, each with its own state folder, drive one group through the real tool: create, add, join,
/// encrypt/decrypt both ways, update, remove; files are the only channel between them.
/// </summary>
public sealed class MlsCommandTests : IDisposable
{
    private readonly string _dir = CliRunner.TempDir();
    private readonly Dictionary<string, string> _env = new()
    {
        ["ALICE_SEED"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
        ["BOB_SEED"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
        ["CAROL_SEED"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
    };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string F(string name) => Path.Combine(_dir, name);

    private async Task<CliRunner.Result> Mls(string member, params string[] args)
    {
        Directory.CreateDirectory(F(member));
        string[] all = ["mls", .. args, "--state", F($"{member}/state.bin"), "--seed-hex-env", member.ToUpperInvariant() + "_SEED"];
        return await CliRunner.RunAsync(all, env: _env);
    }

    private async Task<JsonElement> Ok(string member, params string[] args)
    {
        var result = await Mls(member, args);
        Assert.True(result.ExitCode == 0, $"{member} {string.Join(' ', args)}: exit {result.ExitCode}: {result.Stderr}");
        using var doc = JsonDocument.Parse(result.Stdout);
        return doc.RootElement.Clone();
    }

    private async Task<string> Authenticator(string member)
        => (await Ok(member, "status")).GetProperty("epochAuthenticator").GetString()!;

    private async Task AssertAgree(params string[] members)
    {
        var first = await Authenticator(members[0]);
        foreach (var m in members.Skip(1)) Assert.Equal(first, await Authenticator(m));
    }

    private async Task SendAndRead(string sender, string text, params string[] readers)
    {
        var name = $"{sender}-{Guid.NewGuid():N}";
        await File.WriteAllTextAsync(F(name + ".txt"), text);
        await Ok(sender, "encrypt", "--in", F(name + ".txt"), "--out", F(name + ".msg"));
        Assert.Equal(-1, (await File.ReadAllBytesAsync(F(name + ".msg"))).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)));
        foreach (var reader in readers)
        {
            var result = await Ok(reader, "decrypt", "--in", F(name + ".msg"), "--out", F($"{name}-{reader}.out"));
            Assert.Equal("application", result.GetProperty("kind").GetString());
            Assert.Equal(text, await File.ReadAllTextAsync(F($"{name}-{reader}.out")));
        }
    }

    [Theory]
    [InlineData("3")]
    [InlineData("1")]
    public async Task Three_members_run_a_group_through_files(string suite)
    {
        var bobDid = (await Ok("bob", "keypackage", "--suite", suite, "--out", F("bob.kp"))).GetProperty("did").GetString()!;
        await Ok("carol", "keypackage", "--suite", suite, "--out", F("carol.kp"));
        var created = await Ok("alice", "group", "create", "--suite", suite, "--group-id", "cli-group");
        var aliceDid = created.GetProperty("did").GetString()!;
        Assert.Equal(0, created.GetProperty("epoch").GetInt32());

        var added = await Ok("alice", "add", "--key-package", F("bob.kp"), "--commit-out", F("c1.commit"), "--welcome-out", F("w1.welcome"));
        Assert.Equal(1, added.GetProperty("epoch").GetInt32());
        var joined = await Ok("bob", "join", "--welcome", F("w1.welcome"));
        var members = joined.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("did").GetString()!).ToList();
        Assert.Equal(2, members.Count);
        Assert.Contains(aliceDid, members);
        Assert.Contains(bobDid, members);
        await AssertAgree("alice", "bob");
        await SendAndRead("alice", "hello bob, from alice", "bob");
        await SendAndRead("bob", "hi alice", "alice");

        // Bob adds Carol; Alice applies the commit; Carol joins.
        await Ok("bob", "add", "--key-package", F("carol.kp"), "--commit-out", F("c2.commit"), "--welcome-out", F("w2.welcome"));
        var processed = await Ok("alice", "decrypt", "--in", F("c2.commit"));
        Assert.Equal("commit", processed.GetProperty("kind").GetString());
        Assert.Equal(bobDid, processed.GetProperty("sender").GetString());
        await Ok("carol", "join", "--welcome", F("w2.welcome"));
        await AssertAgree("alice", "bob", "carol");

        // Carol refreshes her path.
        await Ok("carol", "update", "--commit-out", F("c3.commit"));
        await Ok("alice", "decrypt", "--in", F("c3.commit"));
        await Ok("bob", "decrypt", "--in", F("c3.commit"));
        await AssertAgree("alice", "bob", "carol");
        await SendAndRead("carol", "carol speaking in epoch 3", "alice", "bob");

        // Bob removes Alice by DID; Alice learns she is out and cannot read what follows.
        await Ok("bob", "remove", "--member", aliceDid, "--commit-out", F("c4.commit"));
        await Ok("carol", "decrypt", "--in", F("c4.commit"));
        var removed = await Ok("alice", "decrypt", "--in", F("c4.commit"));
        Assert.False(removed.GetProperty("active").GetBoolean());
        await AssertAgree("bob", "carol");
        await File.WriteAllTextAsync(F("secret.txt"), "after alice left");
        await Ok("bob", "encrypt", "--in", F("secret.txt"), "--out", F("secret.msg"));
        var refused = await Mls("alice", "decrypt", "--in", F("secret.msg"), "--out", F("alice-secret.out"));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("cli.mls.removed", refused.Stderr);
        Assert.False(File.Exists(F("alice-secret.out")));
        await Ok("carol", "decrypt", "--in", F("secret.msg"), "--out", F("carol-secret.out"));
        Assert.Equal("after alice left", await File.ReadAllTextAsync(F("carol-secret.out")));
    }

    [Fact]
    public async Task Errors_are_typed_and_the_state_is_sealed()
    {
        await Ok("bob", "keypackage", "--out", F("bob.kp"));
        await Ok("alice", "group", "create", "--group-id", "g");
        await Ok("alice", "add", "--key-package", F("bob.kp"), "--commit-out", F("c1"), "--welcome-out", F("w1"));
        await Ok("bob", "join", "--welcome", F("w1"));
        await File.WriteAllTextAsync(F("m.txt"), "tamper with me");
        await Ok("alice", "encrypt", "--in", F("m.txt"), "--out", F("m.msg"));

        // A flipped ciphertext bit is an authenticity failure: exit 1, and Bob's epoch is unchanged.
        var bytes = await File.ReadAllBytesAsync(F("m.msg"));
        bytes[^3] ^= 0x01;
        await File.WriteAllBytesAsync(F("bad.msg"), bytes);
        var tampered = await Mls("bob", "decrypt", "--in", F("bad.msg"), "--out", F("bad.out"));
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("error [mls.", tampered.Stderr);
        await AssertAgree("alice", "bob");

        // An application message without --out is refused before its key is used; then it still decrypts.
        var noOut = await Mls("bob", "decrypt", "--in", F("m.msg"));
        Assert.Equal(2, noOut.ExitCode);
        Assert.Contains("cli.mls.out_required", noOut.Stderr);
        await Ok("bob", "decrypt", "--in", F("m.msg"), "--out", F("m.out"));
        Assert.Equal("tamper with me", await File.ReadAllTextAsync(F("m.out")));

        // Someone else's identity cannot open Alice's state file.
        var stolen = await CliRunner.RunAsync(["mls", "status", "--state", F("alice/state.bin"), "--seed-hex-env", "BOB_SEED"], env: _env);
        Assert.Equal(2, stolen.ExitCode);
        Assert.Contains("cli.mls.state_key", stolen.Stderr);

        // The state file holds neither the seed nor readable group data.
        var state = await File.ReadAllBytesAsync(F("alice/state.bin"));
        Assert.Equal(-1, state.AsSpan().IndexOf("did:key"u8));
        Assert.Equal(-1, state.AsSpan().IndexOf(Convert.FromHexString(_env["ALICE_SEED"])));

        // Usage errors: bad suite, second group in one state, a Welcome for nobody here.
        Assert.Equal(2, (await Mls("carol", "group", "create", "--suite", "2", "--group-id", "x")).ExitCode);
        var again = await Mls("alice", "group", "create", "--group-id", "other");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("cli.mls.group_exists", again.Stderr);
        await Ok("carol", "keypackage", "--out", F("carol.kp"));
        var notForUs = await Mls("carol", "join", "--welcome", F("w1"));
        Assert.Equal(2, notForUs.ExitCode);
        Assert.Contains("mls.welcome.not_for_us", notForUs.Stderr);
        var noIdentity = await CliRunner.RunAsync(["mls", "status", "--state", F("alice/state.bin")], env: _env);
        Assert.Equal(2, noIdentity.ExitCode);
        Assert.Contains("cli.mls.identity", noIdentity.Stderr);
    }
}
