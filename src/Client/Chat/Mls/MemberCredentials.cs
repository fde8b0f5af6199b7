using System.Text;
using Harmony.Core.Did;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Mls.Tree;

namespace Harmony.Client.Chat.Mls;

/// <summary>
/// Harmony's binding of MLS leaves to identities: a leaf's credential is a basic credential whose identity is the
/// member's did:key, and the leaf's signature key must be that DID's Ed25519 key. Leaves that break it are refused.
/// </summary>
internal static class MemberCredentials
{
    /// <summary>The basic credential of <paramref name="did"/>.</summary>
    public static Credential For(string did) => Credential.Basic(Encoding.UTF8.GetBytes(did));

    /// <summary>The DID a credential names, or null when it is not a basic credential holding an Ed25519 did:key.</summary>
    public static string? DidOf(Credential credential)
    {
        if (credential.Type != (ushort)CredentialType.Basic) return null;
        string text;
        try { text = new UTF8Encoding(false, true).GetString(credential.Identity); }
        catch (ArgumentException) { return null; }
        return DidKey.TryParse(text, out var did, out _) && did!.KeyType == DidKeyType.Ed25519 ? did.Did : null;
    }

    /// <summary>Checks one leaf; returns its DID.</summary>
    /// <exception cref="HarmonyClientException"><c>client.mls.credential_mismatch</c>.</exception>
    public static string Check(LeafNode leaf)
    {
        var did = DidOf(leaf.Credential) ?? throw Mismatch("A leaf's credential is not a basic credential holding an Ed25519 did:key.");
        if (!DidKey.Parse(did).PublicKey.AsSpan().SequenceEqual(leaf.SignatureKey))
            throw Mismatch($"The leaf claiming '{did}' is signed by another key.");
        return did;
    }

    /// <summary>Checks every leaf a Commit brings in (Add proposals by value, the committer's UpdatePath leaf).</summary>
    public static void CheckCommit(MlsMessage message)
    {
        var commit = message.PublicMessage?.Content.Commit;
        if (commit is null) return;
        foreach (var p in commit.Proposals)
            if (p.Proposal is AddProposal add) Check(add.KeyPackage.LeafNode);
        if (commit.Path is { } path) Check(path.LeafNode);
    }

    /// <summary>Checks every leaf of a group's current tree (after joining from a Welcome).</summary>
    public static void CheckGroup(MlsGroup group)
    {
        var info = group.CreateGroupInfo();
        var extension = info.FindExtension(ExtensionType.RatchetTree) ?? throw Mismatch("The group's tree could not be read.");
        var tree = RatchetTree.Parse(group.Suite, extension.Data);
        foreach (var leaf in tree.MemberLeaves()) Check(tree.GetLeaf(leaf)!);
    }

    private static HarmonyClientException Mismatch(string message) => new(ChatErrorCodes.CredentialMismatch, message);
}
