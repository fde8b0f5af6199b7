namespace Harmony.Web.Tests;

/// <summary>Locations in the repository and of the built node and CLI (same configuration as these tests).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Web => Path.Combine(Root, "src", "Web");

    public static string BrowserTests => Path.Combine(Root, "tests", "Web");

    // Tests run from tests/Web.Tests/bin/<Configuration>/<tfm>/: the node and CLI are in the same layout under src/.
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string Tfm => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;

    public static string SiloDll => Path.Combine(Root, "src", "Silo", "bin", Configuration, Tfm, "Harmony.Silo.dll");

    public static string CliDll => Path.Combine(Root, "src", "Cli", "bin", Configuration, Tfm, "harmony.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harmony.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Harmony.sln not found above " + AppContext.BaseDirectory);
    }
}
