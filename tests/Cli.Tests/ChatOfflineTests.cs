using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Xunit;

namespace Harmony.Cli.Tests;

/// <summary>
/// The chat commands' local behaviour, without a server: the config in the home folder, argument checks that
/// refuse bad input before connecting (exit 2, config unchanged), and an unreachable server (exit 3).
/// </summary>
public sealed class ChatOfflineTests : IDisposable
{
    // An arbitrary fixed seed: its DID is only used as a well-formed identity here.
    private const string SeedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private readonly string _home = CliRunner.TempDir();
    private readonly Dictionary<string, string> _env;

    public ChatOfflineTests() => _env = new() { ["HARMONY_HOME"] = _home, ["TEST_SEED"] = SeedHex };

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string ConfigPath => Path.Combine(_home, "config.json");

    private Task<CliRunner.Result> Run(params string[] args) => CliRunner.RunAsync(args, env: _env);

    [Fact]
    public async Task Server_add_writes_the_config_and_list_shows_the_default()
    {
        var first = await Run("server", "add", "http://127.0.0.1:5000", "--json");
        Assert.True(first.ExitCode == 0, first.Stderr);
        using (var doc = JsonDocument.Parse(first.Stdout))
        {
            Assert.Equal("127.0.0.1-5000", doc.RootElement.GetProperty("name").GetString());
            Assert.Equal("http://127.0.0.1:5000/", doc.RootElement.GetProperty("url").GetString());
            Assert.True(doc.RootElement.GetProperty("default").GetBoolean());
        }
        var second = await Run("server", "add", "https://chat.example.org", "--name", "example", "--json");
        Assert.True(second.ExitCode == 0, second.Stderr);
        using (var doc = JsonDocument.Parse(second.Stdout))
            Assert.False(doc.RootElement.GetProperty("default").GetBoolean());

        var list = await Run("server", "list", "--json");
        Assert.True(list.ExitCode == 0, list.Stderr);
        using (var doc = JsonDocument.Parse(list.Stdout))
        {
            var servers = doc.RootElement.EnumerateArray().ToList();
            Assert.Equal(["127.0.0.1-5000", "example"], servers.Select(s => s.GetProperty("name").GetString()));
            Assert.Equal([true, false], servers.Select(s => s.GetProperty("default").GetBoolean()));
        }

        var makeDefault = await Run("server", "add", "https://chat.example.org", "--name", "example", "--default");
        Assert.True(makeDefault.ExitCode == 0, makeDefault.Stderr);
        var text = await Run("server", "list");
        Assert.Contains("* example", text.Stdout);
        using (var config = JsonDocument.Parse(File.ReadAllText(ConfigPath)))
            Assert.Equal("example", config.RootElement.GetProperty("defaultServer").GetString());
    }

    [Theory]
    [InlineData("ftp://example.org")]
    [InlineData("not a url")]
    [InlineData("http://example.org/?x=1")]
    [InlineData("http://user:pw@example.org/")]
    public async Task Server_add_refuses_a_bad_url_and_writes_nothing(string url)
    {
        var result = await Run("server", "add", url, "--json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cli.server.url", result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("cli.server.url", doc.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public async Task Server_add_refuses_a_bad_name_and_a_second_name_for_the_same_url()
    {
        Assert.Equal(2, (await Run("server", "add", "http://127.0.0.1:5000", "--name", "../up")).ExitCode);
        Assert.False(File.Exists(ConfigPath));
        Assert.Equal(0, (await Run("server", "add", "http://127.0.0.1:5000", "--name", "a")).ExitCode);
        var before = File.ReadAllText(ConfigPath);
        var clash = await Run("server", "add", "http://127.0.0.1:5000", "--name", "b");
        Assert.Equal(2, clash.ExitCode);
        Assert.Contains("cli.server.exists", clash.Stderr);
        Assert.Equal(before, File.ReadAllText(ConfigPath));
    }

    /// <summary>The RFC 8032 §7.1 TEST 1 public key of <see cref="SeedHex"/>, as a did:key computed here (multicodec 0xed 0x01, base58btc).</summary>
    private static string Rfc8032Test1Did()
    {
        byte[] bytes = [0xed, 0x01, .. Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")];
        const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        var n = new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var chars = new List<char>();
        for (; n > 0; n /= 58) chars.Add(alphabet[(int)(n % 58)]);
        chars.Reverse();
        return "did:key:z" + new string([.. chars]);
    }

    [Fact]
    public async Task Whoami_prints_the_did_of_the_seed_without_a_server()
    {
        var result = await Run("whoami", "--seed-hex-env", "TEST_SEED", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(Rfc8032Test1Did(), doc.RootElement.GetProperty("did").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("server").ValueKind);
        Assert.Equal(Path.GetFullPath(_home), doc.RootElement.GetProperty("home").GetString());
        Assert.DoesNotContain(SeedHex, result.Stdout + result.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_default_keystore_in_the_home_folder_is_used_when_no_key_option_is_given()
    {
        var env = new Dictionary<string, string>(_env) { ["TEST_PASS"] = "correct horse" };
        var keystore = Path.Combine(_home, "keystore.json");
        var created = await CliRunner.RunAsync(["keys", "new", "--keystore", keystore, "--passphrase-env", "TEST_PASS"], env: env);
        Assert.True(created.ExitCode == 0, created.Stderr);
        string did;
        using (var doc = JsonDocument.Parse(created.Stdout)) did = doc.RootElement.GetProperty("did").GetString()!;

        var whoami = await CliRunner.RunAsync(["whoami", "--passphrase-env", "TEST_PASS", "--json"], env: env);
        Assert.True(whoami.ExitCode == 0, whoami.Stderr);
        using (var doc = JsonDocument.Parse(whoami.Stdout)) Assert.Equal(did, doc.RootElement.GetProperty("did").GetString());

        var wrong = await CliRunner.RunAsync(["whoami", "--passphrase-env", "WRONG_PASS", "--json"], env: new Dictionary<string, string>(env) { ["WRONG_PASS"] = "battery staple" });
        Assert.Equal(2, wrong.ExitCode);
        Assert.DoesNotContain("battery", wrong.Stdout + wrong.Stderr);

        var both = await CliRunner.RunAsync(["whoami", "--keystore", keystore, "--seed-hex-env", "TEST_SEED", "--json"], env: env);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("cli.identity", both.Stderr);
    }

    [Fact]
    public async Task Commands_that_need_a_server_say_how_to_add_one()
    {
        var result = await Run("community", "list", "--seed-hex-env", "TEST_SEED", "--json");
        Assert.Equal(2, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("cli.server.none", doc.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("harmony server add", result.Stderr);
    }

    [Fact]
    public async Task A_missing_keystore_is_a_typed_error_naming_the_way_out()
    {
        Assert.Equal(0, (await Run("server", "add", "http://127.0.0.1:5000")).ExitCode);
        var result = await Run("community", "list");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cli.identity", result.Stderr);
        Assert.Contains("harmony keys new", result.Stderr);
    }

    [Fact]
    public async Task An_unreachable_server_exits_3_with_a_clear_message()
    {
        // A port that was free a moment ago: nothing listens there, so the connection is refused.
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        Assert.Equal(0, (await Run("server", "add", $"http://127.0.0.1:{port}")).ExitCode);
        var result = await Run("community", "list", "--seed-hex-env", "TEST_SEED", "--json");
        Assert.True(result.ExitCode == 3, result.Stdout + result.Stderr);
        Assert.Contains("cannot be reached", result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("cli.unavailable", doc.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("community", "invite", "c", "--for", "did:key:zNotAKey")]
    [InlineData("community", "invite", "c", "--for", "did:web:example.org")]
    [InlineData("community", "invite", "c", "--expires", "forever")]
    [InlineData("community", "invite", "c", "--expires", "400d")]
    [InlineData("community", "join", "https://example.org/not-an-invite")]
    [InlineData("dm", "not-a-did", "hello")]
    [InlineData("send", "c/#general", "")]
    [InlineData("history", "c/#general", "--limit", "0")]
    [InlineData("react", "c/#general", "0123456789", "")]
    public async Task Bad_arguments_are_refused_before_connecting(params string[] args)
    {
        // The server is unreachable: exit 2 (not 3) proves the refusal happened before any connection attempt.
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        Assert.Equal(0, (await Run("server", "add", $"http://127.0.0.1:{port}")).ExitCode);
        var result = await Run([.. args, "--seed-hex-env", "TEST_SEED", "--json"]);
        Assert.True(result.ExitCode == 2, result.Stdout + result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var code = doc.RootElement.GetProperty("error").GetProperty("code").GetString()!;
        Assert.True(code.StartsWith("cli.", StringComparison.Ordinal) || code == "client.chat.invite", code);
        Assert.False(Directory.Exists(Path.Combine(_home, "data")), "nothing was stored for a refused command");
    }
}
