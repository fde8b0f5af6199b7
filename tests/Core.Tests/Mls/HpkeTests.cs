using Harmony.Core.Mls;
using Harmony.Core.Mls.Crypto;
using Xunit;

namespace Harmony.Core.Tests.Mls;

/// <summary>RFC 9180 Appendix A.1 (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM), base mode.</summary>
public sealed class HpkeTests
{
    private static readonly byte[] Info = Convert.FromHexString("4f6465206f6e2061204772656369616e2055726e");
    private static readonly byte[] SkRm = Convert.FromHexString("4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8");
    private static readonly byte[] Enc = Convert.FromHexString("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431");
    private static readonly Hpke Hpke = new(AeadAlgorithm.Aes128Gcm);

    [Fact]
    public void OpensTheRfcSequenceZeroCiphertext()
    {
        var plaintext = Hpke.Open(Enc, SkRm, Info, Convert.FromHexString("436f756e742d30"),
            Convert.FromHexString("f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a"));
        Assert.Equal("4265617574792069732074727574682c20747275746820626561757479", Convert.ToHexStringLower(plaintext));
    }

    [Theory]
    [InlineData("", "3853fe2b4035195a573ffc53856e77058e15d9ea064de3e59f4961d0095250ee")]
    [InlineData("00", "2e8f0b54673c7029649d4eb9d5e33bf1872cf76d623ff164ac185da9e88c21a5")]
    [InlineData("54657374436f6e74657874", "e9e43065102c3836401bed8c3c3c75ae46be1639869391d62c61f1ec7af54931")]
    public void ExportsMatchTheRfc(string context, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(Hpke.SetupReceiverAndExport(Enc, SkRm, Info, Convert.FromHexString(context), 32)));
    }

    [Fact]
    public void SenderAndReceiverExportAgree()
    {
        var pair = Hpke.GenerateKeyPair();
        var (enc, exported) = Hpke.SetupSenderAndExport(pair.PublicKey, "info"u8, "ctx"u8, 32);
        Assert.Equal(exported, Hpke.SetupReceiverAndExport(enc, pair.PrivateKey, "info"u8, "ctx"u8, 32));
    }

    [Fact]
    public void WrongKemOutputLengthIsRejected()
    {
        var ex = Assert.Throws<MlsException>(() => Hpke.Open(new byte[31], SkRm, Info, [], new byte[32]));
        Assert.Equal("mls.hpke", ex.Code);
    }
}
