using System.Diagnostics;

namespace Harmony.Core.Tests.Interop;

/// <summary>
/// Runs a Node.js script of an interop harness under <c>tests/Interop/&lt;name&gt;</c> (its own package.json and
/// package-lock.json). Installs the locked npm packages with <c>npm ci</c> on first use. The script reads JSON on stdin
/// and writes JSON on stdout; a non-zero exit fails the test with the script's stderr.
/// </summary>
internal static class NodeRunner
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The repository's <c>tests/Interop</c> folder, found by walking up from the test binaries.</summary>
    public static string InteropRoot { get; } = FindInteropRoot();

    private static string FindInteropRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Interop");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/Interop not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs <paramref name="script"/> in harness <paramref name="harness"/> with <paramref name="stdin"/>; returns stdout.</summary>
    public static async Task<string> RunAsync(string harness, string script, string stdin, params string[] args)
    {
        var dir = Path.Combine(InteropRoot, harness);
        await EnsureInstalledAsync(dir);
        var (code, stdout, stderr) = await ExecAsync("node", dir, stdin, [script, .. args]);
        if (code != 0) throw new InvalidOperationException($"node {script} exited {code}: {stderr}");
        return stdout;
    }

    private static async Task EnsureInstalledAsync(string dir)
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(dir, "node_modules"))) return;
            var (code, stdout, stderr) = await ExecAsync("npm", dir, "", ["ci", "--no-audit", "--no-fund"]);
            if (code != 0) throw new InvalidOperationException($"npm ci in {dir} exited {code}: {stdout}\n{stderr}");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> ExecAsync(string file, string dir, string stdin, string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = dir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {Timeout}");
        }
        return (process.ExitCode, await stdoutTask, await stderrTask);
    }
}
