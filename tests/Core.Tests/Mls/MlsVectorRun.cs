using System.Text.Json;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Crypto;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Mls;

/// <summary>
/// Runs every case of an mlswg test-vector file: cases of suites other than 1 and 3 are skipped explicitly and counted,
/// failures are collected with their index, and passed/total is printed.
/// </summary>
internal static class MlsVectorRun
{
    public static void ForEachSuiteCase(ITestOutputHelper output, string file, Action<CipherSuite, JsonElement> check)
    {
        using var doc = Vectors.Json("mls", file);
        var failures = new List<string>();
        int passed = 0, total = 0, skipped = 0;
        var index = 0;
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            var id = (ushort)item.GetProperty("cipher_suite").GetInt32();
            if (!CipherSuite.IsSupported(id))
            {
                skipped++;
                index++;
                continue;
            }
            total++;
            try
            {
                check(CipherSuite.FromId(id), item);
                passed++;
            }
            catch (Exception ex)
            {
                failures.Add($"case {index} (suite {id}): {ex.GetType().Name} {ex.Message}");
            }
            index++;
        }
        output.WriteLine($"{file}: suites 1 and 3 passed {passed}/{total} (skipped {skipped} cases of other suites)");
        Assert.True(total > 0, "no cases for suites 1 and 3");
        Assert.Empty(failures);
    }

    public static void ForEachCase(ITestOutputHelper output, string file, Action<JsonElement> check)
    {
        using var doc = Vectors.Json("mls", file);
        var failures = new List<string>();
        int passed = 0, total = 0;
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            try
            {
                check(item);
                passed++;
            }
            catch (Exception ex)
            {
                failures.Add($"case {total}: {ex.GetType().Name} {ex.Message}");
            }
            total++;
        }
        output.WriteLine($"{file}: passed {passed}/{total}");
        Assert.True(total > 0);
        Assert.Empty(failures);
    }

    public static byte[] Hex(this JsonElement e, string name) => Convert.FromHexString(e.GetProperty(name).GetString()!);

    public static void Equal(string what, byte[] expected, byte[] actual)
    {
        if (!expected.AsSpan().SequenceEqual(actual))
            throw new Xunit.Sdk.XunitException($"{what}: expected {Convert.ToHexStringLower(expected)} got {Convert.ToHexStringLower(actual)}");
    }

    public static void Check(bool condition, string what)
    {
        if (!condition) throw new Xunit.Sdk.XunitException(what);
    }

    public static void Throws(string code, Action action)
    {
        try
        {
            action();
        }
        catch (MlsException ex) when (ex.Code == code)
        {
            return;
        }
        throw new Xunit.Sdk.XunitException($"expected MlsException {code}");
    }
}
