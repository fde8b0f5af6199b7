using System.Reflection;

namespace Harmony.Grains.Storage.Schema;

/// <summary>
/// The set-up scripts embedded in this assembly (<c>Storage/Schema/&lt;Dialect&gt;/*.sql</c>), in the order they run.
/// </summary>
public static class SchemaScripts
{
    private const string ResourcePrefix = "Harmony.Schema.";

    /// <summary>The scripts for <paramref name="kind"/>, ordered by file name.</summary>
    public static IReadOnlyList<SchemaScript> For(DatabaseKind kind)
    {
        var folder = kind switch
        {
            DatabaseKind.Sqlite => "Sqlite/",
            DatabaseKind.Postgres => "Postgres/",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var assembly = typeof(SchemaScripts).Assembly;
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // %(RecursiveDir) uses the build machine's separator.
            var name = resource.Replace('\\', '/');
            if (!name.StartsWith(ResourcePrefix + folder, StringComparison.Ordinal))
            {
                continue;
            }

            scripts.Add(new SchemaScript(name[(ResourcePrefix.Length + folder.Length)..], Read(assembly, resource)));
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No embedded schema scripts for {kind}.");
        }

        scripts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return scripts;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
