using System.Diagnostics;

namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the built <c>harmony</c> CLI (<c>dotnet harmony.dll</c>) as a real process, to completion.</summary>
public static class CliRunner
{
    /// <summary>
    /// Runs <c>harmony</c> with <paramref name="args"/>, optional <paramref name="stdin"/> (then closed) and extra
    /// environment variables, and waits for it to exit (killed after <paramref name="timeout"/>, default 2 minutes).
    /// </summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, string? stdin = null, IReadOnlyDictionary<string, string>? env = null,
        string? workingDirectory = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(StartInfo(args, env, workingDirectory)) ?? throw new InvalidOperationException("Could not start harmony.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"harmony {string.Join(' ', args)} did not exit within {timeout ?? TimeSpan.FromMinutes(2)}.{Environment.NewLine}{await stdout}{Environment.NewLine}{await stderr}");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The start information for <c>dotnet harmony.dll args…</c> (stdin, stdout and stderr redirected).</summary>
    internal static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string>? env, string? workingDirectory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(HarmonyBinaries.Cli);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_NOLOGO"] = "1";
        if (env is not null) foreach (var (k, v) in env) info.Environment[k] = v;
        return info;
    }

    /// <summary>A fresh temporary folder (the caller deletes it).</summary>
    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "harmony-e2e-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
