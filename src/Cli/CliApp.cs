using System.CommandLine;
using Harmony.Cli.Commands;
using Harmony.Core.Errors;

namespace Harmony.Cli;

/// <summary>
/// The <c>harmony</c> tool: JSON results on stdout, messages on stderr; exit 0 ok, 1 verification failed,
/// 2 bad usage or input.
/// </summary>
public static class CliApp
{
    /// <summary>Builds the command tree.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("harmony: identities, credentials, capabilities, RDF and chat for Harmony.");
        foreach (var command in CommandGroups.All()) root.Subcommands.Add(command);
        return root;
    }

    /// <summary>Parses and runs; usage errors exit 2, typed Harmony errors exit 2 with their code on stderr.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {error.Message}");
            return ExitCodes.BadInput;
        }
        try
        {
            // The default handler would turn every exception into exit 1; typed errors must reach the catch below.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (HarmonyException e)
        {
            Console.Error.WriteLine($"error [{e.Code}]: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
