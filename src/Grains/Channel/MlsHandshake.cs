using Harmony.Core.Mls;
using Harmony.Core.Mls.Messages;
using Harmony.Grains.Authorization;

namespace Harmony.Grains.Channel;

/// <summary>
/// Reads what the delivery service needs from a handshake envelope's ciphertext: an <c>MLSMessage</c> (RFC 9420 §6)
/// in a PublicMessage or PrivateMessage whose content type is Proposal or Commit. The epoch and content type are in
/// the clear in both framings; nothing is decrypted.
/// </summary>
internal static class MlsHandshake
{
    public static HandshakeHeader Inspect(byte[] ciphertext, int maxBytes)
    {
        MlsMessage message;
        try { message = MlsMessage.Parse(ciphertext, new MlsLimits { MaxVectorLength = maxBytes }); }
        catch (MlsException e) { throw Refusals.InvalidEnvelope($"A handshake envelope must carry an MLS message: [{e.Code}] {e.Message}"); }
        var (epoch, type) = message.WireFormat switch
        {
            WireFormat.PublicMessage => (message.PublicMessage!.Content.Epoch, message.PublicMessage.Content.ContentType),
            WireFormat.PrivateMessage => (message.PrivateMessage!.Epoch, message.PrivateMessage.ContentType),
            _ => throw Refusals.InvalidEnvelope($"A handshake envelope cannot carry an MLS {message.WireFormat}."),
        };
        return type switch
        {
            ContentType.Commit => new HandshakeHeader(epoch, true),
            ContentType.Proposal => new HandshakeHeader(epoch, false),
            _ => throw Refusals.InvalidEnvelope("A handshake envelope must carry a Proposal or a Commit."),
        };
    }
}
