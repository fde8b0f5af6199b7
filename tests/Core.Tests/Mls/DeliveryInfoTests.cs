using Harmony.Core.Crypto;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Xunit;

namespace Harmony.Core.Tests.Mls;

public sealed class DeliveryInfoTests
{
    [Fact]
    public void RoutingFactsAreReadWithoutKeys()
    {
        var suite = CipherSuite.FromId(3);
        using var key = Ed25519KeyPair.Generate();
        var bundle = KeyPackageBundle.Create(suite, Credential.Basic("a"u8.ToArray()), key.ExportSeed(), DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromDays(1));
        var group = MlsGroup.Create(suite, "channel-7"u8.ToArray(), bundle);
        var commit = group.Commit(forceUpdatePath: true);
        var info = DeliveryInfo.Read(commit.Commit.ToBytes());
        Assert.Equal(WireFormat.PublicMessage, info.WireFormat);
        Assert.True(info.IsCommit);
        Assert.Equal(0ul, info.Epoch);
        Assert.Equal("channel-7"u8.ToArray(), info.GroupId);
        Assert.Equal(Sender.Member(0), info.Sender);

        group.MergePendingCommit();
        var app = DeliveryInfo.Read(group.EncryptApplication("x"u8).ToBytes());
        Assert.Equal(WireFormat.PrivateMessage, app.WireFormat);
        Assert.Equal(ContentType.Application, app.ContentType);
        Assert.Equal(1ul, app.Epoch);
        Assert.Null(app.Sender);

        Assert.Equal(WireFormat.KeyPackage, DeliveryInfo.Read(new MlsMessage { WireFormat = WireFormat.KeyPackage, KeyPackage = bundle.KeyPackage }.ToBytes()).WireFormat);
        var ex = Assert.Throws<MlsException>(() => DeliveryInfo.Read([0, 1, 0, 9]));
        Assert.Equal("mls.codec.invalid_value", ex.Code);
    }
}
