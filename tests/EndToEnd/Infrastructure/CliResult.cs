namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>The outcome of one <c>harmony</c> run.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Stdout">Everything written on stdout.</param>
/// <param name="Stderr">Everything written on stderr.</param>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Stdout}{Environment.NewLine}stderr:{Environment.NewLine}{Stderr}";
}
