using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Credentials;
using Harmony.Core.Credentials.DataIntegrity;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Encoding;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Credentials;

/// <summary>
/// Every step of the w3c/vc-di-eddsa eddsa-jcs-2022 vector, each compared with its own file: canonical document,
/// document hash, proof configuration and its canonical form, proof hash, combined hash, signature (hex and base58)
/// and the signed document's exact text. Also checks what the proof-set/chain folder allows.
/// </summary>
public sealed class EddsaJcs2022VectorStepTests(ITestOutputHelper output)
{
    private static readonly string[] Folder = ["vc-di-eddsa", "TestVectors"];

    private static string File(string name) => Vectors.Text([.. Folder, "eddsa-jcs-2022", name]);

    private static string Trimmed(string name) => File(name).Trim();

    private static (byte[] Seed, byte[] Public) KeyPairFile(JsonElement pair)
    {
        var (privCode, seed) = Multicodec.Split(Multibase.Decode(pair.GetProperty("privateKeyMultibase").GetString()!));
        var (pubCode, pub) = Multicodec.Split(Multibase.Decode(pair.GetProperty("publicKeyMultibase").GetString()!));
        Assert.Equal(0x1300, privCode); // multicodec ed25519-priv
        Assert.Equal(Multicodec.Ed25519Public, pubCode);
        return (seed, pub);
    }

    [Fact]
    public void Every_step_of_the_jcs_vector_reproduces_byte_for_byte()
    {
        var failures = new List<string>();
        var steps = 0;
        void Step(string name, string expected, string actual)
        {
            steps++;
            if (expected != actual) failures.Add($"{name}: expected {expected} got {actual}");
        }

        using var keyFile = Vectors.Json([.. Folder, "keyPair.json"]);
        var (seed, pub) = KeyPairFile(keyFile.RootElement);
        using var key = Ed25519KeyPair.FromSeed(seed);
        Step("keyPair public key", Convert.ToHexStringLower(pub), Convert.ToHexStringLower(key.PublicKey));

        var unsigned = JsonNode.Parse(Vectors.Text([.. Folder, "unsigned.json"]))!.AsObject();
        var vectorConfig = JsonNode.Parse(File("proofConfigJCS.json"))!.AsObject();

        // 1. canonical document and its hash
        var canonDoc = Jcs.Canonicalize(unsigned);
        Step("canonDocJCS.txt", Trimmed("canonDocJCS.txt"), canonDoc);
        var docHash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonDoc));
        Step("docHashJCS.txt", Trimmed("docHashJCS.txt"), Convert.ToHexStringLower(docHash));

        // 2. the proof configuration our signer builds from the vector's options equals proofConfigJCS.json
        var options = new ProofOptions(
            (string)vectorConfig["verificationMethod"]!,
            (string)vectorConfig["proofPurpose"]!,
            DateTimeOffset.Parse((string)vectorConfig["created"]!, System.Globalization.CultureInfo.InvariantCulture));
        var proof = EddsaJcs2022.CreateProof(unsigned, options, key);
        var ourConfig = (JsonObject)proof.DeepClone();
        ourConfig.Remove("proofValue");
        Step("proofConfigJCS.json (members)", vectorConfig.ToJsonString(), ourConfig.ToJsonString());

        // 3. canonical proof configuration (from the vector's file and from ours) and its hash
        Step("proofCanonJCS.txt (vector config)", Trimmed("proofCanonJCS.txt"), Jcs.Canonicalize(vectorConfig));
        var proofCanon = Jcs.Canonicalize(ourConfig);
        Step("proofCanonJCS.txt (our config)", Trimmed("proofCanonJCS.txt"), proofCanon);
        var proofHash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(proofCanon));
        Step("proofHashJCS.txt", Trimmed("proofHashJCS.txt"), Convert.ToHexStringLower(proofHash));

        // 4. combined hash = proof hash || document hash
        var combined = proofHash.Concat(docHash).ToArray();
        Step("combinedHashJCS.txt", Trimmed("combinedHashJCS.txt"), Convert.ToHexStringLower(combined));

        // 5. signature: Ed25519 over the combined hash (deterministic), as hex and as multibase base58btc
        var vectorSignature = Convert.FromHexString(Trimmed("sigHexJCS.txt"));
        Step("sigHexJCS.txt (raw Ed25519 of combined hash)", Trimmed("sigHexJCS.txt"), Convert.ToHexStringLower(key.Sign(combined)));
        Step("sigHexJCS.txt (our proofValue decoded)", Trimmed("sigHexJCS.txt"), Convert.ToHexStringLower(Multibase.Decode((string)proof["proofValue"]!)));
        Step("sigBTC58JCS.txt (our proofValue)", Trimmed("sigBTC58JCS.txt"), (string)proof["proofValue"]!);
        Step("sigBTC58JCS.txt (base58 of sigHex)", Trimmed("sigBTC58JCS.txt"), Multibase.EncodeBase58Btc(vectorSignature));
        Step("vector signature verifies over combined hash", "True", Ed25519.Verify(pub, combined, vectorSignature).ToString());

        // 6. the whole signed document, as text, in the file's own layout (two-space indentation)
        var signed = EddsaJcs2022.Sign(unsigned, options, key);
        var text = signed.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        Step("signedJCS.json (exact text)", File("signedJCS.json").TrimEnd('\n', '\r'), text);
        Step("signedJCS.json (canonical)", Jcs.Canonicalize(JsonNode.Parse(File("signedJCS.json"))), Jcs.Canonicalize(signed));

        output.WriteLine($"eddsa-jcs-2022: {steps - failures.Count}/{steps} steps reproduced");
        Assert.Empty(failures);
    }

    [Fact]
    public void Vector_signature_verifies_but_its_https_issuer_cannot_be_the_did_key_signer()
    {
        // The vector's issuer is https://vc.example/issuers/5678 while its key is a did:key: the proof is sound, but
        // Harmony's verifier only accepts a verification method the issuer itself controls.
        var signed = JsonNode.Parse(File("signedJCS.json"))!.AsObject();
        var unsecured = (JsonObject)signed.DeepClone();
        unsecured.Remove("proof");
        using var keyFile = Vectors.Json([.. Folder, "keyPair.json"]);
        var (_, pub) = KeyPairFile(keyFile.RootElement);
        Assert.True(EddsaJcs2022.VerifyProof(unsecured, signed["proof"]!.AsObject(), pub));

        var verifier = new CredentialVerifier(new FakeClock(VcFixtures.Now));
        var error = Assert.Throws<CredentialException>(() => verifier.Verify(signed));
        Assert.Equal(CredentialErrorCodes.ControllerMismatch, error.Code);
    }

    [Fact]
    public void Proof_set_and_chain_folder_has_no_jcs_proofs_and_its_keys_and_methods_are_consistent()
    {
        // The proof-set-chain vectors are all eddsa-rdfc-2022 (RDF canonicalisation, not JCS), so their signatures
        // cannot be checked here; this checks their keys, their did:key verification methods, and that the JCS suite
        // refuses them by cryptosuite rather than misreading them.
        var dir = Vectors.PathOf([.. Folder, "proof-set-chain"]);
        using var keys = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(dir, "multiKeyPairs.json")));
        var knownMethods = new HashSet<string>();
        foreach (var pair in keys.RootElement.EnumerateObject())
        {
            var (seed, pub) = KeyPairFile(pair.Value);
            using var key = Ed25519KeyPair.FromSeed(seed);
            Assert.Equal(pub, key.PublicKey);
            knownMethods.Add(DidKey.FromEd25519(pub).VerificationMethodId);
        }

        var failures = new List<string>();
        var proofs = 0;
        foreach (var path in Directory.GetFiles(dir, "*.json").Where(p => !p.EndsWith("multiKeyPairs.json", StringComparison.Ordinal)).Order())
        {
            var root = JsonNode.Parse(System.IO.File.ReadAllText(path))!.AsObject();
            var found = root["proof"] switch
            {
                JsonArray many => many.Select(p => p!.AsObject()).ToList(),
                JsonObject one => [one],
                _ => root.ContainsKey("cryptosuite") ? [root] : [],
            };
            foreach (var proof in found)
            {
                proofs++;
                var name = $"{Path.GetFileName(path)}#{(string?)proof["id"] ?? (string?)proof["created"]}";
                var suite = (string?)proof["cryptosuite"];
                if (suite == EddsaJcs2022.Cryptosuite) failures.Add($"{name}: an eddsa-jcs-2022 proof this test does not check yet");
                if (!knownMethods.Contains((string)proof["verificationMethod"]!)) failures.Add($"{name}: unknown verification method");
                if (proof.ContainsKey("proofValue") && root.ContainsKey("@context"))
                {
                    var unsecured = (JsonObject)root.DeepClone();
                    unsecured.Remove("proof");
                    var error = Assert.Throws<DataIntegrityException>(() => EddsaJcs2022.VerifyProof(unsecured, proof, new byte[32]));
                    if (error.Code != "proof.cryptosuite") failures.Add($"{name}: refused with {error.Code}");
                }
            }
        }
        output.WriteLine($"proof-set-chain: {proofs - failures.Count}/{proofs} proofs consistent (all eddsa-rdfc-2022, none eddsa-jcs-2022)");
        Assert.True(proofs > 0);
        Assert.Empty(failures);
    }
}
