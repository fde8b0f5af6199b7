using System.Security.Cryptography;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.KeySchedule;
using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Mls.Protection;

/// <summary>Encrypts content into a PrivateMessage and decrypts received ones (RFC 9420 §6.3).</summary>
public static class PrivateMessageProtection
{
    /// <summary>
    /// Signs and encrypts <paramref name="content"/> from a member sender using the next key of its ratchet.
    /// <paramref name="paddingLength"/> zero bytes are appended to hide the content length.
    /// </summary>
    public static PrivateMessage Protect(CipherSuite suite, FramedContent content, ReadOnlySpan<byte> signaturePrivateKey, byte[] groupContext, SecretTree secretTree, byte[] senderDataSecret, Func<byte[], byte[]>? confirmationTag = null, int paddingLength = 0)
    {
        if (content.Sender.Type != SenderType.Member)
            throw new MlsException("mls.message.sender", "Only members can send PrivateMessages.");
        var signature = AuthenticatedContent.Sign(suite, signaturePrivateKey, WireFormat.PrivateMessage, content, groupContext);
        byte[]? tag = null;
        if (content.ContentType == ContentType.Commit)
        {
            if (confirmationTag is null) throw new MlsException("mls.message.confirmation_tag", "A commit needs a confirmation tag.");
            tag = confirmationTag(signature);
        }
        return Encrypt(suite, content, new FramedContentAuthData(signature, tag), secretTree, senderDataSecret, paddingLength);
    }

    /// <summary>Encrypts already-authenticated content (the signature must cover wire format PrivateMessage).</summary>
    public static PrivateMessage Encrypt(CipherSuite suite, FramedContent content, FramedContentAuthData auth, SecretTree secretTree, byte[] senderDataSecret, int paddingLength = 0)
    {
        if (paddingLength < 0) throw new MlsException("mls.message.padding", "Padding length cannot be negative.");
        var type = content.ContentType == ContentType.Application ? RatchetType.Application : RatchetType.Handshake;
        var key = secretTree.NextSendKey(content.Sender.Index, type);
        var reuseGuard = RandomNumberGenerator.GetBytes(4);

        var plain = new TlsWriter(256 + paddingLength);
        content.EncodeBody(plain);
        auth.Encode(plain, content.ContentType);
        plain.WriteFixed(new byte[paddingLength]);

        var aad = PrivateMessage.ContentAad(content.GroupId, content.Epoch, content.ContentType, content.AuthenticatedData);
        var ciphertext = suite.Aead.Seal(key.Key, GuardedNonce(key.Nonce, reuseGuard), aad, plain.WrittenSpan);

        var (sdKey, sdNonce) = SenderDataKeys.Derive(suite, senderDataSecret, ciphertext);
        var senderData = new SenderData(content.Sender.Index, key.Generation, reuseGuard).ToBytes();
        var encryptedSenderData = suite.Aead.Seal(sdKey, sdNonce, PrivateMessage.SenderDataAad(content.GroupId, content.Epoch, content.ContentType), senderData);

        return new PrivateMessage
        {
            GroupId = content.GroupId,
            Epoch = content.Epoch,
            ContentType = content.ContentType,
            AuthenticatedData = content.AuthenticatedData,
            EncryptedSenderData = encryptedSenderData,
            Ciphertext = ciphertext,
        };
    }

    /// <summary>
    /// Decrypts a PrivateMessage: recovers the sender data, fetches the sender's ratchet key, decrypts and parses the
    /// content and checks that padding is all zeros. The caller verifies the signature with the sender's key
    /// (<see cref="AuthenticatedContent.VerifySignature"/>).
    /// </summary>
    public static AuthenticatedContent Decrypt(CipherSuite suite, PrivateMessage message, SecretTree secretTree, byte[] senderDataSecret, MlsLimits? limits = null)
    {
        var (sdKey, sdNonce) = SenderDataKeys.Derive(suite, senderDataSecret, message.Ciphertext);
        var senderDataBytes = suite.Aead.Open(sdKey, sdNonce, PrivateMessage.SenderDataAad(message.GroupId, message.Epoch, message.ContentType), message.EncryptedSenderData);
        var senderData = MlsEncoding.Decode(senderDataBytes, SenderData.Decode);
        if (senderData.LeafIndex >= secretTree.LeafCount)
            throw new MlsException("mls.message.sender", "The sender leaf is outside the tree.");

        var type = message.ContentType == ContentType.Application ? RatchetType.Application : RatchetType.Handshake;
        var key = secretTree.GetReceiveKey(senderData.LeafIndex, type, senderData.Generation);
        var aad = PrivateMessage.ContentAad(message.GroupId, message.Epoch, message.ContentType, message.AuthenticatedData);
        var plain = suite.Aead.Open(key.Key, GuardedNonce(key.Nonce, senderData.ReuseGuard), aad, message.Ciphertext);

        var reader = new TlsReader(plain, limits);
        var header = new FramedContent
        {
            GroupId = message.GroupId,
            Epoch = message.Epoch,
            Sender = Sender.Member(senderData.LeafIndex),
            AuthenticatedData = message.AuthenticatedData,
            ContentType = message.ContentType,
        };
        var content = FramedContent.DecodeBody(ref reader, header);
        var auth = FramedContentAuthData.Decode(ref reader, message.ContentType);
        foreach (var b in reader.ReadFixed(reader.Remaining))
            if (b != 0) throw new MlsException("mls.message.padding", "PrivateMessage padding must be all zeros.");
        return new AuthenticatedContent(WireFormat.PrivateMessage, content, auth);
    }

    private static byte[] GuardedNonce(byte[] nonce, byte[] reuseGuard)
    {
        var guarded = (byte[])nonce.Clone();
        for (var i = 0; i < 4; i++) guarded[i] ^= reuseGuard[i];
        return guarded;
    }
}
