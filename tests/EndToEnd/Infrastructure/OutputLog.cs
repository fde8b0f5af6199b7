namespace Harmony.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The last lines a child process wrote on stdout and stderr (bounded), for failure messages.
/// </summary>
public sealed class OutputLog
{
    private readonly Queue<string> _lines = new();
    private readonly int _capacity;

    /// <summary>Keeps at most <paramref name="capacity"/> lines.</summary>
    public OutputLog(int capacity = 400) => _capacity = capacity;

    /// <summary>Appends one line (null lines, sent when a stream closes, are ignored).</summary>
    public void Add(string source, string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _lines.Enqueue($"[{source}] {line}");
            while (_lines.Count > _capacity) _lines.Dequeue();
        }
    }

    /// <summary>Whether any kept line contains <paramref name="text"/>.</summary>
    public bool Contains(string text)
    {
        lock (_lines) return _lines.Any(l => l.Contains(text, StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public override string ToString()
    {
        lock (_lines) return string.Join(Environment.NewLine, _lines);
    }
}
