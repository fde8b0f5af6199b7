using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Harmony.Bench.Load;

/// <summary>A server under test, started as its own process on free loopback ports with a temporary data folder.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly List<string> _output = [];

    private ServerProcess(Process process, Uri address, string dataDirectory)
    {
        _process = process;
        Address = address;
        _dataDirectory = dataDirectory;
    }

    public Uri Address { get; }

    /// <summary>CPU time the process has used so far (user + system, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the Harmony node (<c>src/Silo</c>) with rate limits opened up for the load (logged in the report).</summary>
    public static Task<ServerProcess> StartHarmonyAsync(string dll)
    {
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("harmony-load-").FullName;
        string[] args =
        [
            $"--urls=http://127.0.0.1:{port}",
            $"--Harmony:DataDirectory={data}",
            $"--Harmony:Cluster:SiloPort={FreePort()}",
            $"--Harmony:Cluster:GatewayPort={FreePort()}",
            "--Harmony:Gateway:ConnectionRate:Capacity=1000000",
            "--Harmony:Gateway:ConnectionRate:TokensPerSecond=1000000",
            "--Harmony:Gateway:DidRate:Capacity=1000000",
            "--Harmony:Gateway:DidRate:TokensPerSecond=1000000",
            "--Logging:LogLevel:Default=Warning",
        ];
        return StartAsync(dll, args, port, data);
    }

    /// <summary>Starts the raw SignalR baseline (<c>bench/Load.Baseline</c>).</summary>
    public static Task<ServerProcess> StartBaselineAsync(string dll)
    {
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("harmony-load-raw-").FullName;
        return StartAsync(dll, [$"--urls=http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning"], port, data);
    }

    private static async Task<ServerProcess> StartAsync(string dll, string[] args, int port, string data)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"Server binary not found: {dll} (build bench/Load in Release first).");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = data, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_gcServer"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + dll);
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"), data);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitReadyAsync(TimeSpan.FromSeconds(90));
        return server;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 200) _output.RemoveAt(0);
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited) break;
            try
            {
                using var response = await http.GetAsync("readyz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        string tail;
        lock (_output) tail = string.Join(Environment.NewLine, _output.TakeLast(30));
        throw new InvalidOperationException($"The server did not become ready:{Environment.NewLine}{tail}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { }
    }
}
