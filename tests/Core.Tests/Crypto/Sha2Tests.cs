using Harmony.Core.Crypto;
using Xunit;

namespace Harmony.Core.Tests.Crypto;

public sealed class Sha2Tests
{
    /// <summary>FIPS 180-2 appendix examples for the message "abc".</summary>
    [Fact]
    public void Fips180_abc_examples()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Convert.ToHexStringLower(Sha2.Sha256("abc"u8)));
        Assert.Equal(
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            Convert.ToHexStringLower(Sha2.Sha512("abc"u8)));
    }
}
