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
        Assert.True(File.Exists("/usr/bin/chromium") || Environment.GetEnvironmentVariable("CHROMIUM_PATH") is not null,
            "Chromium is required: apt-get install -y chromium (bash .ci/run installs it).");
        await ProcessRunner.EnsureNpmInstalledAsync(RepoPaths.BrowserTests);
        await using var node = await HarmonyNodeProcess.StartAsync(TimeSpan.FromMinutes(3));
        var result = await ProcessRunner.RunAsync("node", ["--test", "--test-concurrency=1", "--test-reporter=spec"], RepoPaths.BrowserTests,
            new Dictionary<string, string>
            {
                ["HARMONY_BASE_URL"] = node.BaseUrl,
                ["HARMONY_TEST_OUTPUT"] = Path.Combine(RepoPaths.Root, "test-output", "web"),
                ["NO_COLOR"] = "1",
            },
            timeout: TimeSpan.FromMinutes(15));
        output.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0, $"Browser tests failed:\n{result.Output}\n--- node output ---\n{node.Output}");
    }
}
