using System.Diagnostics;
using System.Text;

namespace Harmony.Web.Tests;

/// <summary>Runs a command to completion with a timeout, capturing stdout and stderr together.</summary>
internal static class ProcessRunner
{
    /// <summary>The result of one run.</summary>
    public sealed record Result(int ExitCode, string Output);

    private static readonly SemaphoreSlim NpmLock = new(1, 1);

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, string workingDirectory, IDictionary<string, string>? env = null, string? stdin = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) info.Environment[k] = v;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            lock (output) return new Result(-1, output + $"\n[timed out after {timeout}]");
        }
        process.WaitForExit();
        lock (output) return new Result(process.ExitCode, output.ToString());
    }

    /// <summary>Installs a folder's locked npm packages once (when node_modules is missing).</summary>
    public static async Task EnsureNpmInstalledAsync(string dir)
    {
        await NpmLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(dir, "node_modules"))) return;
            var r = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], dir);
            if (r.ExitCode != 0) throw new InvalidOperationException($"npm ci in {dir} failed:\n{r.Output}");
        }
        finally
        {
            NpmLock.Release();
        }
    }
}
