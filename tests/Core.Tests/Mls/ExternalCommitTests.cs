using Harmony.Core.Crypto;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Xunit;

using static Harmony.Core.Tests.Mls.MlsTestMembers;

namespace Harmony.Core.Tests.Mls;

public sealed class ExternalCommitTests
{
    [Theory]
    [InlineData((ushort)1)]
    [InlineData((ushort)3)]
    public void JoinerAndMembersAgreeAndResyncReplacesTheOldLeaf(ushort suiteId)
    {
        var suite = CipherSuite.FromId(suiteId);
        var alice = MlsGroup.Create(suite, "ext"u8.ToArray(), Bundle(suite, "alice"));
        var bobBundle = Bundle(suite, "bob");
        var add = alice.Commit([new AddProposal(bobBundle.KeyPackage)]);
        alice.MergePendingCommit();
        var bob = MlsGroup.Join(add.Welcome!.Welcome!, bobBundle);

        using var carolKey = Ed25519KeyPair.Generate();
        var groupInfo = MlsEncoding.Decode(alice.CreateGroupInfo().ToBytes(), GroupInfo.Decode);
        var join = MlsGroup.JoinByExternalCommit(groupInfo, Credential.Basic("carol"u8.ToArray()), carolKey.ExportSeed());
        var carol = join.Group;
        var processed = alice.Process(Wire(join.Commit));
        Assert.Equal(carol.OwnLeafIndex, processed.SenderLeaf);
        bob.Process(Wire(join.Commit));
        Assert.Equal(alice.EpochAuthenticator, carol.EpochAuthenticator);
        Assert.Equal(bob.EpochAuthenticator, carol.EpochAuthenticator);
        Assert.Equal("hi from carol"u8.ToArray(), bob.Process(Wire(carol.EncryptApplication("hi from carol"u8))).ApplicationData);

        // Carol lost her state and re-joins with the same signature key, removing her old leaf.
        var rejoin = MlsGroup.JoinByExternalCommit(bob.CreateGroupInfo(), Credential.Basic("carol"u8.ToArray()), carolKey.ExportSeed(), resyncLeaf: carol.OwnLeafIndex);
        alice.Process(Wire(rejoin.Commit));
        bob.Process(Wire(rejoin.Commit));
        Assert.Equal(3, alice.Members.Count);
        Assert.Equal(alice.EpochAuthenticator, rejoin.Group.EpochAuthenticator);
        Assert.Equal(bob.EpochAuthenticator, rejoin.Group.EpochAuthenticator);
    }

    [Fact]
    public void ExternalCommitForAStaleEpochIsRejected()
    {
        var suite = CipherSuite.FromId(1);
        var alice = MlsGroup.Create(suite, "ext"u8.ToArray(), Bundle(suite, "alice"));
        var groupInfo = alice.CreateGroupInfo();
        alice.Commit(forceUpdatePath: true);
        alice.MergePendingCommit();
        using var key = Ed25519KeyPair.Generate();
        var join = MlsGroup.JoinByExternalCommit(groupInfo, Credential.Basic("late"u8.ToArray()), key.ExportSeed());
        var ex = Assert.Throws<MlsException>(() => alice.Process(Wire(join.Commit)));
        Assert.Equal("mls.message.epoch", ex.Code);
    }

    [Fact]
    public void TamperedGroupInfoIsRejected()
    {
        var suite = CipherSuite.FromId(1);
        var alice = MlsGroup.Create(suite, "ext"u8.ToArray(), Bundle(suite, "alice"));
        var groupInfo = alice.CreateGroupInfo();
        var forged = groupInfo with { Signer = groupInfo.Signer, ConfirmationTag = new byte[32] };
        using var key = Ed25519KeyPair.Generate();
        var ex = Assert.Throws<MlsException>(() => MlsGroup.JoinByExternalCommit(forged, Credential.Basic("x"u8.ToArray()), key.ExportSeed()));
        Assert.Equal("mls.welcome.signature", ex.Code);
    }
}
