using System.Text.Json.Nodes;
using Harmony.Core.Credentials;
using Harmony.Core.Crypto;
using Harmony.Core.Did;

namespace Harmony.Core.Tests.Credentials;

/// <summary>Fixed keys (RFC 8032 section 7.1 seeds) and a credential template for the credential tests.</summary>
internal static class VcFixtures
{
    public const string IssuerSeedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    public const string HolderSeedHex = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    public const string OtherSeedHex = "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7";

    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static Ed25519KeyPair Issuer() => Ed25519KeyPair.FromSeed(Convert.FromHexString(IssuerSeedHex));

    public static Ed25519KeyPair Holder() => Ed25519KeyPair.FromSeed(Convert.FromHexString(HolderSeedHex));

    public static Ed25519KeyPair Other() => Ed25519KeyPair.FromSeed(Convert.FromHexString(OtherSeedHex));

    public static string DidOf(Ed25519KeyPair key) => DidKey.FromEd25519(key.PublicKey).Did;

    public static JsonObject Credential(string issuer, string id = "urn:uuid:6a1f3c1e-0b7e-4c55-9d0a-7d1e1d2f0001") => new()
    {
        ["@context"] = new JsonArray(VcConstants.ContextV2),
        ["id"] = id,
        ["type"] = new JsonArray(VcConstants.CredentialType, "HarmonyMembershipCredential"),
        ["issuer"] = issuer,
        ["validFrom"] = "2025-01-01T00:00:00Z",
        ["validUntil"] = "2026-01-01T00:00:00Z",
        ["credentialSubject"] = new JsonObject
        {
            ["id"] = "did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT",
            ["memberOf"] = "harmony.example",
            ["role"] = "moderator",
        },
    };

    public static IssueOptions IssueAt(DateTimeOffset created) => new() { Created = created };
}
