using Harmony.Core.Crypto;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Crypto;

public sealed class HkdfTests(ITestOutputHelper output)
{
    /// <summary>Wycheproof hkdf_sha256_test.json: valid sizes must give okm; SizeTooLarge (&gt; 255·32) must be refused.</summary>
    [Fact]
    public void Wycheproof_every_case()
    {
        using var doc = Vectors.Json("wycheproof", "hkdf_sha256_test.json");
        var tally = new VectorTally("hkdf_sha256_test.json", output);
        foreach (var group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
        foreach (var test in group.GetProperty("tests").EnumerateArray())
        {
            var id = "tcId " + test.GetProperty("tcId").GetInt32();
            var ikm = Vectors.Hex(test.GetProperty("ikm").GetString()!);
            var salt = Vectors.Hex(test.GetProperty("salt").GetString()!);
            var info = Vectors.Hex(test.GetProperty("info").GetString()!);
            var size = test.GetProperty("size").GetInt32();
            var valid = test.GetProperty("result").GetString() == "valid";
            string? okm;
            try
            {
                using var derived = Hkdf.DeriveKey(ikm, salt, info, size);
                okm = Convert.ToHexStringLower(derived.Span);
            }
            catch (CryptoException e) when (e.Code == "crypto.hkdf_length")
            {
                okm = null;
            }
            if (valid) tally.Check(okm == test.GetProperty("okm").GetString(), id, okm is null ? "refused" : "okm differs");
            else tally.Check(okm is null, id, "oversized output accepted");
        }
        tally.AssertAllPassed(doc.RootElement.GetProperty("numberOfTests").GetInt32());
    }

    /// <summary>RFC 5869 appendix A (SHA-256 cases), checking PRK from extract and OKM from expand separately.</summary>
    [Fact]
    public void Rfc5869_extract_and_expand()
    {
        var tally = new VectorTally("rfc5869-hkdf-sha256.txt", output);
        foreach (var (count, f) in PycaVectors.Parse(Vectors.Text("rfc-pyca", "rfc5869-hkdf-sha256.txt")))
        {
            using var prk = Hkdf.Extract(Vectors.Hex(f["salt"]), Vectors.Hex(f["IKM"]));
            using var okm = Hkdf.Expand(prk.Span, Vectors.Hex(f["info"]), int.Parse(f["L"], System.Globalization.CultureInfo.InvariantCulture));
            using var derived = Hkdf.DeriveKey(Vectors.Hex(f["IKM"]), Vectors.Hex(f["salt"]), Vectors.Hex(f["info"]), okm.Length);
            var ok = Convert.ToHexStringLower(prk.Span) == f["PRK"] && Convert.ToHexStringLower(okm.Span) == f["OKM"] && derived.Equals(okm);
            tally.Check(ok, "COUNT " + count, "PRK or OKM differs");
        }
        tally.AssertAllPassed(3);
    }

    [Fact]
    public void Length_limits_are_enforced()
    {
        using var max = Hkdf.DeriveKey("ikm"u8, "salt"u8, "info"u8, Hkdf.MaxOutputLength);
        Assert.Equal(8160, max.Length);
        Assert.Equal("crypto.hkdf_length", Assert.Throws<CryptoException>(() => Hkdf.DeriveKey("ikm"u8, default, default, 8161)).Code);
        Assert.Equal("crypto.hkdf_length", Assert.Throws<CryptoException>(() => Hkdf.Expand(new byte[32], default, -1)).Code);
        Assert.Equal("crypto.hkdf_prk", Assert.Throws<CryptoException>(() => Hkdf.Expand(new byte[31], default, 10)).Code);
    }
}
