using Harmony.Core.Crypto;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Xunit;

using static Harmony.Core.Tests.Mls.MlsTestMembers;

namespace Harmony.Core.Tests.Mls;

/// <summary>The GroupInfo a commit returns is signed over exactly the bytes sealed into its Welcome.</summary>
public sealed class CommitOutputTests
{
    [Theory]
    [InlineData((ushort)1, true)]
    [InlineData((ushort)3, true)]
    [InlineData((ushort)3, false)]
    public void CommitGroupInfoIsTheSignedGroupInfoOfTheNewEpoch(ushort suiteId, bool treeInWelcome)
    {
        var suite = CipherSuite.FromId(suiteId);
        var options = new MlsGroupOptions { RatchetTreeInWelcome = treeInWelcome };
        var alice = MlsGroup.Create(suite, "output"u8.ToArray(), Bundle(suite, "alice"), options: options);
        var bundles = Enumerable.Range(0, 40).Select(i => Bundle(suite, $"member-{i}")).ToList();
        var output = alice.Commit(bundles.Select(b => (Proposal)new AddProposal(b.KeyPackage)).ToList());
        alice.MergePendingCommit();

        // Ed25519 is deterministic: a GroupInfo signed afresh over the same fields has the same bytes.
        var info = MlsEncoding.Decode(output.GroupInfo.ToBytes(), GroupInfo.Decode);
        Assert.Equal(alice.CreateGroupInfo().ToBytes(), info.ToBytes());
        Assert.Equal(alice.Epoch, info.GroupContext.Epoch);
        Assert.True(info.VerifySignature(suite, alice.Tree.GetLeaf(alice.OwnLeafIndex)!.SignatureKey));
        Assert.Equal(treeInWelcome, info.FindExtension(ExtensionType.RatchetTree) is not null);

        // The Welcome carries the same GroupInfo: a joiner verifies its signature and tree hash.
        var member = MlsGroup.Join(output.Welcome!.Welcome!, bundles[^1], treeInWelcome ? null : alice.Tree, options);
        Assert.Equal(alice.EpochAuthenticator, member.EpochAuthenticator);

        if (!treeInWelcome) return;
        using var key = Ed25519KeyPair.Generate();
        var join = MlsGroup.JoinByExternalCommit(info, Credential.Basic("late"u8.ToArray()), key.ExportSeed());
        alice.Process(Wire(join.Commit));
        Assert.Equal(alice.EpochAuthenticator, join.Group.EpochAuthenticator);
    }
}
