using Harmony.Core.Mls;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Mls.Tree;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Mls;

public sealed class RatchetTreeTests(ITestOutputHelper output)
{
    [Fact]
    public void TreeValidationVectors()
    {
        MlsVectorRun.ForEachSuiteCase(output, "tree-validation.json", (suite, item) =>
        {
            var bytes = item.Hex("tree");
            var tree = RatchetTree.Parse(suite, bytes);
            MlsVectorRun.Equal("re-encoding", bytes, tree.ToBytes());
            var hashes = item.GetProperty("tree_hashes");
            var resolutions = item.GetProperty("resolutions");
            MlsVectorRun.Check(hashes.GetArrayLength() == tree.NodeWidth, "node count");
            for (uint n = 0; n < tree.NodeWidth; n++)
            {
                MlsVectorRun.Equal($"tree hash {n}", Convert.FromHexString(hashes[(int)n].GetString()!), tree.TreeHash(n));
                var expected = resolutions[(int)n].EnumerateArray().Select(e => e.GetUInt32()).ToList();
                MlsVectorRun.Check(expected.SequenceEqual(tree.Resolution(n)), $"resolution {n}");
            }
            MlsVectorRun.Check(tree.ParentHashesValid(), "parent hashes");
            MlsVectorRun.Check(tree.LeafSignaturesValid(item.Hex("group_id")), "leaf signatures");
            tree.ValidateStructure();
        });
    }

    [Fact]
    public void TreeOperationsVectors()
    {
        MlsVectorRun.ForEachSuiteCase(output, "tree-operations.json", (suite, item) =>
        {
            var tree = RatchetTree.Parse(suite, item.Hex("tree_before"));
            MlsVectorRun.Equal("tree hash before", item.Hex("tree_hash_before"), tree.RootHash());
            var proposal = MlsEncoding.Decode(item.Hex("proposal"), Proposal.Decode);
            var sender = item.GetProperty("proposal_sender").GetUInt32();
            switch (proposal)
            {
                case AddProposal add:
                    tree.AddLeaf(add.KeyPackage.LeafNode);
                    break;
                case UpdateProposal update:
                    tree.UpdateLeaf(sender, update.LeafNode);
                    break;
                case RemoveProposal remove:
                    tree.RemoveLeaf(remove.Removed);
                    break;
                default:
                    throw new Xunit.Sdk.XunitException($"unexpected proposal {proposal.Type}");
            }
            MlsVectorRun.Equal("tree after", item.Hex("tree_after"), tree.ToBytes());
            MlsVectorRun.Equal("tree hash after", item.Hex("tree_hash_after"), tree.RootHash());
            var reparsed = RatchetTree.Parse(suite, tree.ToBytes());
            MlsVectorRun.Equal("tree hash from scratch", item.Hex("tree_hash_after"), reparsed.RootHash());
        });
    }

    [Fact]
    public void TreeEndingInBlankIsRejected()
    {
        var suite = Harmony.Core.Mls.Crypto.CipherSuite.FromId(1);
        var ex = Assert.Throws<MlsException>(() => RatchetTree.Parse(suite, [0x01, 0x00]));
        Assert.Equal("mls.tree.malformed", ex.Code);
        ex = Assert.Throws<MlsException>(() => RatchetTree.Parse(suite, [0x02, 0x01, 0x02]));
        Assert.Equal("mls.tree.malformed", ex.Code);
    }
}
