using Harmony.Core.Crypto;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Xunit;

using static Harmony.Core.Tests.Mls.MlsTestMembers;

namespace Harmony.Core.Tests.Mls;

public sealed class ExternalSenderTests
{
    [Fact]
    public void ExternalRemoveProposalIsCommittedByAMember()
    {
        var suite = CipherSuite.FromId(3);
        using var moderator = Ed25519KeyPair.Generate();
        var senders = ExternalSender.ToExtension([new ExternalSender(moderator.PublicKey, Credential.Basic("moderation"u8.ToArray()))]);
        var alice = MlsGroup.Create(suite, "moderated"u8.ToArray(), Bundle(suite, "alice"), [senders]);
        var bobBundle = Bundle(suite, "bob");
        var carolBundle = Bundle(suite, "carol");
        var add = alice.Commit([new AddProposal(bobBundle.KeyPackage), new AddProposal(carolBundle.KeyPackage)]);
        alice.MergePendingCommit();
        var bob = MlsGroup.Join(add.Welcome!.Welcome!, bobBundle);
        var carol = MlsGroup.Join(add.Welcome!.Welcome!, carolBundle);

        var ban = ExternalSender.CreateProposal(suite, alice.GroupId, alice.Epoch, 0, new RemoveProposal(bob.OwnLeafIndex), moderator.ExportSeed());
        foreach (var member in new[] { alice, bob, carol })
        {
            var processed = member.Process(Wire(ban));
            Assert.Equal(ProcessedMessageKind.Proposal, processed.Kind);
            Assert.Equal(SenderType.External, processed.SenderType);
        }
        var commit = carol.Commit();
        carol.MergePendingCommit();
        alice.Process(Wire(commit.Commit));
        bob.Process(Wire(commit.Commit));
        Assert.False(bob.IsActive);
        Assert.Equal(2, alice.Members.Count);
        Assert.Equal(alice.EpochAuthenticator, carol.EpochAuthenticator);
    }

    [Fact]
    public void UnlistedOrForgedExternalSendersAreRejected()
    {
        var suite = CipherSuite.FromId(1);
        using var moderator = Ed25519KeyPair.Generate();
        using var impostor = Ed25519KeyPair.Generate();
        var senders = ExternalSender.ToExtension([new ExternalSender(moderator.PublicKey, Credential.Basic("moderation"u8.ToArray()))]);
        var alice = MlsGroup.Create(suite, "moderated"u8.ToArray(), Bundle(suite, "alice"), [senders]);

        var forged = ExternalSender.CreateProposal(suite, alice.GroupId, alice.Epoch, 0, new RemoveProposal(0), impostor.ExportSeed());
        var ex = Assert.Throws<MlsException>(() => alice.Process(Wire(forged)));
        Assert.Equal("mls.message.signature", ex.Code);
        var unknown = ExternalSender.CreateProposal(suite, alice.GroupId, alice.Epoch, 1, new RemoveProposal(0), moderator.ExportSeed());
        ex = Assert.Throws<MlsException>(() => alice.Process(Wire(unknown)));
        Assert.Equal("mls.message.sender", ex.Code);
        ex = Assert.Throws<MlsException>(() => ExternalSender.CreateProposal(suite, alice.GroupId, alice.Epoch, 0, new ExternalInitProposal(new byte[32]), moderator.ExportSeed()));
        Assert.Equal("mls.message.external_proposal", ex.Code);
    }

    [Fact]
    public void NewMemberCanProposeItsOwnAdd()
    {
        var suite = CipherSuite.FromId(1);
        var alice = MlsGroup.Create(suite, "open"u8.ToArray(), Bundle(suite, "alice"));
        var daveBundle = Bundle(suite, "dave");
        var request = ExternalSender.CreateSelfAddProposal(suite, alice.GroupId, alice.Epoch, daveBundle.KeyPackage, daveBundle.SignaturePrivateKey);
        var processed = alice.Process(Wire(request));
        Assert.Equal(SenderType.NewMemberProposal, processed.SenderType);
        var commit = alice.Commit();
        alice.MergePendingCommit();
        var dave = MlsGroup.Join(commit.Welcome!.Welcome!, daveBundle);
        Assert.Equal(alice.EpochAuthenticator, dave.EpochAuthenticator);

        var stranger = Bundle(suite, "mallory");
        var forged = ExternalSender.CreateSelfAddProposal(suite, alice.GroupId, alice.Epoch, Bundle(suite, "eve").KeyPackage, stranger.SignaturePrivateKey);
        var ex = Assert.Throws<MlsException>(() => alice.Process(Wire(forged)));
        Assert.Equal("mls.message.signature", ex.Code);
    }
}
