namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Two node processes forming one Orleans cluster on a fresh PostgreSQL database (ADO.NET membership, loopback), the
/// second started with a copy of the first's <c>instance-key.json</c> as docs/cluster.md says. Shared by the tests
/// of a class; the database is dropped at the end. Without <c>HARMONY_TEST_POSTGRES</c> every test of the class fails.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "harmony-e2e-cluster-" + Guid.NewGuid().ToString("N")[..12]);
    private PostgresDatabase? _database;
    private ServerProcess? _node1;
    private ServerProcess? _node2;

    /// <summary>The first node.</summary>
    public ServerProcess Node1 => _node1 ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>The second node.</summary>
    public ServerProcess Node2 => _node2 ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>How long the cluster took to start (both nodes ready).</summary>
    public TimeSpan StartTime { get; private set; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _database = await PostgresDatabase.CreateAsync();
        var settings = ServerProcessOptions.Cluster(_database.ConnectionString, "e2e-" + Guid.NewGuid().ToString("N")[..8]);
        _node1 = await ServerProcess.StartAsync(new ServerProcessOptions { Name = "node-1", Settings = settings, DataDirectory = Path.Combine(_root, "node-1") });
        var node2Data = Path.Combine(_root, "node-2");
        Directory.CreateDirectory(node2Data);
        File.Copy(Path.Combine(Node1.DataDirectory, "instance-key.json"), Path.Combine(node2Data, "instance-key.json"));
        _node2 = await ServerProcess.StartAsync(new ServerProcessOptions { Name = "node-2", Settings = settings, DataDirectory = node2Data });
        StartTime = clock.Elapsed;
    }

    /// <summary>Both nodes' state and recent output, for failure messages.</summary>
    public string Describe() => $"{_node1?.Describe()}{Environment.NewLine}{_node2?.Describe()}";

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_node2 is not null) await _node2.DisposeAsync();
        if (_node1 is not null) await _node1.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
