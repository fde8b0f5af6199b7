using System.Diagnostics;
using System.Runtime.InteropServices;
using Harmony.EndToEnd.Tests.Infrastructure;

namespace Harmony.EndToEnd.Tests.Cli;

/// <summary>
/// A long-running <c>harmony</c> process (such as <c>tail</c>) whose stdout and stderr lines are collected, and
/// which can be interrupted the way a person does it: SIGINT, as Ctrl-C sends.
/// </summary>
public sealed class SignalledCliProcess : IAsyncDisposable
{
    private const int SigInt = 2;
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];

    private SignalledCliProcess(Process process) => _process = process;

    /// <summary>Stdout lines so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (_stdout) return [.. _stdout]; }
    }

    /// <summary>Stderr lines so far.</summary>
    public IReadOnlyList<string> ErrorLines
    {
        get { lock (_stderr) return [.. _stderr]; }
    }

    /// <summary>Starts <c>harmony args…</c> with extra environment variables.</summary>
    public static SignalledCliProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string> env)
    {
        var process = new Process { StartInfo = CliRunner.StartInfo(args, env, null), EnableRaisingEvents = true };
        var cli = new SignalledCliProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (cli._stdout) cli._stdout.Add(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (cli._stderr) cli._stderr.Add(e.Data);
        };
        if (!process.Start()) throw new InvalidOperationException("Could not start harmony.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Everything seen so far, for failure messages.</summary>
    public string Describe() =>
        $"exited: {_process.HasExited}{Environment.NewLine}stdout:{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}{Environment.NewLine}stderr:{Environment.NewLine}{string.Join(Environment.NewLine, ErrorLines)}";

    /// <summary>Waits until a stderr line satisfies <paramref name="predicate"/> (fails early if the process exits).</summary>
    public async Task WaitForErrorLineAsync(Func<string, bool> predicate, TimeSpan timeout, string what)
    {
        await Wait.UntilAsync(() => ErrorLines.Any(predicate) || _process.HasExited, timeout, what, Describe);
        Assert.True(ErrorLines.Any(predicate), $"harmony exited before {what}: {Describe()}");
    }

    /// <summary>Waits until a stdout line satisfies <paramref name="predicate"/> and returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout, string what)
    {
        string? found = null;
        await Wait.UntilAsync(() => (found = Lines.FirstOrDefault(predicate)) is not null || _process.HasExited, timeout, what, Describe);
        Assert.True(found is not null, $"harmony exited before {what}: {Describe()}");
        return found!;
    }

    /// <summary>Writes one line to the process's stdin.</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Sends SIGINT (Ctrl-C) and waits for the exit code (killed after <paramref name="timeout"/>).</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        if (!_process.HasExited) Assert.Equal(0, Kill(_process.Id, SigInt));
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            Assert.Fail($"harmony did not stop within {timeout} of SIGINT: {Describe()}");
        }
        return _process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
