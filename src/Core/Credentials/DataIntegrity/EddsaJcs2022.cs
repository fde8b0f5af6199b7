using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Harmony.Core.Crypto;
using Harmony.Core.Encoding;

namespace Harmony.Core.Credentials.DataIntegrity;

/// <summary>
/// The <c>eddsa-jcs-2022</c> cryptosuite of W3C VC Data Integrity EdDSA: the signature is Ed25519 over
/// SHA-256(JCS(proof config)) ‖ SHA-256(JCS(document without proof)), encoded as multibase base58btc.
/// </summary>
public static class EddsaJcs2022
{
    /// <summary>The cryptosuite name.</summary>
    public const string Cryptosuite = "eddsa-jcs-2022";

    /// <summary>The proof type.</summary>
    public const string ProofType = "DataIntegrityProof";

    /// <summary>Creates the proof object for <paramref name="unsecuredDocument"/> (which must not contain <c>proof</c>).</summary>
    public static JsonObject CreateProof(JsonObject unsecuredDocument, ProofOptions options, Ed25519KeyPair key)
    {
        ArgumentNullException.ThrowIfNull(unsecuredDocument);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(key);
        if (unsecuredDocument.ContainsKey("proof"))
            throw new DataIntegrityException("proof.document", "The document to sign already has a proof; remove it first.");
        var proof = BuildProofConfig(unsecuredDocument, options);
        var signature = key.Sign(HashData(unsecuredDocument, proof));
        proof["proofValue"] = Multibase.EncodeBase58Btc(signature);
        return proof;
    }

    /// <summary>Returns a copy of <paramref name="unsecuredDocument"/> with <c>proof</c> set.</summary>
    public static JsonObject Sign(JsonObject unsecuredDocument, ProofOptions options, Ed25519KeyPair key)
    {
        var proof = CreateProof(unsecuredDocument, options, key);
        var secured = (JsonObject)unsecuredDocument.DeepClone();
        secured["proof"] = proof;
        return secured;
    }

    /// <summary>
    /// Checks one proof's type, cryptosuite, context rule and Ed25519 signature over <paramref name="unsecuredDocument"/>.
    /// Policy (purpose, key control, dates) is the caller's. Throws <see cref="DataIntegrityException"/> when the proof
    /// is malformed; returns false when it is well formed but the signature does not verify.
    /// </summary>
    public static bool VerifyProof(JsonObject unsecuredDocument, JsonObject proof, ReadOnlySpan<byte> publicKey) =>
        Verify(unsecuredDocument, null, proof, publicKey);

    /// <summary>
    /// As <see cref="VerifyProof"/>, for a secured document whose <c>proof</c> member is ignored, without copying it.
    /// </summary>
    public static bool VerifySecuredProof(JsonObject securedDocument, JsonObject proof, ReadOnlySpan<byte> publicKey) =>
        Verify(securedDocument, "proof", proof, publicKey);

    private static bool Verify(JsonObject document, string? excludedMember, JsonObject proof, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(proof);
        if (StringMember(proof, "type") != ProofType) throw new DataIntegrityException("proof.type", $"Proof type must be {ProofType}.");
        if (StringMember(proof, "cryptosuite") != Cryptosuite) throw new DataIntegrityException("proof.cryptosuite", $"Cryptosuite must be {Cryptosuite}.");
        var proofValue = StringMember(proof, "proofValue") ?? throw new DataIntegrityException("proof.value", "The proof has no proofValue.");
        if (!proofValue.StartsWith('z')) throw new DataIntegrityException("proof.value", "proofValue must be multibase base58btc.");
        byte[] signature;
        try { signature = Multibase.Decode(proofValue); }
        catch (EncodingException) { throw new DataIntegrityException("proof.value", "proofValue is not valid base58btc."); }
        if (signature.Length != Ed25519.SignatureSize) return false;

        if (proof.TryGetPropertyValue("@context", out var proofContext))
        {
            var documentContext = document["@context"];
            if (!ContextStartsWith(documentContext, proofContext))
                throw new DataIntegrityException("proof.context", "The document's @context does not start with the proof's @context.");
            if (!JsonNode.DeepEquals(documentContext, proofContext))
            {
                // The proof signed the document under the proof's (shorter) @context: rebuild that document.
                var copy = new JsonObject();
                foreach (var (name, value) in document)
                    if (excludedMember is null || name != excludedMember) copy[name] = value?.DeepClone();
                copy["@context"] = proofContext?.DeepClone();
                document = copy;
                excludedMember = null;
            }
        }

        var buffer = Buffer;
        var hash = new byte[64];
        buffer.ResetWrittenCount();
        Jcs.WriteExcluding(buffer, proof, "proofValue");
        SHA256.HashData(buffer.WrittenSpan, hash.AsSpan(0, 32));
        buffer.ResetWrittenCount();
        if (excludedMember is null) Jcs.Write(buffer, document);
        else Jcs.WriteExcluding(buffer, document, excludedMember);
        SHA256.HashData(buffer.WrittenSpan, hash.AsSpan(32, 32));
        if (buffer.Capacity > MaxRetainedBuffer) t_buffer = null;
        return Ed25519.Verify(publicKey, hash, signature);
    }

    private const int MaxRetainedBuffer = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private static ArrayBufferWriter<byte> Buffer => t_buffer ??= new ArrayBufferWriter<byte>(4096);

    /// <summary>The proof configuration (everything but proofValue) in the member order the spec's examples use.</summary>
    private static JsonObject BuildProofConfig(JsonObject document, ProofOptions options)
    {
        var proof = new JsonObject
        {
            ["type"] = ProofType,
            ["cryptosuite"] = Cryptosuite,
        };
        if (options.Created is { } created) proof["created"] = FormatDate(created);
        if (options.Expires is { } expires) proof["expires"] = FormatDate(expires);
        proof["verificationMethod"] = options.VerificationMethod;
        proof["proofPurpose"] = options.ProofPurpose;
        if (options.Challenge is not null) proof["challenge"] = options.Challenge;
        if (options.Domain is not null) proof["domain"] = options.Domain;
        if (options.Nonce is not null) proof["nonce"] = options.Nonce;
        if (options.Extra is not null)
            foreach (var (name, value) in options.Extra) proof[name] = value?.DeepClone();
        if (!options.OmitContext)
        {
            var context = options.Context ?? document["@context"];
            if (context is not null) proof["@context"] = context.DeepClone();
        }
        return proof;
    }

    private static byte[] HashData(JsonObject document, JsonObject proofConfig)
    {
        var hash = new byte[64];
        SHA256.HashData(Jcs.CanonicalizeToUtf8(proofConfig), hash.AsSpan(0, 32));
        SHA256.HashData(Jcs.CanonicalizeToUtf8(document), hash.AsSpan(32, 32));
        return hash;
    }

    /// <summary>XML Schema dateTime in UTC with second precision, the form Data Integrity examples use.</summary>
    public static string FormatDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? StringMember(JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var node) && node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool ContextStartsWith(JsonNode? documentContext, JsonNode? proofContext)
    {
        var doc = AsList(documentContext);
        var proof = AsList(proofContext);
        if (proof.Count > doc.Count) return false;
        for (var i = 0; i < proof.Count; i++)
            if (!JsonNode.DeepEquals(doc[i], proof[i])) return false;
        return true;
    }

    private static List<JsonNode?> AsList(JsonNode? context) => context switch
    {
        null => [],
        JsonArray array => [.. array],
        _ => [context],
    };
}
