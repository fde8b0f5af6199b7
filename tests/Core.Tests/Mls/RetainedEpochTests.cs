using Harmony.Core.Mls;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Tests.Capabilities;
using Xunit;

using static Harmony.Core.Tests.Mls.MlsTestMembers;

namespace Harmony.Core.Tests.Mls;

/// <summary>Past-epoch retention: late application messages of recent epochs decrypt, bounded by count and age.</summary>
public sealed class RetainedEpochTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void MessagesOfTheLastThreeEpochsDecryptAndOlderOnesAreExpired(ushort suiteId)
    {
        var (alice, bob, _) = ThreeMembers(suiteId, new MlsGroupOptions { Time = new ManualClock(Start) });
        var startEpoch = bob.Epoch;

        // Alice sends one message in each of four epochs; Bob sees all commits first, the messages afterwards.
        var commits = new List<MlsMessage>();
        var messages = new List<MlsMessage>();
        for (var i = 0; i < 4; i++)
        {
            messages.Add(alice.EncryptApplication(Text(i)));
            commits.Add(alice.Commit(forceUpdatePath: true).Commit);
            alice.MergePendingCommit();
        }
        foreach (var commit in commits) bob.Process(Wire(commit));
        Assert.Equal(startEpoch + 4, bob.Epoch);
        Assert.Equal([startEpoch + 1, startEpoch + 2, startEpoch + 3], bob.RetainedEpochs);

        for (var i = 1; i < 4; i++) Assert.Equal(Text(i), bob.Process(Wire(messages[i])).ApplicationData);
        var ex = Assert.Throws<MlsException>(() => bob.Process(Wire(messages[0])));
        Assert.Equal("mls.message.epoch_expired", ex.Code);

        // The generation rules still hold in a retained epoch: a key is used once.
        ex = Assert.Throws<MlsException>(() => bob.Process(Wire(messages[3])));
        Assert.Equal("mls.secret_tree.generation", ex.Code);

        // Handshakes are never accepted for a past epoch, and future epochs are unknown.
        ex = Assert.Throws<MlsException>(() => bob.Process(Wire(commits[3])));
        Assert.Equal("mls.message.epoch", ex.Code);
        var ahead = alice.EncryptApplication("ahead"u8);
        alice.Commit(forceUpdatePath: true);
        alice.MergePendingCommit();
        ex = Assert.Throws<MlsException>(() => bob.Process(Wire(alice.EncryptApplication("future"u8))));
        Assert.Equal("mls.message.epoch", ex.Code);
        Assert.Equal("ahead"u8.ToArray(), bob.Process(Wire(ahead)).ApplicationData);
    }

    [Fact]
    public void RetentionCountIsConfigurable()
    {
        var (alice, bob, _) = ThreeMembers(1, new MlsGroupOptions { RetainedEpochs = 1 });
        var older = alice.EncryptApplication("older"u8);
        var commit1 = alice.Commit(forceUpdatePath: true).Commit;
        alice.MergePendingCommit();
        var newer = alice.EncryptApplication("newer"u8);
        var commit2 = alice.Commit(forceUpdatePath: true).Commit;
        alice.MergePendingCommit();
        bob.Process(Wire(commit1));
        bob.Process(Wire(commit2));

        Assert.Single(bob.RetainedEpochs);
        Assert.Equal("newer"u8.ToArray(), bob.Process(Wire(newer)).ApplicationData);
        Assert.Equal("mls.message.epoch_expired", Assert.Throws<MlsException>(() => bob.Process(Wire(older))).Code);
    }

    [Fact]
    public void RetainedEpochsExpireByAge()
    {
        var clock = new ManualClock(Start);
        var (alice, bob, _) = ThreeMembers(3, new MlsGroupOptions { Time = clock, RetainedEpochLifetime = TimeSpan.FromMinutes(10) });
        var early = alice.EncryptApplication("early"u8);
        var late = alice.EncryptApplication("late"u8);
        var commit = alice.Commit(forceUpdatePath: true).Commit;
        alice.MergePendingCommit();
        bob.Process(Wire(commit));

        clock.Now = Start.AddMinutes(10);
        Assert.Equal("early"u8.ToArray(), bob.Process(Wire(early)).ApplicationData);
        clock.Now = Start.AddMinutes(10).AddSeconds(1);
        Assert.Empty(bob.RetainedEpochs);
        Assert.Equal("mls.message.epoch_expired", Assert.Throws<MlsException>(() => bob.Process(Wire(late))).Code);
    }

    [Fact]
    public void RetainedEpochsSurviveExportAndImportWithTheirKeyUseAndAge()
    {
        var clock = new ManualClock(Start);
        var options = new MlsGroupOptions { Time = clock };
        var (alice, bob, _) = ThreeMembers(1, options);
        var first = alice.EncryptApplication("first"u8);
        var second = alice.EncryptApplication("second"u8);
        var third = alice.EncryptApplication("third"u8);
        var commit = alice.Commit(forceUpdatePath: true).Commit;
        alice.MergePendingCommit();
        bob.Process(Wire(commit));
        Assert.Equal("second"u8.ToArray(), bob.Process(Wire(second)).ApplicationData);

        var restored = MlsGroup.ImportState(bob.ExportState(), options);
        Assert.Equal(bob.RetainedEpochs, restored.RetainedEpochs);
        Assert.Equal(bob.ExportState(), restored.ExportState());
        Assert.Equal("first"u8.ToArray(), restored.Process(Wire(first)).ApplicationData);
        Assert.Equal("mls.secret_tree.generation", Assert.Throws<MlsException>(() => restored.Process(Wire(second))).Code);

        // The retirement time travels with the state: the age limit still applies after an import.
        clock.Now = Start + options.RetainedEpochLifetime + TimeSpan.FromSeconds(1);
        var expired = MlsGroup.ImportState(bob.ExportState(), options);
        Assert.Empty(expired.RetainedEpochs);
        Assert.Equal("mls.message.epoch_expired", Assert.Throws<MlsException>(() => expired.Process(Wire(third))).Code);

        // Importing with a smaller count keeps only the newest epochs; with 0 none.
        clock.Now = Start;
        var strict = MlsGroup.ImportState(bob.ExportState(), options with { RetainedEpochs = 0 });
        Assert.Empty(strict.RetainedEpochs);
    }

    [Fact]
    public void CorruptedRetainedEpochIsRejected()
    {
        var (alice, bob, _) = ThreeMembers(1, MlsGroupOptions.Default);
        var commit = alice.Commit(forceUpdatePath: true).Commit;
        alice.MergePendingCommit();
        bob.Process(Wire(commit));
        var state = bob.ExportState();
        Assert.Single(bob.RetainedEpochs);
        // The retained epochs are the last field of the state: cutting into them must be caught.
        var truncated = state.AsSpan(0, state.Length - 1).ToArray();
        var ex = Assert.Throws<MlsException>(() => MlsGroup.ImportState(truncated));
        Assert.StartsWith("mls.", ex.Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void RemovedMemberStateExportsImportsAndRefusesToSend(ushort suiteId)
    {
        var (alice, bob, carol) = ThreeMembers(suiteId, MlsGroupOptions.Default);
        var beforeRemoval = alice.EncryptApplication("still for bob"u8);
        var removal = alice.Commit([new RemoveProposal(bob.OwnLeafIndex)]);
        alice.MergePendingCommit();
        carol.Process(Wire(removal.Commit));
        var removedEpoch = bob.Epoch;
        Assert.Equal(ProcessedMessageKind.Commit, bob.Process(Wire(removal.Commit)).Kind);
        Assert.Equal(MlsMembership.Removed, bob.Membership);
        Assert.False(bob.IsActive);

        var restored = MlsGroup.ImportState(bob.ExportState());
        Assert.Equal(MlsMembership.Removed, restored.Membership);
        Assert.Equal(removedEpoch, restored.Epoch);
        Assert.Equal(bob.ExportState(), restored.ExportState());
        Assert.Equal("mls.group.inactive", Assert.Throws<MlsException>(() => restored.EncryptApplication("x"u8)).Code);
        Assert.Equal("mls.group.inactive", Assert.Throws<MlsException>(() => restored.Commit()).Code);
        Assert.Equal("mls.group.inactive", Assert.Throws<MlsException>(() => restored.ProposeUpdate()).Code);

        // Sent while Bob was a member: still readable. Sent after the removal: not for Bob.
        Assert.Equal("still for bob"u8.ToArray(), restored.Process(Wire(beforeRemoval)).ApplicationData);
        var after = alice.EncryptApplication("after"u8);
        Assert.Equal("after"u8.ToArray(), carol.Process(Wire(after)).ApplicationData);
        Assert.Equal("mls.group.inactive", Assert.Throws<MlsException>(() => restored.Process(Wire(after))).Code);
        var next = alice.Commit(forceUpdatePath: true).Commit;
        Assert.Equal("mls.group.inactive", Assert.Throws<MlsException>(() => restored.Process(Wire(next))).Code);
    }

    [Fact]
    public void RemovedMemberWithoutRetentionKeepsNoPastEpoch()
    {
        var (alice, bob, _) = ThreeMembers(1, new MlsGroupOptions { RetainedEpochs = 0 });
        var beforeRemoval = alice.EncryptApplication("x"u8);
        var removal = alice.Commit([new RemoveProposal(bob.OwnLeafIndex)]);
        bob.Process(Wire(removal.Commit));
        var restored = MlsGroup.ImportState(bob.ExportState(), new MlsGroupOptions { RetainedEpochs = 0 });
        Assert.Equal(MlsMembership.Removed, restored.Membership);
        Assert.Equal("mls.group.inactive", Assert.Throws<MlsException>(() => restored.Process(Wire(beforeRemoval))).Code);
    }

    private static byte[] Text(int i) => System.Text.Encoding.UTF8.GetBytes($"message {i}");

    // Alice creates the group and adds Bob and Carol (Bob and Carol use the given options).
    private static (MlsGroup Alice, MlsGroup Bob, MlsGroup Carol) ThreeMembers(ushort suiteId, MlsGroupOptions options)
    {
        var suite = CipherSuite.FromId(suiteId);
        var alice = MlsGroup.Create(suite, "retained"u8.ToArray(), Bundle(suite, "alice"), options: options);
        var bobBundle = Bundle(suite, "bob");
        var carolBundle = Bundle(suite, "carol");
        var add = alice.Commit([new AddProposal(bobBundle.KeyPackage), new AddProposal(carolBundle.KeyPackage)]);
        alice.MergePendingCommit();
        return (alice, MlsGroup.Join(add.Welcome!.Welcome!, bobBundle, options: options), MlsGroup.Join(add.Welcome!.Welcome!, carolBundle, options: options));
    }
}
