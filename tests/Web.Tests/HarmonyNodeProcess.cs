using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Harmony.Web.Tests;

/// <summary>
/// A real Harmony node (the built Silo, serving the built web client) on free loopback ports with a temporary data
/// folder; its console output is kept for failure reports. Ready when it prints its listening banner.
/// </summary>
internal sealed class HarmonyNodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDirectory;

    private HarmonyNodeProcess(Process process, string dataDirectory, string baseUrl)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts a node; <paramref name="settings"/> are extra configuration values (environment form, e.g. <c>Harmony__Gateway__X</c>).</summary>
    public static async Task<HarmonyNodeProcess> StartAsync(TimeSpan timeout, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (!File.Exists(RepoPaths.SiloDll)) throw new FileNotFoundException("The node is not built.", RepoPaths.SiloDll);
        var data = Path.Combine(Path.GetTempPath(), "harmony-web-node-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var http = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(RepoPaths.SiloDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { RepoPaths.SiloDll, "--urls", $"http://127.0.0.1:{http}" }) info.ArgumentList.Add(a);
        info.Environment["Harmony__DataDirectory"] = data;
        info.Environment["Harmony__Cluster__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Harmony__Cluster__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Harmony__Cluster__ClusterId"] = "web-tests-" + http;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var node = new HarmonyNodeProcess(process, data, $"http://127.0.0.1:{http}");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null) return;
            lock (node._output) node._output.AppendLine(line);
            if (line.Contains("Harmony node listening on", StringComparison.Ordinal)) ready.TrySetResult();
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The node exited during start-up."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(timeout);
        }
        catch (Exception e)
        {
            var output = node.Output;
            await node.DisposeAsync();
            throw new InvalidOperationException($"The node did not start ({e.Message}). Output:\n{output}");
        }
        return node;
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
        catch (IOException) { /* a file still held open by a dying process; the temp folder is cleaned by the OS */ }
    }
}
