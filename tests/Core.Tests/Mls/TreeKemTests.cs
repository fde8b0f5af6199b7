using System.Text.Json;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Mls.Tree;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Mls;

public sealed class TreeKemTests(ITestOutputHelper output)
{
    [Fact]
    public void TreeKemVectors()
    {
        MlsVectorRun.ForEachSuiteCase(output, "treekem.json", (suite, item) =>
        {
            var groupId = item.Hex("group_id");
            var epoch = item.GetProperty("epoch").GetUInt64();
            var transcript = item.Hex("confirmed_transcript_hash");
            var treeBytes = item.Hex("ratchet_tree");
            var members = item.GetProperty("leaves_private").EnumerateArray().ToList();
            byte[] Context(byte[] treeHash) => new GroupContext(suite.Id, groupId, epoch, treeHash, transcript, []).ToBytes();

            var baseTree = RatchetTree.Parse(suite, treeBytes);
            MlsVectorRun.Check(baseTree.ParentHashesValid(), "parent hashes before");

            foreach (var up in item.GetProperty("update_paths").EnumerateArray())
            {
                var sender = up.GetProperty("sender").GetUInt32();
                var updatePath = MlsEncoding.Decode(up.Hex("update_path"), UpdatePath.Decode);
                var tree = baseTree.Clone();
                var path = TreeKem.ApplyUpdatePath(tree, sender, updatePath, groupId);
                MlsVectorRun.Equal($"sender {sender} tree hash after", up.Hex("tree_hash_after"), tree.RootHash());
                MlsVectorRun.Check(tree.ParentHashesValid(), "parent hashes after");
                var expectedSecrets = up.GetProperty("path_secrets");
                foreach (var member in members)
                {
                    var index = member.GetProperty("index").GetUInt32();
                    if (index == sender) continue;
                    var keys = PrivateState(suite, member);
                    var (commitSecret, common) = TreeKem.DecryptPath(tree, keys, updatePath, path, Context(tree.RootHash()), []);
                    MlsVectorRun.Equal($"leaf {index} path secret", Convert.FromHexString(expectedSecrets[(int)index].GetString()!), common);
                    MlsVectorRun.Equal($"leaf {index} commit secret", up.Hex("commit_secret"), commitSecret);
                }
            }

            // Own UpdatePaths from every private member, processed by every other private member.
            foreach (var senderState in members)
            {
                var sender = senderState.GetProperty("index").GetUInt32();
                var tree = baseTree.Clone();
                var template = tree.GetLeaf(sender)!;
                var result = TreeKem.CreateUpdatePath(tree, sender, groupId, template, senderState.Hex("signature_priv"), Context, []);
                MlsVectorRun.Check(tree.ParentHashesValid(), "own path parent hashes");
                var sent = MlsEncoding.Decode(result.Path.ToBytes(), UpdatePath.Decode);
                foreach (var member in members)
                {
                    var index = member.GetProperty("index").GetUInt32();
                    if (index == sender) continue;
                    var receiverTree = baseTree.Clone();
                    var path = TreeKem.ApplyUpdatePath(receiverTree, sender, sent, groupId);
                    MlsVectorRun.Equal("own path tree hash", tree.RootHash(), receiverTree.RootHash());
                    var (commitSecret, _) = TreeKem.DecryptPath(receiverTree, PrivateState(suite, member), sent, path, Context(receiverTree.RootHash()), []);
                    MlsVectorRun.Equal($"own path from {sender} to {index} commit secret", result.CommitSecret, commitSecret);
                }
            }
        });
    }

    private static TreePrivateKeys PrivateState(CipherSuite suite, JsonElement member)
    {
        var keys = new TreePrivateKeys(member.GetProperty("index").GetUInt32(), member.Hex("encryption_priv"));
        foreach (var ps in member.GetProperty("path_secrets").EnumerateArray())
            keys.Set(ps.GetProperty("node").GetUInt32(), TreeKem.NodeKeyPair(suite, ps.Hex("path_secret")).PrivateKey);
        return keys;
    }
}
