using System.CommandLine;
using Harmony.Core.Did;

namespace Harmony.Cli.Commands;

/// <summary><c>harmony did resolve DID</c>: prints the DID document, built offline (did:key only).</summary>
internal static class DidCommand
{
    public static Command Build()
    {
        var command = new Command("did", "Work with DIDs.");
        var did = new Argument<string>("did") { Description = "The DID to resolve (did:key only; resolved offline)." };
        var resolve = new Command("resolve", "Print the DID document of a did:key. Exit 2 for malformed or unsupported DIDs.") { did };
        resolve.SetAction(parse =>
        {
            CliOutput.Json(DidResolver.Resolve(parse.GetValue(did)!).ToJson());
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(resolve);
        return command;
    }
}
