using System.Diagnostics;

namespace Harmony.Cli.Tests;

/// <summary>Runs the built <c>harmony</c> tool as a real process (the way people and scripts use it).</summary>
internal static class CliRunner
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "harmony.dll");

    /// <summary>The result of one run.</summary>
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs <c>harmony</c> with <paramref name="args"/>, optional stdin and extra environment variables.</summary>
    public static async Task<Result> RunAsync(IEnumerable<string> args, string? stdin = null, IDictionary<string, string>? env = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) info.Environment[k] = v;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start harmony");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A fresh temporary directory removed by the caller.</summary>
    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "harmony-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
