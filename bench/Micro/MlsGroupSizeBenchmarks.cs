using BenchmarkDotNet.Attributes;
using Harmony.Core.Crypto;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;

namespace Harmony.Bench.Micro;

/// <summary>
/// How MLS costs grow with the group (10, 100, 1,000 members, suite 3): the commit and Welcome that add one member,
/// another member processing that commit, and one application message encrypted and decrypted. Each group is built
/// by one add-only commit and one member joins from its Welcome, as a fresh channel would be.
/// </summary>
[MemoryDiagnoser]
public class MlsGroupSizeBenchmarks
{
    private MlsGroup _creator = null!;
    private MlsGroup _creatorTreeOutOfBand = null!;
    private MlsGroup _receiver = null!;
    private byte[] _receiverState = null!;
    private KeyPackageBundle _newcomer = null!;
    private MlsMessage _addCommit = null!;
    private MlsGroup _processing = null!;
    private readonly byte[] _payload = new byte[1024];

    /// <summary>Group size.</summary>
    [Params(10, 100, 1000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var suite = CipherSuite.FromId(3);
        _creator = MlsGroup.Create(suite, "bench-scale"u8.ToArray(), Bundle(suite, "creator"));
        var bundles = Enumerable.Range(0, Members - 1).Select(i => Bundle(suite, $"member-{i}")).ToList();
        var build = _creator.Commit(bundles.Select(b => (Proposal)new AddProposal(b.KeyPackage)).ToList());
        _creator.MergePendingCommit();
        _receiver = MlsGroup.Join(build.Welcome!.Welcome!, bundles[^1]);
        _receiverState = _receiver.ExportState();

        // The commit the receiver processes in ProcessAddCommit: made once, never merged by the creator.
        _newcomer = Bundle(suite, "newcomer");
        _addCommit = MlsMessage.Parse(_creator.Commit([new AddProposal(_newcomer.KeyPackage)]).Commit.ToBytes());
        _creator.ClearPendingCommit();

        // The same group state, but Welcomes omit the ratchet tree (joiners fetch it from the delivery service).
        _creatorTreeOutOfBand = MlsGroup.ImportState(_creator.ExportState(), new MlsGroupOptions { RatchetTreeInWelcome = false });
    }

    /// <summary>Commit adding one member (no UpdatePath) plus its Welcome carrying the ratchet tree.</summary>
    [Benchmark]
    public CommitOutput AddMember()
    {
        var output = _creator.Commit([new AddProposal(_newcomer.KeyPackage)]);
        _creator.ClearPendingCommit();
        return output;
    }

    /// <summary>The same add when the Welcome does not carry the ratchet tree (RFC 9420 §12.4.3.3, tree served out of band).</summary>
    [Benchmark]
    public CommitOutput AddMemberTreeOutOfBand()
    {
        var output = _creatorTreeOutOfBand.Commit([new AddProposal(_newcomer.KeyPackage)]);
        _creatorTreeOutOfBand.ClearPendingCommit();
        return output;
    }

    [IterationSetup(Target = nameof(ProcessAddCommit))]
    public void RestoreReceiver() => _processing = MlsGroup.ImportState(_receiverState);

    /// <summary>An existing member processes the add commit (signature, membership tag, tree, key schedule, confirmation tag).</summary>
    [Benchmark]
    public ProcessedMessage ProcessAddCommit() => _processing.Process(_addCommit);

    /// <summary>Encrypting a 1 KiB application message.</summary>
    [Benchmark]
    public MlsMessage Encrypt() => _creator.EncryptApplication(_payload);

    /// <summary>Encrypting a 1 KiB message and another member decrypting it (decrypt = this minus <see cref="Encrypt"/>).</summary>
    [Benchmark]
    public ProcessedMessage EncryptAndDecrypt() => _receiver.Process(_creator.EncryptApplication(_payload));

    private static KeyPackageBundle Bundle(CipherSuite suite, string name)
    {
        using var key = Ed25519KeyPair.Generate();
        return KeyPackageBundle.Create(suite, Credential.Basic(System.Text.Encoding.UTF8.GetBytes(name)), key.ExportSeed(), DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromDays(30));
    }
}
