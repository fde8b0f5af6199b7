using System.CommandLine;
using Harmony.Cli.Commands.Chat;

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
        yield return WhoamiCommand.Build();
        yield return ServerCommand.Build();
        yield return ProfileCommand.Build();
        yield return CommunityCommand.Build();
        yield return ChannelCommand.Build();
        yield return SendCommand.Build();
        yield return TailCommand.Build();
        yield return HistoryCommand.Build();
        yield return DmCommand.Build();
        yield return ReactCommand.Build();
        yield return EditCommand.Build();
        yield return DeleteCommand.Build();
        yield return ThreadCommand.Build();
    }
}
