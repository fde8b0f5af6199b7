using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Crypto;

/// <summary>Counts vector cases, keeps the ids of failures and prints passed/total for one file.</summary>
internal sealed class VectorTally(string file, ITestOutputHelper output)
{
    private readonly List<string> _failures = [];
    private int _total;

    public void Pass() => _total++;

    public void Fail(string caseId, string why)
    {
        _total++;
        _failures.Add($"{caseId}: {why}");
    }

    public void Check(bool ok, string caseId, string why)
    {
        if (ok) Pass();
        else Fail(caseId, why);
    }

    public int Total => _total;

    /// <summary>Prints the tally and fails with every failing case id.</summary>
    public void AssertAllPassed(int expectedTotal = -1)
    {
        output.WriteLine($"{file}: {_total - _failures.Count}/{_total} passed");
        foreach (var f in _failures) output.WriteLine("  FAIL " + f);
        Assert.Empty(_failures);
        if (expectedTotal >= 0) Assert.Equal(expectedTotal, _total);
    }
}
