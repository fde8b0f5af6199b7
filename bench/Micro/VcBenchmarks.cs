using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Harmony.Core.Credentials;
using Harmony.Core.Crypto;
using Harmony.Core.Did;

namespace Harmony.Bench.Micro;

/// <summary>Verifying a VC 2.0 credential (eddsa-jcs-2022, did:key): from a parsed object and from JSON text.</summary>
[MemoryDiagnoser]
public class VcBenchmarks
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private JsonObject _credential = null!;
    private string _text = null!;
    private CredentialVerifier _verifier = null!;
    private Ed25519KeyPair _issuer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _issuer = Ed25519KeyPair.FromSeed(Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(VcConstants.ContextV2),
            ["id"] = "urn:uuid:6a1f3c1e-0b7e-4c55-9d0a-7d1e1d2f0001",
            ["type"] = new JsonArray(VcConstants.CredentialType, "HarmonyMembershipCredential"),
            ["issuer"] = DidKey.FromEd25519(_issuer.PublicKey).Did,
            ["validFrom"] = "2025-01-01T00:00:00Z",
            ["validUntil"] = "2026-01-01T00:00:00Z",
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = "did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT",
                ["memberOf"] = "harmony.example",
                ["role"] = "moderator",
            },
        };
        _credential = CredentialIssuer.Issue(credential, _issuer, new IssueOptions { Created = Now.AddDays(-1) });
        _text = _credential.ToJsonString();
        _verifier = new CredentialVerifier(new FixedClock(Now), new InMemoryRevocationRegistry());
    }

    [GlobalCleanup]
    public void Cleanup() => _issuer.Dispose();

    /// <summary>Verify a parsed credential (limits, shape, proof policy, JCS, SHA-256, Ed25519, dates, revocation).</summary>
    [Benchmark(Baseline = true)]
    public VerifiedCredential VerifyObject() => _verifier.Verify(_credential);

    /// <summary>Parse strictly and verify, as the CLI and a server receiving JSON do.</summary>
    [Benchmark]
    public VerifiedCredential VerifyText() => _verifier.Verify(_text);

    /// <summary>Issue (sign) the same credential, for comparison.</summary>
    [Benchmark]
    public JsonObject Issue()
    {
        var unsigned = (JsonObject)_credential.DeepClone();
        unsigned.Remove("proof");
        return CredentialIssuer.Issue(unsigned, _issuer, new IssueOptions { Created = Now });
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
