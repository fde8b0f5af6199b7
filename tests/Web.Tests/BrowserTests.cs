using Xunit;
using Xunit.Abstractions;

namespace Harmony.Web.Tests;

/// <summary>
/// Starts a real node with a temporary data folder and runs the Chromium tests in tests/Web (node:test +
/// playwright-core with Debian's /usr/bin/chromium) against it; on failure the report holds both outputs.
/// Screenshots go to test-output/web/.
/// </summary>
public sealed class BrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Browser_scenarios_pass_against_a_real_node()
    {
        // The top-level *.test.mjs files; tests/Web/strict needs a node with small limits (below).
        var files = Directory.GetFiles(RepoPaths.BrowserTests, "*.test.mjs").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        await RunAsync(files!, settings: null);
    }

    [Fact]
    public async Task Browser_shows_rate_limits_of_a_strict_node()
    {
        await RunAsync(["strict/rate-limit.test.mjs"], new Dictionary<string, string>
        {
            ["Harmony__Gateway__ConnectionRate__Capacity"] = "20",
            ["Harmony__Gateway__ConnectionRate__TokensPerSecond"] = "2",
        });
    }

    private async Task RunAsync(string[] files, IReadOnlyDictionary<string, string>? settings)
    {
        Assert.True(File.Exists("/usr/bin/chromium") || Environment.GetEnvironmentVariable("CHROMIUM_PATH") is not null,
            "Chromium is required: apt-get install -y chromium (bash .ci/run installs it).");
        await ProcessRunner.EnsureNpmInstalledAsync(RepoPaths.BrowserTests);
        await using var node = await HarmonyNodeProcess.StartAsync(TimeSpan.FromMinutes(3), settings);
        var result = await ProcessRunner.RunAsync("node", ["--test", "--test-concurrency=1", "--test-reporter=spec", .. files], RepoPaths.BrowserTests,
            new Dictionary<string, string>
            {
                ["HARMONY_BASE_URL"] = node.BaseUrl,
                ["HARMONY_TEST_OUTPUT"] = Path.Combine(RepoPaths.Root, "test-output", "web"),
                // cli.test.mjs runs the real `harmony` CLI (built with these tests).
                ["HARMONY_CLI_DLL"] = RepoPaths.CliDll,
                ["NO_COLOR"] = "1",
            },
            timeout: TimeSpan.FromMinutes(20));
        output.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0, $"Browser tests failed:\n{result.Output}\n--- node output ---\n{node.Output}");
    }
}
