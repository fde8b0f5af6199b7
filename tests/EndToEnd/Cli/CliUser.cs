using System.Security.Cryptography;
using System.Text.Json;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.EndToEnd.Tests.Infrastructure;

namespace Harmony.EndToEnd.Tests.Cli;

/// <summary>
/// One person using the real <c>harmony</c> CLI: a fresh identity (random seed handed over in an environment
/// variable, as scripts do), their own home folder, and the server added as their default.
/// </summary>
public sealed class CliUser : IDisposable
{
    private const string SeedVariable = "HARMONY_E2E_SEED";
    private readonly Dictionary<string, string> _env;

    private CliUser(string name, string home, string seedHex, string did)
    {
        Name = name;
        Home = home;
        Did = did;
        _env = new Dictionary<string, string> { ["HARMONY_HOME"] = home, [SeedVariable] = seedHex };
    }

    /// <summary>A name for failure messages.</summary>
    public string Name { get; }

    /// <summary>The CLI home folder.</summary>
    public string Home { get; }

    /// <summary>The user's DID.</summary>
    public string Did { get; }

    /// <summary>A new user whose default server is <paramref name="server"/>.</summary>
    public static async Task<CliUser> CreateAsync(string name, ServerProcess server)
    {
        var seed = RandomNumberGenerator.GetBytes(Ed25519.SeedSize);
        string did;
        using (var key = Ed25519KeyPair.FromSeed(seed)) did = DidKey.FromEd25519(key.PublicKey).Did;
        var user = new CliUser(name, CliRunner.TempDirectory(), Convert.ToHexString(seed), did);
        var added = await CliRunner.RunAsync(["server", "add", server.BaseAddress.ToString(), "--name", "e2e"], env: user._env);
        Assert.True(added.ExitCode == 0, added.ToString());
        return user;
    }

    /// <summary>Runs <c>harmony args… --seed-hex-env</c> as this user (chat commands only: they all take the key option).</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>As <see cref="RunAsync"/>, with <paramref name="stdin"/>.</summary>
    public Task<CliResult> RunWithInputAsync(string? stdin, params string[] args) =>
        CliRunner.RunAsync([.. args, "--seed-hex-env", SeedVariable], stdin, _env);

    /// <summary>Runs with <c>--json</c>, asserts exit 0 and returns the parsed stdout.</summary>
    public async Task<JsonElement> JsonAsync(params string[] args)
    {
        var result = await RunAsync([.. args, "--json"]);
        Assert.True(result.ExitCode == 0, $"{Name}: harmony {string.Join(' ', args)} → {result}");
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.Clone();
    }

    /// <summary>Runs with <c>--json</c>, asserts exit 2 with the error <paramref name="code"/> on stdout and stderr.</summary>
    public async Task<CliResult> RefusedAsync(string code, params string[] args)
    {
        var result = await RunAsync([.. args, "--json"]);
        Assert.True(result.ExitCode == 2, $"{Name}: harmony {string.Join(' ', args)} should exit 2 → {result}");
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(code, document.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(code, result.Stderr);
        return result;
    }

    /// <summary>Starts a long-running command (e.g. <c>tail</c>) as this user.</summary>
    public SignalledCliProcess Start(params string[] args) => SignalledCliProcess.Start([.. args, "--seed-hex-env", SeedVariable], _env);

    /// <inheritdoc />
    public void Dispose()
    {
        try { Directory.Delete(Home, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
