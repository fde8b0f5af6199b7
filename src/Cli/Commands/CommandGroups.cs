using System.CommandLine;

namespace Harmony.Cli.Commands;

/// <summary>Every top-level command group of the tool, one file each.</summary>
internal static class CommandGroups
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Build();
        yield return KeysCommand.Build();
        yield return DidCommand.Build();
        yield return VcCommand.Build();
        yield return ZcapCommand.Build();
        yield return RdfCommand.Build();
        yield return MlsCommand.Build();
    }
}
