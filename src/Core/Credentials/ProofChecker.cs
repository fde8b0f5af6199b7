using System.Text.Json.Nodes;
using Harmony.Core.Credentials.DataIntegrity;
using Harmony.Core.Did;

namespace Harmony.Core.Credentials;

/// <summary>
/// The policy around an eddsa-jcs-2022 proof that <see cref="EddsaJcs2022.VerifyProof"/> leaves to its caller: one
/// proof, the expected purpose, a verification method the controller owns, the proof's own expiry.
/// </summary>
internal static class ProofChecker
{
    /// <summary>
    /// Verifies the proof of <paramref name="secured"/>. did:key resolution is offline: the DID document of
    /// <c>did:key:X</c> has exactly one verification method, <c>did:key:X#X</c>, listed under both assertionMethod and
    /// authentication, so "controlled by the DID" means "is exactly that id".
    /// </summary>
    public static CheckedProof Verify(JsonObject secured, string purpose, string controllerDid, ProofErrorCodes codes, DateTimeOffset now, TimeSpan skew)
    {
        var proof = secured["proof"] switch
        {
            JsonObject single => single,
            JsonArray => throw new CredentialException(codes.UnsupportedProof, "Proof sets and chains are not supported; expected one proof."),
            null when !secured.ContainsKey("proof") => throw new CredentialException(codes.Malformed, "The document has no proof."),
            _ => throw new CredentialException(codes.Malformed, "'proof' must be an object."),
        };
        if (JsonMembers.AsString(proof["type"]) != EddsaJcs2022.ProofType || JsonMembers.AsString(proof["cryptosuite"]) != EddsaJcs2022.Cryptosuite)
            throw new CredentialException(codes.UnsupportedProof, $"Only {EddsaJcs2022.ProofType} proofs with the {EddsaJcs2022.Cryptosuite} cryptosuite are supported.");

        var actualPurpose = JsonMembers.OptionalString(proof, "proofPurpose", codes.Malformed);
        if (actualPurpose != purpose)
            throw new CredentialException(codes.Purpose, $"The proof purpose must be '{purpose}', not '{actualPurpose ?? "(none)"}'.");

        var key = ControlledKey(JsonMembers.RequiredString(proof, "verificationMethod", codes.Malformed), controllerDid, codes.Controller);
        var created = JsonMembers.OptionalDate(proof, "created", codes.Malformed);
        var expires = JsonMembers.OptionalDate(proof, "expires", codes.Malformed);

        var unsecured = (JsonObject)secured.DeepClone();
        unsecured.Remove("proof");
        bool valid;
        try { valid = EddsaJcs2022.VerifyProof(unsecured, proof, key.PublicKey); }
        catch (DataIntegrityException e) { throw new CredentialException(codes.Signature, e.Message); }
        if (!valid) throw new CredentialException(codes.Signature, "The signature does not verify.");

        if (expires is { } until && until + skew < now)
            throw new CredentialException(codes.ProofExpired, $"The proof expired at {EddsaJcs2022.FormatDate(until)}.");
        return new CheckedProof(proof, created);
    }

    /// <summary>The Ed25519 key behind <paramref name="verificationMethod"/>, which must be <paramref name="controllerDid"/>'s own did:key method.</summary>
    public static DidKey ControlledKey(string verificationMethod, string controllerDid, string code)
    {
        if (!controllerDid.StartsWith("did:key:", StringComparison.Ordinal))
            throw new CredentialException(code, $"'{controllerDid}' is not a did:key; only did:key controllers are resolvable offline.");
        if (!verificationMethod.Contains('#', StringComparison.Ordinal)
            || !DidKey.TryParse(verificationMethod, out var key, out _)
            || key!.Did != controllerDid
            || key.KeyType != DidKeyType.Ed25519)
            throw new CredentialException(code, $"The verification method '{verificationMethod}' is not {controllerDid}'s Ed25519 key.");
        return key;
    }
}
