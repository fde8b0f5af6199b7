using System.Text.Json;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.KeySchedule;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Mls.Protection;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Mls;

public sealed class MessageProtectionTests(ITestOutputHelper output)
{
    // The generators send every message from leaf 1 of a two-member group.
    private const uint SenderLeaf = 1;

    [Fact]
    public void MessageProtectionVectors()
    {
        MlsVectorRun.ForEachSuiteCase(output, "message-protection.json", (suite, item) =>
        {
            var context = new GroupContext(suite.Id, item.Hex("group_id"), item.GetProperty("epoch").GetUInt64(), item.Hex("tree_hash"), item.Hex("confirmed_transcript_hash"), []);
            var contextBytes = context.ToBytes();
            var membershipKey = item.Hex("membership_key");
            var senderDataSecret = item.Hex("sender_data_secret");
            var signaturePub = item.Hex("signature_pub");
            var signaturePriv = item.Hex("signature_priv");
            SecretTree Tree() => new(suite, item.Hex("encryption_secret"), 2);

            var proposal = item.Hex("proposal");
            var commit = item.Hex("commit");
            var application = item.Hex("application");

            // Given public messages.
            CheckPublic(suite, context, contextBytes, membershipKey, signaturePub, item.Hex("proposal_pub"), c => MlsVectorRun.Equal("proposal", proposal, c.Proposal!.ToBytes()));
            CheckPublic(suite, context, contextBytes, membershipKey, signaturePub, item.Hex("commit_pub"), c => MlsVectorRun.Equal("commit", commit, c.Commit!.ToBytes()));

            // Given private messages; each was produced from a fresh secret tree.
            CheckPrivate(suite, Tree(), senderDataSecret, signaturePub, contextBytes, item.Hex("proposal_priv"), c => MlsVectorRun.Equal("proposal", proposal, c.Proposal!.ToBytes()));
            CheckPrivate(suite, Tree(), senderDataSecret, signaturePub, contextBytes, item.Hex("commit_priv"), c => MlsVectorRun.Equal("commit", commit, c.Commit!.ToBytes()));
            CheckPrivate(suite, Tree(), senderDataSecret, signaturePub, contextBytes, item.Hex("application_priv"), c => MlsVectorRun.Equal("application", application, c.ApplicationData!));

            // Own messages, both directions.
            var sender = Tree();
            var ownReceiver = Tree();
            var contents = new[]
            {
                Content(context, ContentType.Proposal) with { Proposal = MlsEncoding.Decode(proposal, Proposal.Decode) },
                Content(context, ContentType.Commit) with { Commit = MlsEncoding.Decode(commit, Commit.Decode) },
                Content(context, ContentType.Application) with { ApplicationData = application },
            };
            foreach (var content in contents)
            {
                Func<byte[], byte[]> tag = _ => suite.Mac(membershipKey, "confirm"u8);
                if (content.ContentType != ContentType.Application)
                {
                    var pub = PublicMessageProtection.Protect(suite, content, signaturePriv, contextBytes, membershipKey, tag);
                    var reparsed = MlsEncoding.Decode(pub.ToBytes(), PublicMessage.Decode);
                    var back = PublicMessageProtection.Unprotect(suite, reparsed, context, contextBytes, membershipKey, signaturePub);
                    MlsVectorRun.Equal("own public round trip", content.ToBytes(), back.Content.ToBytes());
                }
                var priv = PrivateMessageProtection.Protect(suite, content, signaturePriv, contextBytes, sender, senderDataSecret, tag, paddingLength: 7);
                var reparsedPriv = MlsEncoding.Decode(priv.ToBytes(), PrivateMessage.Decode);
                var decrypted = PrivateMessageProtection.Decrypt(suite, reparsedPriv, ownReceiver, senderDataSecret);
                MlsVectorRun.Check(decrypted.VerifySignature(suite, signaturePub, contextBytes), "own private signature");
                MlsVectorRun.Equal("own private round trip", content.ToBytes(), decrypted.Content.ToBytes());
            }
        });
    }

    [Fact]
    public void TamperedMessagesAreRejected()
    {
        using var doc = Vectors.Json("mls", "message-protection.json");
        var item = doc.RootElement.EnumerateArray().First(e => e.GetProperty("cipher_suite").GetInt32() == 1);
        var suite = CipherSuite.FromId(1);
        var context = new GroupContext(suite.Id, item.Hex("group_id"), item.GetProperty("epoch").GetUInt64(), item.Hex("tree_hash"), item.Hex("confirmed_transcript_hash"), []);
        var contextBytes = context.ToBytes();

        var pub = MlsMessage.Parse(item.Hex("proposal_pub")).PublicMessage!;
        var wrongKey = new byte[32];
        var ex = Assert.Throws<MlsException>(() => PublicMessageProtection.Unprotect(suite, pub, context, contextBytes, wrongKey, item.Hex("signature_pub")));
        Assert.Equal("mls.message.membership_tag", ex.Code);
        ex = Assert.Throws<MlsException>(() => PublicMessageProtection.Unprotect(suite, pub, context with { Epoch = context.Epoch + 1 }, contextBytes, item.Hex("membership_key"), item.Hex("signature_pub")));
        Assert.Equal("mls.message.epoch", ex.Code);

        var priv = MlsMessage.Parse(item.Hex("application_priv")).PrivateMessage!;
        var flipped = priv with { Ciphertext = Flip(priv.Ciphertext, priv.Ciphertext.Length - 1) };
        var tree = new SecretTree(suite, item.Hex("encryption_secret"), 2);
        ex = Assert.Throws<MlsException>(() => PrivateMessageProtection.Decrypt(suite, flipped, tree, item.Hex("sender_data_secret")));
        Assert.Equal("mls.aead", ex.Code);
        var badSender = priv with { EncryptedSenderData = Flip(priv.EncryptedSenderData, 0) };
        ex = Assert.Throws<MlsException>(() => PrivateMessageProtection.Decrypt(suite, badSender, tree, item.Hex("sender_data_secret")));
        Assert.Equal("mls.aead", ex.Code);
    }

    private static byte[] Flip(byte[] data, int index)
    {
        var copy = (byte[])data.Clone();
        copy[index] ^= 1;
        return copy;
    }

    private static FramedContent Content(GroupContext context, ContentType type) => new()
    {
        GroupId = context.GroupId,
        Epoch = context.Epoch,
        Sender = Sender.Member(SenderLeaf),
        AuthenticatedData = "aad"u8.ToArray(),
        ContentType = type,
    };

    private static void CheckPublic(CipherSuite suite, GroupContext context, byte[] contextBytes, byte[] membershipKey, byte[] signaturePub, byte[] message, Action<FramedContent> check)
    {
        var parsed = MlsMessage.Parse(message);
        MlsVectorRun.Check(parsed.WireFormat == WireFormat.PublicMessage, "public wire format");
        MlsVectorRun.Equal("public re-encoding", message, parsed.ToBytes());
        var content = PublicMessageProtection.Unprotect(suite, parsed.PublicMessage!, context, contextBytes, membershipKey, signaturePub);
        check(content.Content);
    }

    private static void CheckPrivate(CipherSuite suite, SecretTree tree, byte[] senderDataSecret, byte[] signaturePub, byte[] contextBytes, byte[] message, Action<FramedContent> check)
    {
        var parsed = MlsMessage.Parse(message);
        MlsVectorRun.Check(parsed.WireFormat == WireFormat.PrivateMessage, "private wire format");
        MlsVectorRun.Equal("private re-encoding", message, parsed.ToBytes());
        var content = PrivateMessageProtection.Decrypt(suite, parsed.PrivateMessage!, tree, senderDataSecret);
        MlsVectorRun.Check(content.Content.Sender.Index == SenderLeaf, "sender leaf");
        MlsVectorRun.Check(content.VerifySignature(suite, signaturePub, contextBytes), "private signature");
        check(content.Content);
    }
}
