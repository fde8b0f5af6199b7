namespace Harmony.Bench.Load;

/// <summary>Finds the server binaries built next to the load generator (same configuration).</summary>
internal static class Binaries
{
    public static (string Server, string Baseline) Locate(LoadOptions options)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Harmony.sln"))) root = root.Parent;
        string Default(string project, string assembly) =>
            root is null ? assembly + ".dll" : Path.Combine(root.FullName, project, "bin", configuration, "net10.0", assembly + ".dll");
        return (options.ServerDll ?? Default("src/Silo", "Harmony.Silo"), options.BaselineDll ?? Default("bench/Load.Baseline", "Harmony.Bench.Load.Baseline"));
    }
}
