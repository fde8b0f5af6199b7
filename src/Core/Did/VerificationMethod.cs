using System.Text.Json.Nodes;

namespace Harmony.Core.Did;

/// <summary>A Multikey verification method (W3C Controlled Identifiers §2.2.2): a public key as multibase text.</summary>
/// <param name="Id">The method's DID URL, e.g. <c>did:key:z6Mk…#z6Mk…</c>.</param>
/// <param name="Controller">The DID that controls the key.</param>
/// <param name="PublicKeyMultibase">The multicodec-prefixed public key in base58btc (<c>z6Mk…</c> or <c>z6LS…</c>).</param>
public sealed record VerificationMethod(string Id, string Controller, string PublicKeyMultibase)
{
    /// <summary>The verification method type Harmony writes.</summary>
    public const string MultikeyType = "Multikey";

    /// <summary>Always <see cref="MultikeyType"/>.</summary>
    public string Type => MultikeyType;

    /// <summary>The JSON-LD form.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["type"] = Type,
        ["controller"] = Controller,
        ["publicKeyMultibase"] = PublicKeyMultibase,
    };
}
