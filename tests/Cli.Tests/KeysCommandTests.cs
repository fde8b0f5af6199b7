using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using NSec.Cryptography;
using Xunit;

namespace Harmony.Cli.Tests;

public sealed class KeysCommandTests : IDisposable
{
    private const string Abandon12 = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    private readonly string _dir = CliRunner.TempDir();
    private static readonly Dictionary<string, string> Env = new() { ["HARMONY_TEST_PASS"] = "correct horse" };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// The DID predicted by docs/identity.md, computed here without Harmony code: PBKDF2-HMAC-SHA512 seed, first 32
    /// bytes as the Ed25519 seed (NSec), multicodec 0xed 0x01, base58btc.
    /// </summary>
    private static string PredictedDid(string phrase)
    {
        var seed = Rfc2898DeriveBytes.Pbkdf2(System.Text.Encoding.UTF8.GetBytes(phrase), "mnemonic"u8.ToArray(), 2048, HashAlgorithmName.SHA512, 64);
        using var key = Key.Import(SignatureAlgorithm.Ed25519, seed.AsSpan(0, 32), KeyBlobFormat.RawPrivateKey);
        byte[] bytes = [0xed, 0x01, .. key.PublicKey.Export(KeyBlobFormat.RawPublicKey)];
        const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        var n = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var chars = new List<char>();
        for (; n > 0; n /= 58) chars.Add(alphabet[(int)(n % 58)]);
        chars.Reverse();
        return "did:key:z" + new string([.. chars]);
    }

    [Fact]
    public async Task Restore_prints_the_predicted_did_and_show_agrees()
    {
        var keystore = Path.Combine(_dir, "restored.json");
        var restore = await CliRunner.RunAsync(["keys", "restore", "--keystore", keystore, "--passphrase-env", "HARMONY_TEST_PASS"], Abandon12 + "\n", Env);
        Assert.True(restore.ExitCode == 0, restore.Stderr);
        var expected = PredictedDid(Abandon12);
        using (var doc = JsonDocument.Parse(restore.Stdout))
            Assert.Equal(expected, doc.RootElement.GetProperty("did").GetString());
        Assert.DoesNotContain("abandon", restore.Stdout + restore.Stderr);

        var show = await CliRunner.RunAsync(["keys", "show", "--keystore", keystore, "--passphrase-env", "HARMONY_TEST_PASS"], env: Env);
        Assert.True(show.ExitCode == 0, show.Stderr);
        using var shown = JsonDocument.Parse(show.Stdout);
        Assert.Equal(expected, shown.RootElement.GetProperty("did").GetString());
        Assert.StartsWith(expected + "#z6LS", shown.RootElement.GetProperty("keyAgreement").GetString());
    }

    [Fact]
    public async Task New_then_show_round_trip_and_the_phrase_restores_the_same_did()
    {
        var keystore = Path.Combine(_dir, "new.json");
        var created = await CliRunner.RunAsync(["keys", "new", "--keystore", keystore, "--passphrase-env", "HARMONY_TEST_PASS"], env: Env);
        Assert.True(created.ExitCode == 0, created.Stderr);
        using var doc = JsonDocument.Parse(created.Stdout);
        var did = doc.RootElement.GetProperty("did").GetString()!;
        Assert.StartsWith("did:key:z6Mk", did);
        Assert.Equal(Path.GetFullPath(keystore), doc.RootElement.GetProperty("keystore").GetString());
        Assert.Contains("WARNING", created.Stderr);
        var phrase = created.Stderr.Split('\n').Select(l => l.Trim()).Single(l => l.Split(' ').Length == 24);
        Assert.DoesNotContain(phrase, created.Stdout);
        Assert.Equal(did, PredictedDid(phrase));

        var show = await CliRunner.RunAsync(["keys", "show", "--keystore", keystore, "--passphrase-env", "HARMONY_TEST_PASS"], env: Env);
        Assert.True(show.ExitCode == 0, show.Stderr);
        using var shown = JsonDocument.Parse(show.Stdout);
        Assert.Equal(did, shown.RootElement.GetProperty("did").GetString());

        var again = await CliRunner.RunAsync(["keys", "new", "--keystore", keystore, "--passphrase-env", "HARMONY_TEST_PASS"], env: Env);
        Assert.Equal(2, again.ExitCode);
    }

    [Fact]
    public async Task Twelve_words_on_request()
    {
        var keystore = Path.Combine(_dir, "twelve.json");
        var created = await CliRunner.RunAsync(["keys", "new", "--words", "12", "--keystore", keystore, "--passphrase-env", "HARMONY_TEST_PASS"], env: Env);
        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Single(created.Stderr.Split('\n'), l => l.Trim().Split(' ').Length == 12);
        var bad = await CliRunner.RunAsync(["keys", "new", "--words", "13", "--keystore", Path.Combine(_dir, "x.json"), "--passphrase-env", "HARMONY_TEST_PASS"], env: Env);
        Assert.Equal(2, bad.ExitCode);
    }

    [Fact]
    public async Task Wrong_passphrase_exits_2()
    {
        var keystore = Path.Combine(_dir, "locked.json");
        var restore = await CliRunner.RunAsync(["keys", "restore", "--keystore", keystore, "--passphrase-env", "HARMONY_TEST_PASS"], Abandon12, Env);
        Assert.Equal(0, restore.ExitCode);
        var show = await CliRunner.RunAsync(["keys", "show", "--keystore", keystore, "--passphrase-env", "WRONG_PASS"], env: new Dictionary<string, string> { ["WRONG_PASS"] = "incorrect horse" });
        Assert.Equal(2, show.ExitCode);
        Assert.Contains("keystore.passphrase", show.Stderr);
        Assert.Equal("", show.Stdout);
    }

    [Fact]
    public async Task Invalid_recovery_phrase_exits_2()
    {
        var result = await CliRunner.RunAsync(["keys", "restore", "--keystore", Path.Combine(_dir, "bad.json"), "--passphrase-env", "HARMONY_TEST_PASS"],
            Abandon12.Replace("about", "above", StringComparison.Ordinal), Env);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bip39.checksum", result.Stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "bad.json")));
    }

    [Fact]
    public async Task No_terminal_and_no_passphrase_env_exits_2()
    {
        var result = await CliRunner.RunAsync(["keys", "show", "--keystore", Path.Combine(_dir, "none.json")], stdin: "");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--passphrase-env", result.Stderr);
    }
}
