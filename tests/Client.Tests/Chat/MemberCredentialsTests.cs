using Harmony.Client.Chat;
using Harmony.Client.Chat.Mls;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;

namespace Harmony.Client.Tests.Chat;

public sealed class MemberCredentialsTests
{
    private static KeyPackageBundle Bundle(string claimedDid, Ed25519KeyPair signer) =>
        KeyPackageBundle.Create(CipherSuite.FromId(3), MemberCredentials.For(claimedDid), signer.ExportSeed(), DateTimeOffset.UtcNow, TimeSpan.FromDays(1));

    [Fact]
    public void A_leaf_naming_its_own_did_passes()
    {
        using var key = Ed25519KeyPair.Generate();
        var did = DidKey.FromEd25519(key.PublicKey).Did;
        Assert.Equal(did, MemberCredentials.Check(Bundle(did, key).KeyPackage.LeafNode));
    }

    [Fact]
    public void A_leaf_claiming_another_did_is_refused_with_a_typed_error()
    {
        using var mallory = Ed25519KeyPair.Generate();
        using var victim = Ed25519KeyPair.Generate();
        var leaf = Bundle(DidKey.FromEd25519(victim.PublicKey).Did, mallory).KeyPackage.LeafNode;
        Assert.Equal(ChatErrorCodes.CredentialMismatch, Assert.Throws<HarmonyClientException>(() => MemberCredentials.Check(leaf)).Code);
    }

    [Fact]
    public void A_leaf_whose_identity_is_not_a_did_key_is_refused()
    {
        using var key = Ed25519KeyPair.Generate();
        var leaf = KeyPackageBundle.Create(CipherSuite.FromId(3), Harmony.Core.Mls.Messages.Credential.Basic("alice"u8.ToArray()), key.ExportSeed(), DateTimeOffset.UtcNow, TimeSpan.FromDays(1)).KeyPackage.LeafNode;
        Assert.Equal(ChatErrorCodes.CredentialMismatch, Assert.Throws<HarmonyClientException>(() => MemberCredentials.Check(leaf)).Code);
    }

    [Fact]
    public void A_joined_group_whose_tree_holds_a_mismatched_leaf_is_refused()
    {
        using var alice = Ed25519KeyPair.Generate();
        using var mallory = Ed25519KeyPair.Generate();
        using var victim = Ed25519KeyPair.Generate();
        var suite = CipherSuite.FromId(3);
        using var group = MlsGroup.Create(suite, "g"u8.ToArray(), Bundle(DidKey.FromEd25519(alice.PublicKey).Did, alice));
        MemberCredentials.CheckGroup(group);
        group.Commit([new Harmony.Core.Mls.Messages.AddProposal(Bundle(DidKey.FromEd25519(victim.PublicKey).Did, mallory).KeyPackage)]);
        group.MergePendingCommit();
        Assert.Equal(ChatErrorCodes.CredentialMismatch, Assert.Throws<HarmonyClientException>(() => MemberCredentials.CheckGroup(group)).Code);
    }
}
