using System.Diagnostics;

namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A long-running <c>harmony</c> process (for example <c>harmony tail</c>): its stdout lines are collected as they
/// come, tests wait for lines with a timeout, write to its stdin, and stop it.
/// </summary>
public sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly OutputLog _stderr = new();

    private CliProcess(Process process) => _process = process;

    /// <summary>Stdout lines so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (_stdout) return [.. _stdout]; }
    }

    /// <summary>Recent stderr lines.</summary>
    public string Stderr => _stderr.ToString();

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>harmony</c> with <paramref name="args"/> and extra environment variables.</summary>
    public static CliProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, string? workingDirectory = null)
    {
        var process = new Process { StartInfo = CliRunner.StartInfo(args, env, workingDirectory), EnableRaisingEvents = true };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (cli._stdout) cli._stdout.Add(e.Data);
        };
        process.ErrorDataReceived += (_, e) => cli._stderr.Add("stderr", e.Data);
        if (!process.Start()) throw new InvalidOperationException("Could not start harmony.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Waits until some stdout line satisfies <paramref name="predicate"/> and returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout, string what = "a matching line")
    {
        string? found = null;
        await Wait.UntilAsync(() => (found = Lines.FirstOrDefault(predicate)) is not null, timeout, what + " on harmony's stdout",
            () => $"stdout:{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}{Environment.NewLine}stderr:{Environment.NewLine}{Stderr}");
        return found!;
    }

    /// <summary>Writes one line to the process's stdin.</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Closes stdin and waits for the process to exit; returns its exit code (killed after <paramref name="timeout"/>).</summary>
    public async Task<int> CloseInputAndWaitAsync(TimeSpan timeout)
    {
        _process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { await StopAsync(); }
        return _process.ExitCode;
    }

    /// <summary>Kills the process (tree) if it still runs.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}
