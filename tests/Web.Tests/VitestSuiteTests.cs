using Xunit;
using Xunit.Abstractions;

namespace Harmony.Web.Tests;

/// <summary>
/// The web client's unit suite (src/Web/test: BIP-39 and did:key vectors, envelope codec, keystore, and interop with
/// the real harmony CLI) run by vitest, so `dotnet test` covers it.
/// </summary>
public sealed class VitestSuiteTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Vitest_suite_passes()
    {
        await ProcessRunner.EnsureNpmInstalledAsync(RepoPaths.Web);
        Assert.True(File.Exists(RepoPaths.CliDll), "CLI not built: " + RepoPaths.CliDll);
        var result = await ProcessRunner.RunAsync("npx", ["vitest", "run", "--reporter=verbose"], RepoPaths.Web,
            new Dictionary<string, string> { ["HARMONY_CLI_DLL"] = RepoPaths.CliDll, ["NO_COLOR"] = "1", ["CI"] = "true" });
        output.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0, "vitest failed:\n" + result.Output);
        Assert.Contains(" passed", result.Output);
    }
}
