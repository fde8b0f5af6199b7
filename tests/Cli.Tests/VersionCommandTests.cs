using System.Text.Json;
using Xunit;

namespace Harmony.Cli.Tests;

public sealed class VersionCommandTests
{
    [Fact]
    public async Task Version_prints_json_and_exits_zero()
    {
        var result = await CliRunner.RunAsync(["version"]);
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Unknown_command_is_bad_usage()
    {
        var result = await CliRunner.RunAsync(["no-such-command"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
    }
}
