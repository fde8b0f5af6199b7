using BenchmarkDotNet.Attributes;
using Harmony.Core.Crypto;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Mls.Tree;

namespace Harmony.Bench.Micro;

/// <summary>
/// MLS group operations in a 1,000-member group (suite 1). The group is built by one commit adding 999 members, so
/// only the creator's direct path is populated; commits that force an UpdatePath therefore encrypt to many leaves
/// (the worst case for a freshly built group).
/// </summary>
[MemoryDiagnoser]
public class MlsBenchmarks
{
    private const int Members = 1000;
    private MlsGroup _group = null!;
    private KeyPackageBundle _newcomer = null!;
    private Welcome _welcome = null!;
    private KeyPackageBundle _joiner = null!;
    private RatchetTree _populated = null!;
    private byte[] _populatedSigner = null!;

    [GlobalSetup]
    public void Setup()
    {
        var suite = CipherSuite.FromId(1);
        _group = MlsGroup.Create(suite, "bench"u8.ToArray(), Bundle(suite, "creator"));
        var bundles = Enumerable.Range(0, Members - 1).Select(i => Bundle(suite, $"member-{i}")).ToList();
        var output = _group.Commit(bundles.Select(b => (Proposal)new AddProposal(b.KeyPackage)).ToList());
        _group.MergePendingCommit();
        _welcome = output.Welcome!.Welcome!;
        _joiner = bundles[Members / 2];
        _newcomer = Bundle(suite, "newcomer");

        // A steady-state tree: every parent node holds a key, as after members have committed with paths.
        _populatedSigner = Bundle(suite, "x").SignaturePrivateKey;
        _populated = new RatchetTree(suite, LeafWithKey(suite, bundles[0].KeyPackage.LeafNode));
        foreach (var bundle in bundles) _populated.AddLeaf(LeafWithKey(suite, bundle.KeyPackage.LeafNode));
        for (uint node = 1; node < _populated.NodeWidth; node += 2)
            _populated.SetParent(node, new ParentNode(Hpke.GenerateKeyPair().PublicKey, [], []));
        _populated.RootHash(); // a live group keeps its tree hashes cached
    }

    /// <summary>Generating and encrypting an UpdatePath in a fully populated 1,000-leaf tree (the dominant cost of a commit with a path).</summary>
    [Benchmark]
    public UpdatePathResult UpdatePathPopulatedTree()
    {
        var tree = _populated.Clone();
        return TreeKem.CreateUpdatePath(tree, 3, "bench"u8.ToArray(), tree.GetLeaf(3)!, _populatedSigner, hash => hash, []);
    }

    /// <summary>Adding one member: commit (no UpdatePath) plus Welcome with the full ratchet tree.</summary>
    [Benchmark]
    public CommitOutput AddMember()
    {
        var output = _group.Commit([new AddProposal(_newcomer.KeyPackage)]);
        _group.ClearPendingCommit();
        return output;
    }

    /// <summary>Adding one member with a forced UpdatePath.</summary>
    [Benchmark]
    public CommitOutput AddMemberWithUpdatePath()
    {
        var output = _group.Commit([new AddProposal(_newcomer.KeyPackage)], forceUpdatePath: true);
        _group.ClearPendingCommit();
        return output;
    }

    /// <summary>Joining from a Welcome of the 1,000-member group (full tree validation).</summary>
    [Benchmark]
    public MlsGroup JoinFromWelcome() => MlsGroup.Join(_welcome, _joiner);

    /// <summary>Encrypting a 1 KiB application message.</summary>
    [Benchmark]
    public MlsMessage EncryptApplication() => _group.EncryptApplication(new byte[1024]);

    private static LeafNode LeafWithKey(CipherSuite suite, LeafNode leaf) => leaf with { EncryptionKey = Hpke.GenerateKeyPair().PublicKey };

    private static KeyPackageBundle Bundle(CipherSuite suite, string name)
    {
        using var key = Ed25519KeyPair.Generate();
        return KeyPackageBundle.Create(suite, Credential.Basic(System.Text.Encoding.UTF8.GetBytes(name)), key.ExportSeed(), DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromDays(30));
    }
}
