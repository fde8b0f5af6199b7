using System.CommandLine;
using Harmony.Core.Rdf;

namespace Harmony.Cli.Commands;

/// <summary>
/// <c>harmony rdf parse FILE|-</c>: validates RDF 1.1 N-Quads and writes the dataset back as canonical N-Quads on
/// stdout. Unlike the other commands its result is N-Quads, not JSON, so it can be piped into other RDF tools.
/// Invalid input exits 2 with <c>line:column: message (code)</c> on stderr and nothing on stdout.
/// </summary>
internal static class RdfCommand
{
    public static Command Build()
    {
        var command = new Command("rdf", "RDF tools.");
        command.Subcommands.Add(BuildParse());
        return command;
    }

    private static Command BuildParse()
    {
        var file = new Argument<string>("file") { Description = "The N-Quads file (UTF-8) to read, or - for stdin." };
        var sort = new Option<bool>("--sort") { Description = "Sort the output statements (ordinal order of their lines), as canonical datasets are." };
        var command = new Command("parse", "Validate N-Quads and print them as canonical N-Quads (the output is N-Quads, not JSON); duplicate statements are written once.");
        command.Arguments.Add(file);
        command.Options.Add(sort);
        command.SetAction(parseResult => Parse(parseResult.GetValue(file)!, parseResult.GetValue(sort)));
        return command;
    }

    private static int Parse(string path, bool sort)
    {
        List<Quad> quads;
        try
        {
            using var input = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
            // A dataset is a set: keep the first occurrence of each statement, in input order.
            var seen = new HashSet<Quad>();
            quads = [.. NQuadsReader.Read(input).Where(seen.Add)];
        }
        catch (NQuadsSyntaxException e)
        {
            CliOutput.Message($"{e.Line}:{e.Column}: {e.Detail} ({e.Code})");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            CliOutput.Message($"error: cannot read {path}: {e.Message}");
            return ExitCodes.BadInput;
        }
        if (sort) quads.Sort((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
        using var output = Console.OpenStandardOutput();
        NQuadsWriter.Write(output, quads);
        return ExitCodes.Ok;
    }
}
