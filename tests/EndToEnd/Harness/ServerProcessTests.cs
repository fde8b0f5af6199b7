using System.Net;
using Harmony.EndToEnd.Tests.Infrastructure;

namespace Harmony.EndToEnd.Tests.Harness;

/// <summary>The harness itself: the real node binary starts, survives a hard kill with its data, and stops cleanly.</summary>
public sealed class ServerProcessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Node_starts_is_killed_and_starts_again_on_the_same_port_and_data()
    {
        await using var server = await ServerProcess.StartAsync(new ServerProcessOptions { Name = "harness" });
        Assert.True(await server.IsHealthyAsync(), server.Describe());
        var keyFile = Path.Combine(server.DataDirectory, "instance-key.json");
        Assert.True(File.Exists(keyFile), server.Describe());
        var instanceKey = await File.ReadAllTextAsync(keyFile);

        await server.KillAsync();
        Assert.False(server.IsRunning);
        Assert.False(await server.IsHealthyAsync());

        await server.StartAgainAsync();
        Assert.True(await server.IsHealthyAsync(), server.Describe());
        Assert.Equal(instanceKey, await File.ReadAllTextAsync(keyFile));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("readyz")).StatusCode);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await server.StopAsync();
        Assert.False(server.IsRunning);
        output.WriteLine($"graceful stop took {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine(server.Output.ToString());
        Assert.True(server.Output.Contains("stopped (exit code 0)"), server.Describe());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"graceful stop took {clock.Elapsed}");
    }

    [Fact]
    public async Task Cli_runs_as_a_process()
    {
        var result = await CliRunner.RunAsync(["--version"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(string.IsNullOrWhiteSpace(result.Stdout), result.ToString());
    }
}
