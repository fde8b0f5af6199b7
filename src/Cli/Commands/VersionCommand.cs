using System.CommandLine;
using System.Reflection;

namespace Harmony.Cli.Commands;

/// <summary><c>harmony version</c>.</summary>
internal static class VersionCommand
{
    public static Command Build()
    {
        var command = new Command("version", "Print the tool's version.");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
            CliOutput.Json(new { version });
            return ExitCodes.Ok;
        });
        return command;
    }
}
