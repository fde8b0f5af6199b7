using System.Text;
using Harmony.Core.Did;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Messages;
using Harmony.Grains.Authorization;

namespace Harmony.Grains.Channel;

/// <summary>
/// Reads what the delivery service needs from a handshake envelope's ciphertext: an <c>MLSMessage</c> (RFC 9420 §6)
/// whose content type is Proposal or Commit, or a Welcome (encrypted to the joiners' KeyPackages, carried as a
/// handshake envelope so that joiners find it in the log; it takes no part in epoch ordering, so it has no header).
/// Nothing is decrypted.
/// <para>
/// New handshakes must be PublicMessages: only then are Add proposals and the KeyPackages they carry visible, so the
/// channel can require <c>AddMember</c> and check who is being added. MLS allows either framing for handshakes
/// (RFC 9420 §6.2 leaves the choice to the application), so this is the delivery service's rule. A Commit may also add
/// members through references to earlier Add proposals; those proposals passed the same checks when they were
/// appended, and members only know proposals they received through the channel.
/// </para>
/// </summary>
internal static class MlsHandshake
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>
    /// Inspects a new handshake by <paramref name="author"/>; throws <c>InvalidEnvelope</c> for anything the channel
    /// does not accept.
    /// </summary>
    public static HandshakeInspection Inspect(byte[] ciphertext, int maxBytes, string author)
    {
        var message = Parse(ciphertext, maxBytes);
        if (message.WireFormat == WireFormat.Welcome) return new HandshakeInspection(null, []);
        if (message.WireFormat == WireFormat.PrivateMessage)
            throw Refusals.InvalidEnvelope("MLS handshakes in a channel must be PublicMessages so that the delivery service can check Adds; send Proposals and Commits unencrypted (application messages stay PrivateMessages).");
        if (message.WireFormat != WireFormat.PublicMessage)
            throw Refusals.InvalidEnvelope($"A handshake envelope cannot carry an MLS {message.WireFormat}.");

        var content = message.PublicMessage!.Content;
        var added = new List<LeafNode>();
        switch (content.ContentType)
        {
            case ContentType.Proposal:
                if (content.Proposal is AddProposal add) added.Add(add.KeyPackage.LeafNode);
                break;
            case ContentType.Commit:
                foreach (var p in content.Commit!.Proposals)
                    if (p.Proposal is AddProposal inline) added.Add(inline.KeyPackage.LeafNode);
                if (content.Sender.Type == SenderType.NewMemberCommit && content.Commit.Path is { } path) added.Add(path.LeafNode);
                break;
            default:
                throw Refusals.InvalidEnvelope("A handshake envelope must carry a Proposal or a Commit.");
        }

        var dids = new List<string>(added.Count);
        foreach (var leaf in added)
        {
            var did = BoundDid(leaf);
            if (!dids.Contains(did, StringComparer.Ordinal)) dids.Add(did);
        }
        // A prospective member may only ask for (or commit) its own addition.
        if (content.Sender.Type is SenderType.NewMemberProposal or SenderType.NewMemberCommit
            && (dids.Count != 1 || !string.Equals(dids[0], author, StringComparison.Ordinal)))
            throw Refusals.InvalidEnvelope("A new member's own proposal or external commit must add the envelope's author and no one else.");
        return new HandshakeInspection(new HandshakeHeader(content.Epoch, content.ContentType == ContentType.Commit), dids);
    }

    /// <summary>
    /// The epoch header of imported history, which is applied as its origin accepted it (PrivateMessage handshakes
    /// included); null for a Welcome.
    /// </summary>
    public static HandshakeHeader? InspectImported(byte[] ciphertext, int maxBytes)
    {
        var message = Parse(ciphertext, maxBytes);
        if (message.WireFormat == WireFormat.Welcome) return null;
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

    private static MlsMessage Parse(byte[] ciphertext, int maxBytes)
    {
        try { return MlsMessage.Parse(ciphertext, new MlsLimits { MaxVectorLength = maxBytes }); }
        catch (MlsException e) { throw Refusals.InvalidEnvelope($"A handshake envelope must carry an MLS message: [{e.Code}] {e.Message}"); }
    }

    /// <summary>
    /// The DID an added leaf belongs to: its basic credential must name an Ed25519 did:key, and members sign MLS with
    /// their DID key, so the leaf's signature key must be that key.
    /// </summary>
    private static string BoundDid(LeafNode leaf)
    {
        if (leaf.Credential.Type != (ushort)CredentialType.Basic)
            throw Refusals.InvalidEnvelope("An added member's credential must be a basic credential holding its DID.");
        string text;
        try { text = StrictUtf8.GetString(leaf.Credential.Identity); }
        catch (DecoderFallbackException) { throw Refusals.InvalidEnvelope("An added member's credential identity is not UTF-8 text."); }
        if (!DidKey.TryParse(text, out var did, out _) || did!.KeyType != DidKeyType.Ed25519)
            throw Refusals.InvalidEnvelope("An added member's credential identity must be an Ed25519 did:key.");
        if (!did.PublicKey.AsSpan().SequenceEqual(leaf.SignatureKey))
            throw Refusals.InvalidEnvelope($"The leaf added for '{did.Did}' is not signed with that DID's key: members sign MLS with their DID key.");
        return did.Did;
    }
}
