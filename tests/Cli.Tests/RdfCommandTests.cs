using Xunit;

namespace Harmony.Cli.Tests;

public sealed class RdfCommandTests
{
    [Fact]
    public async Task Parse_rewrites_stdin_as_canonical_n_quads()
    {
        const string input =
            "# a comment\r\n" +
            "<http://example/s>\t<http://example/p>   \"caf\\u00E9\\u0001\"@fr  <http://example/g>.\r\n" +
            "\n" +
            "_:b1 <http://example/p> <http://example/o> . # trailing\n" +
            "_:b1 <http://example/p> <http://example/o> .\n";
        var result = await CliRunner.RunAsync(["rdf", "parse", "-"], input);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "<http://example/s> <http://example/p> \"café\\u0001\"@fr <http://example/g> .\n" +
            "_:b1 <http://example/p> <http://example/o> .\n", result.Stdout);
    }

    [Fact]
    public async Task Parse_reads_a_file_and_can_sort()
    {
        var dir = CliRunner.TempDir();
        try
        {
            var path = Path.Combine(dir, "data.nq");
            await File.WriteAllTextAsync(path, "<http://example/z> <http://example/p> \"1\" .\n<http://example/a> <http://example/p> \"2\" .\n");
            var result = await CliRunner.RunAsync(["rdf", "parse", path, "--sort"]);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("<http://example/a> <http://example/p> \"2\" .\n<http://example/z> <http://example/p> \"1\" .\n", result.Stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Invalid_input_exits_2_with_line_and_column_and_no_output()
    {
        const string input = "<http://example/s> <http://example/p> <http://example/o> .\n<http://example/s> <p> <http://example/o> .\n";
        var result = await CliRunner.RunAsync(["rdf", "parse", "-"], input);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        // Column 21 is the first character inside the brackets of the relative IRI <p>.
        Assert.StartsWith("2:21: relative IRI", result.Stderr);
        Assert.Contains("(rdf.syntax)", result.Stderr);
    }

    [Fact]
    public async Task Invalid_utf8_and_missing_files_exit_2()
    {
        var dir = CliRunner.TempDir();
        try
        {
            var path = Path.Combine(dir, "bad.nq");
            await File.WriteAllBytesAsync(path, [.. "<http://example/s> <http://example/p> \""u8, 0xC3, 0x28, .. "\" .\n"u8]);
            var bad = await CliRunner.RunAsync(["rdf", "parse", path]);
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("not valid UTF-8", bad.Stderr);
            var missing = await CliRunner.RunAsync(["rdf", "parse", Path.Combine(dir, "missing.nq")]);
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("cannot read", missing.Stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
