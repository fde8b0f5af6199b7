using System.Text.Json.Nodes;

namespace Harmony.Web.Tests;

/// <summary>
/// The web client's crypto code (src/Web/test/support/interopCli.ts) bundled once with esbuild and run with node:
/// one JSON request on stdin, one JSON answer on stdout.
/// </summary>
internal static class WebInteropHarness
{
    private static readonly Lazy<Task<string>> Bundle = new(BuildAsync);

    private static async Task<string> BuildAsync()
    {
        await ProcessRunner.EnsureNpmInstalledAsync(RepoPaths.Web);
        var outFile = Path.Combine(Path.GetTempPath(), $"harmony-web-interop-{Guid.NewGuid():N}.mjs");
        var r = await ProcessRunner.RunAsync("npx",
            ["esbuild", "test/support/interopCli.ts", "--bundle", "--platform=node", "--format=esm", "--log-level=warning", "--outfile=" + outFile], RepoPaths.Web);
        if (r.ExitCode != 0) throw new InvalidOperationException("esbuild failed:\n" + r.Output);
        return outFile;
    }

    public static async Task<JsonObject> CallAsync(JsonObject request)
    {
        var script = await Bundle.Value;
        var r = await ProcessRunner.RunAsync("node", [script], RepoPaths.Web, stdin: request.ToJsonString(), timeout: TimeSpan.FromMinutes(2));
        if (r.ExitCode != 0) throw new InvalidOperationException("interop harness failed:\n" + r.Output);
        return JsonNode.Parse(r.Output)!.AsObject();
    }
}
