using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real built node (<c>dotnet Harmony.Silo.dll</c>) as a child process on free loopback ports (HTTP, silo,
/// Orleans gateway) with its own data folder. It is ready once <c>/readyz</c> answers 200; its stdout and stderr are
/// kept for failure messages. It can be killed hard, stopped gracefully and started again on the same ports and data.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly ServerProcessOptions _options;
    private readonly string? _ownedRoot;
    private readonly int _siloPort = FreePort();
    private readonly int _gatewayPort = FreePort();
    private readonly HttpClient _http;
    private Process? _process;
    private int _starts;

    private ServerProcess(ServerProcessOptions options)
    {
        _options = options;
        if (options.DataDirectory is null)
        {
            _ownedRoot = Path.Combine(Path.GetTempPath(), "harmony-e2e-" + Guid.NewGuid().ToString("N")[..12]);
            DataDirectory = Path.Combine(_ownedRoot, "data");
        }
        else
        {
            DataDirectory = Path.GetFullPath(options.DataDirectory);
        }
        Directory.CreateDirectory(DataDirectory);
        HttpPort = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/");
        _http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>The node's HTTP port on 127.0.0.1 (kept across restarts).</summary>
    public int HttpPort { get; }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The origin clients sign at login (<c>http://127.0.0.1:&lt;port&gt;</c>).</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>The node's data folder (SQLite files, <c>instance-key.json</c>).</summary>
    public string DataDirectory { get; }

    /// <summary>The process's recent output, across restarts.</summary>
    public OutputLog Output { get; } = new();

    /// <summary>Whether the process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a node and waits until it is ready.</summary>
    public static async Task<ServerProcess> StartAsync(ServerProcessOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new ServerProcess(options ?? new ServerProcessOptions());
        try
        {
            await server.LaunchAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the process tree at once (no shutdown hooks run: a crash).</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process || process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Output.Add(_options.Name, "--- killed ---");
    }

    /// <summary>Asks the process to stop (SIGTERM, a graceful shutdown) and waits; kills it after <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process is not { } process || process.HasExited) return;
        if (OperatingSystem.IsWindows() || Kill(process.Id, SigTerm) != 0)
        {
            await KillAsync();
            return;
        }
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(cts.Token);
            Output.Add(_options.Name, $"--- stopped (exit code {process.ExitCode}) ---");
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    /// <summary>Starts the stopped or killed node again on the same ports with the same data and settings.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning) throw new InvalidOperationException($"{_options.Name} is still running.");
        await LaunchAsync(cancellationToken);
    }

    /// <summary>Whether <c>/healthz</c> answers 200 now.</summary>
    public async Task<bool> IsHealthyAsync()
    {
        try
        {
            using var response = await _http.GetAsync("healthz");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>A message naming the node, its state and its recent output, for assertions.</summary>
    public string Describe() =>
        $"{_options.Name} at {BaseAddress} ({(IsRunning ? "running" : "not running")}, data {DataDirectory}); recent output:{Environment.NewLine}{Output}";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _process = null;
        _http.Dispose();
        if (_ownedRoot is not null)
        {
            try { Directory.Delete(_ownedRoot, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            // ./data-style relative paths of the node resolve here; the data folder itself is given explicitly.
            WorkingDirectory = Path.GetDirectoryName(DataDirectory) ?? DataDirectory,
        };
        info.ArgumentList.Add(HarmonyBinaries.Server);
        foreach (var inherited in info.Environment.Keys.Where(k => k.StartsWith("Harmony__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(inherited);
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.GetLeftPart(UriPartial.Authority);
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // Workstation GC: several nodes share a 2-core test machine.
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_NOLOGO"] = "1";
        var settings = new Dictionary<string, string>
        {
            ["Harmony:DataDirectory"] = DataDirectory,
            ["Harmony:Cluster:SiloPort"] = _siloPort.ToString(),
            ["Harmony:Cluster:GatewayPort"] = _gatewayPort.ToString(),
        };
        foreach (var (key, value) in _options.Settings) settings[key] = value;
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        _process?.Dispose();
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var name = _options.Name + (++_starts > 1 ? $"#{_starts}" : "");
        process.OutputDataReceived += (_, e) => Output.Add(name, e.Data);
        process.ErrorDataReceived += (_, e) => Output.Add(name + " err", e.Data);
        if (!process.Start()) throw new InvalidOperationException("Could not start " + info.FileName);
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitReadyAsync(process, cancellationToken);
    }

    private async Task WaitReadyAsync(Process process, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
                throw new InvalidOperationException($"{_options.Name} exited with code {process.ExitCode} before it was ready.{Environment.NewLine}{Output}");
            try
            {
                using var response = await _http.GetAsync("readyz", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > _options.StartTimeout)
            {
                await KillAsync();
                throw new TimeoutException($"{_options.Name} was not ready within {_options.StartTimeout}.{Environment.NewLine}{Output}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>A free TCP port on the loopback interface (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
