using Harmony.Core.Crypto;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Xunit;

using static Harmony.Core.Tests.Mls.MlsTestMembers;

namespace Harmony.Core.Tests.Mls;

public sealed class MlsGroupStateTests
{
    [Fact]
    public void ExportedStateContinuesTheGroup()
    {
        var suite = CipherSuite.FromId(1);
        var alice = MlsGroup.Create(suite, "persist"u8.ToArray(), Bundle(suite, "alice"));
        var bobBundle = Bundle(suite, "bob");
        var add = alice.Commit([new AddProposal(bobBundle.KeyPackage), new AddProposal(Bundle(suite, "carol").KeyPackage)]);
        alice.MergePendingCommit();
        var bob = MlsGroup.Join(add.Welcome!.Welcome!, bobBundle);

        // Out-of-order application messages and a cached proposal survive the round trip.
        var first = alice.EncryptApplication("one"u8);
        var second = alice.EncryptApplication("two"u8);
        Assert.Equal("two"u8.ToArray(), bob.Process(Wire(second)).ApplicationData);
        bob.Process(Wire(alice.ProposeRemove(2)));

        var restored = MlsGroup.ImportState(bob.ExportState());
        Assert.Equal(bob.EpochAuthenticator, restored.EpochAuthenticator);
        Assert.Equal(bob.ExportState(), restored.ExportState());
        Assert.Equal("one"u8.ToArray(), restored.Process(Wire(first)).ApplicationData);

        var commit = alice.Commit();
        alice.MergePendingCommit();
        restored.Process(Wire(commit.Commit));
        Assert.Equal(alice.EpochAuthenticator, restored.EpochAuthenticator);
        Assert.Equal(2, restored.Members.Count);
        Assert.Equal("later"u8.ToArray(), alice.Process(Wire(restored.EncryptApplication("later"u8))).ApplicationData);
    }

    [Fact]
    public void CorruptedStateIsRejected()
    {
        var suite = CipherSuite.FromId(3);
        var group = MlsGroup.Create(suite, "g"u8.ToArray(), Bundle(suite, "a"));
        var state = group.ExportState();
        var ex = Assert.Throws<MlsException>(() => MlsGroup.ImportState(state.AsSpan(0, state.Length - 1)));
        Assert.StartsWith("mls.", ex.Code);
        var wrongVersion = (byte[])state.Clone();
        wrongVersion[1] = 9;
        ex = Assert.Throws<MlsException>(() => MlsGroup.ImportState(wrongVersion));
        Assert.Equal("mls.state.version", ex.Code);
    }
}
