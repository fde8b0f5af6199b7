using System.Diagnostics;
using System.Globalization;
using Harmony.Core.Errors;

namespace Harmony.Cli.Chat;

/// <summary>
/// One <c>harmony</c> process at a time per SDK data directory: the SDK keeps MLS group states in memory and
/// writes them back, so two processes of the same identity on the same server would fork their groups. The lock is
/// an exclusive open of <c>cli.lock</c> (an OS file lock, released when the process ends, even on a crash); a
/// second process waits up to <see cref="ChatCliLimits.LockTimeout"/> and then fails with <c>cli.busy</c>.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of <paramref name="directory"/>, waiting up to <paramref name="timeout"/>.</summary>
    public static async Task<DataDirectoryLock> AcquireAsync(string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, "cli.lock");
        var clock = Stopwatch.StartNew();
        var announced = false;
        while (true)
        {
            try
            {
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                // The locked file cannot be read by the waiters, so the holder's pid goes beside it.
                File.WriteAllText(PidPath(directory), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                return new DataDirectoryLock(file);
            }
            catch (IOException) when (clock.Elapsed < timeout)
            {
                if (!announced)
                {
                    CliOutput.Message($"waiting for another harmony process using this identity on this server ({Holder(directory)})…");
                    announced = true;
                }
                // Waiting on another process's file lock: there is no event to wait on, so poll.
                await Task.Delay(Poll, cancellationToken);
            }
            catch (IOException)
            {
                throw new HarmonyException("cli.busy",
                    $"Another harmony process ({Holder(directory)}) is using this identity on this server (for example a running 'tail'); stop it, or use another --home.");
            }
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _file.Dispose();

    private static string PidPath(string directory) => Path.Combine(directory, "cli.pid");

    private static string Holder(string directory)
    {
        try
        {
            var pid = File.ReadAllText(PidPath(directory)).Trim();
            return pid.Length is > 0 and < 12 && pid.All(char.IsAsciiDigit) ? "pid " + pid : "pid unknown";
        }
        catch (IOException)
        {
            return "pid unknown";
        }
    }
}
