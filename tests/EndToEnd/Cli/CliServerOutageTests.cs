using System.Text.Json;
using Harmony.EndToEnd.Tests.Infrastructure;

namespace Harmony.EndToEnd.Tests.Cli;

/// <summary>The CLI when its server goes away: exit 3 with a clear message, nothing half-done, and back to normal once the node is up again.</summary>
public sealed class CliServerOutageTests
{
    [Fact]
    public async Task A_stopped_server_gives_exit_3_and_the_cli_carries_on_once_it_is_back()
    {
        await using var server = await ServerProcess.StartAsync(new ServerProcessOptions { Name = "cli-outage" });
        using var alice = await CliUser.CreateAsync("alice", server);
        await alice.JsonAsync("community", "create", "Outage");
        var before = (await alice.JsonAsync("send", "Outage/#general", "before the outage")).GetProperty("id").GetString()!;

        await server.KillAsync();
        var down = await alice.RunAsync("send", "Outage/#general", "while down", "--json");
        Assert.True(down.ExitCode == 3, down.ToString());
        Assert.Contains("cannot be reached", down.Stderr);
        using (var error = JsonDocument.Parse(down.Stdout))
            Assert.Equal("cli.unavailable", error.RootElement.GetProperty("error").GetProperty("code").GetString());

        await server.StartAgainAsync();
        var after = (await alice.JsonAsync("send", "Outage/#general", "after the outage")).GetProperty("id").GetString()!;
        var history = (await alice.JsonAsync("history", "Outage/#general")).EnumerateArray().ToList();
        Assert.Equal([before, after], history.Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(["before the outage", "after the outage"], history.Select(m => m.GetProperty("text").GetString()));
    }
}
