using System.Text.Json.Nodes;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Xunit;

namespace Harmony.Cli.Tests;

public sealed class ZcapCommandTests : IDisposable
{
    private const string Community = "https://harmony.example/communities/c1";
    private const string Channel = Community + "/channels/general";
    private static readonly string OwnerSeed = new('1', 64);
    private static readonly string AliceSeed = new('2', 64);

    private readonly string _dir = CliRunner.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string DidOf(string seedHex)
    {
        using var key = Ed25519KeyPair.FromSeed(Convert.FromHexString(seedHex));
        return DidKey.FromEd25519(key.PublicKey).Did;
    }

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static Dictionary<string, string> Env() => new() { ["OWNER_SEED"] = OwnerSeed, ["ALICE_SEED"] = AliceSeed };

    private async Task<CliRunner.Result> RunOkAsync(params string[] args)
    {
        var result = await CliRunner.RunAsync(args, env: Env());
        Assert.True(result.ExitCode == 0, $"harmony {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
        return result;
    }

    private async Task MakeInvocationAsync()
    {
        await RunOkAsync("zcap", "root", "--target", Community, "--controller", DidOf(OwnerSeed), "--out", PathOf("root.json"));
        await RunOkAsync("zcap", "delegate", "--parent", PathOf("root.json"), "--controller", DidOf(AliceSeed), "--actions", "read,write",
            "--target", Channel, "--expires", DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), "--seed-hex-env", "OWNER_SEED", "--out", PathOf("alice.json"));
        File.WriteAllText(PathOf("request.json"), """{"type":"PostMessage","ciphertext":"AAEC"}""");
        await RunOkAsync("zcap", "invoke", "--capability", PathOf("alice.json"), "--action", "write", "--target", Channel,
            "--document", PathOf("request.json"), "--seed-hex-env", "ALICE_SEED", "--out", PathOf("invocation.json"));
    }

    [Fact]
    public async Task Root_delegate_invoke_verify_round_trip()
    {
        await MakeInvocationAsync();

        var root = JsonNode.Parse(File.ReadAllText(PathOf("root.json")))!;
        Assert.Equal("urn:zcap:root:https%3A%2F%2Fharmony.example%2Fcommunities%2Fc1", root["id"]!.GetValue<string>());

        var verified = await RunOkAsync("zcap", "verify", "--invocation", PathOf("invocation.json"), "--root-controller", DidOf(OwnerSeed),
            "--root-target", Community, "--action", "write", "--target", Channel);
        var result = JsonNode.Parse(verified.Stdout)!;
        Assert.True(result["verified"]!.GetValue<bool>());
        Assert.Equal(DidOf(AliceSeed), result["invoker"]!.GetValue<string>());

        var chain = await RunOkAsync("zcap", "verify", "--capability", PathOf("alice.json"), "--root-controller", DidOf(OwnerSeed));
        Assert.Equal(Channel, JsonNode.Parse(chain.Stdout)!["invocationTarget"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tampered_invocation_exits_1_with_its_code()
    {
        await MakeInvocationAsync();
        var invocation = JsonNode.Parse(File.ReadAllText(PathOf("invocation.json")))!;
        invocation["ciphertext"] = "AAED";
        File.WriteAllText(PathOf("forged.json"), invocation.ToJsonString());

        var result = await CliRunner.RunAsync(["zcap", "verify", "--invocation", PathOf("forged.json"), "--root-controller", DidOf(OwnerSeed)]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("zcap.tampered", JsonNode.Parse(result.Stdout)!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invocation_under_another_root_controller_exits_1()
    {
        await MakeInvocationAsync();
        var result = await CliRunner.RunAsync(["zcap", "verify", "--invocation", PathOf("invocation.json"), "--root-controller", DidOf(AliceSeed)]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("zcap.wrong_signer", JsonNode.Parse(result.Stdout)!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Widening_a_delegation_and_bad_input_exit_2()
    {
        await RunOkAsync("zcap", "root", "--target", Community, "--controller", DidOf(OwnerSeed), "--out", PathOf("root.json"));
        await RunOkAsync("zcap", "delegate", "--parent", PathOf("root.json"), "--controller", DidOf(AliceSeed), "--actions", "read",
            "--expires", "2030-01-01T00:00:00Z", "--seed-hex-env", "OWNER_SEED", "--out", PathOf("alice.json"));

        var widened = await CliRunner.RunAsync(["zcap", "delegate", "--parent", PathOf("alice.json"), "--controller", DidOf(OwnerSeed),
            "--actions", "read,write", "--expires", "2029-01-01T00:00:00Z", "--seed-hex-env", "ALICE_SEED"], env: Env());
        Assert.Equal(2, widened.ExitCode);
        Assert.Contains("zcap.action_widened", widened.Stderr);

        File.WriteAllText(PathOf("junk.json"), "not json");
        var junk = await CliRunner.RunAsync(["zcap", "verify", "--capability", PathOf("junk.json"), "--root-controller", DidOf(OwnerSeed)]);
        Assert.Equal(2, junk.ExitCode);
        Assert.Equal("", junk.Stdout);

        var noKey = await CliRunner.RunAsync(["zcap", "delegate", "--parent", PathOf("root.json"), "--controller", DidOf(AliceSeed), "--expires", "2030-01-01T00:00:00Z"]);
        Assert.Equal(2, noKey.ExitCode);
    }

    [Fact]
    public async Task A_keystore_can_sign_delegations()
    {
        var env = new Dictionary<string, string> { ["KS_PASS"] = "correct horse battery staple" };
        var created = await CliRunner.RunAsync(["keys", "new", "--keystore", PathOf("owner.keystore"), "--passphrase-env", "KS_PASS"], env: env);
        Assert.True(created.ExitCode == 0, created.Stderr);
        var ownerDid = JsonNode.Parse(created.Stdout)!["did"]!.GetValue<string>();

        await RunOkAsync("zcap", "root", "--target", Community, "--controller", ownerDid, "--out", PathOf("root.json"));
        var delegated = await CliRunner.RunAsync(["zcap", "delegate", "--parent", PathOf("root.json"), "--controller", DidOf(AliceSeed), "--actions", "read",
            "--expires", "2030-01-01T00:00:00Z", "--keystore", PathOf("owner.keystore"), "--passphrase-env", "KS_PASS", "--out", PathOf("alice.json")], env: env);
        Assert.True(delegated.ExitCode == 0, delegated.Stderr);
        await RunOkAsync("zcap", "verify", "--capability", PathOf("alice.json"), "--root-controller", ownerDid, "--at", "2029-01-01T00:00:00Z");
    }
}
