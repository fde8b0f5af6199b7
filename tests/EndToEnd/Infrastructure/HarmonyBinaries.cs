namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Where the built node (<c>Harmony.Silo.dll</c>) and CLI (<c>harmony.dll</c>) are. The build records their paths in
/// <c>harmony-binaries.txt</c> beside the test assembly (see EndToEnd.csproj); without it (a foreign build layout) the
/// repository's <c>src/&lt;project&gt;/bin/&lt;configuration&gt;/</c> folders are searched.
/// </summary>
public static class HarmonyBinaries
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Recorded = new(ReadRecorded);

    /// <summary>The node's entry dll, run with <c>dotnet &lt;path&gt;</c>.</summary>
    public static string Server => Find("Silo.csproj", "Silo", "Harmony.Silo.dll");

    /// <summary>The CLI's entry dll, run with <c>dotnet &lt;path&gt;</c>.</summary>
    public static string Cli => Find("Cli.csproj", "Cli", "harmony.dll");

    private static string Find(string projectFile, string projectFolder, string dll)
    {
        if (Recorded.Value.TryGetValue(projectFile, out var recorded) && File.Exists(recorded)) return recorded;
        var root = RepositoryRoot();
        var candidates = root is null ? [] : Directory.Exists(Path.Combine(root, "src", projectFolder, "bin"))
            ? Directory.GetFiles(Path.Combine(root, "src", projectFolder, "bin"), dll, SearchOption.AllDirectories)
            : [];
        // Prefer the build of this test assembly's configuration, then the newest.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name;
        var found = candidates
            .Where(p => File.Exists(Path.ChangeExtension(p, ".runtimeconfig.json")))
            .OrderByDescending(p => configuration is not null && p.Contains(Path.DirectorySeparatorChar + configuration + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ThenByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
        return found ?? throw new FileNotFoundException(
            $"{dll} was not found (neither recorded in harmony-binaries.txt nor under src/{projectFolder}/bin). Build the solution first.");
    }

    private static IReadOnlyDictionary<string, string> ReadRecorded()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "harmony-binaries.txt");
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(file)) return map;
        foreach (var line in File.ReadAllLines(file))
        {
            var eq = line.IndexOf('=');
            if (eq <= 0) continue;
            map[Path.GetFileName(line[..eq])] = line[(eq + 1)..];
        }
        return map;
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harmony.sln"))) return dir.FullName;
        }
        return null;
    }
}
