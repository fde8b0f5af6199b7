using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Harmony.Core.Capabilities;
using Harmony.Core.Credentials.DataIntegrity;
using Harmony.Core.Crypto;
using Harmony.Core.Did;

namespace Harmony.Bench.Micro;

/// <summary>
/// Verifying an invocation of a depth-3 ZCAP chain (root → 3 delegations → invocation, eddsa-jcs-2022): cold (a new
/// verifier and cache per operation: 4 signature checks) and warm (chain cached: the invocation's signature plus the
/// expiry, revocation and nonce checks), against one raw Ed25519 verification of the 64 bytes eddsa-jcs-2022 signs.
/// The nonce store accepts every nonce so one prepared invocation can be verified repeatedly.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ZcapBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Community = "https://harmony.example/communities/c1";
    private const string Channel = Community + "/channels/general";

    private readonly FixedClock _clock = new(Now);
    private readonly AcceptingNonceStore _nonces = new();
    private readonly InMemoryCapabilityRevocationList _revocations = new();
    private JsonObject _invocation = null!;
    private InvocationExpectation _expectation = null!;
    private CapabilityVerifier _warm = null!;
    private byte[] _publicKey = null!;
    private byte[] _message = null!;
    private byte[] _signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var owner = Key(1);
        using var alice = Key(2);
        using var bob = Key(3);
        using var carol = Key(4);
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var root = CapabilityIssuer.CreateRoot(Community, Did(owner));
        var d1 = CapabilityIssuer.Delegate(root, new DelegationRequest(Did(alice), Community, ["read", "write", "moderate"], t0.AddYears(4)) { Created = t0 }, owner);
        var d2 = CapabilityIssuer.Delegate(d1, new DelegationRequest(Did(bob), Channel, ["read", "write"], t0.AddYears(3)) { Created = t0 }, alice);
        var d3 = CapabilityIssuer.Delegate(d2, new DelegationRequest(Did(carol), Channel, ["write"], t0.AddYears(2)) { Created = t0 }, bob);
        var document = new JsonObject { ["type"] = "PostMessage", ["ciphertext"] = new string('A', 256) };
        var signed = CapabilityIssuer.Invoke(document, d3, new InvocationRequest("write", Channel) { Created = Now }, carol);
        // A server verifies what it parsed from the wire, so measure parsed JSON rather than the issuer's node tree.
        _invocation = JsonNode.Parse(signed.ToJsonString())!.AsObject();
        _expectation = new InvocationExpectation("write", Channel, Did(owner)) { RootTarget = Community };
        _warm = NewVerifier();
        _warm.VerifyInvocationAsync(_invocation, _expectation).AsTask().GetAwaiter().GetResult();

        _publicKey = carol.PublicKey;
        _message = new byte[64];
        Random.Shared.NextBytes(_message);
        _signature = carol.Sign(_message);
    }

    /// <summary>One Ed25519 verification (the unit of the warm-path goal).</summary>
    [Benchmark(Baseline = true)]
    public bool Ed25519Verify() => Ed25519.Verify(_publicKey, _message, _signature);

    /// <summary>Depth-3 invocation with a cached chain.</summary>
    [Benchmark]
    public VerifiedInvocation InvocationWarm() => _warm.VerifyInvocationAsync(_invocation, _expectation).AsTask().GetAwaiter().GetResult();

    /// <summary>Only the eddsa-jcs-2022 check of the invocation proof (JCS of the proof, which embeds the chain, and of the document).</summary>
    [Benchmark]
    public bool InvocationProofOnly() => EddsaJcs2022.VerifySecuredProof(_invocation, _invocation["proof"]!.AsObject(), _publicKey);

    /// <summary>Depth-3 invocation with a fresh verifier and cache.</summary>
    [Benchmark]
    public VerifiedInvocation InvocationCold() => NewVerifier().VerifyInvocationAsync(_invocation, _expectation).AsTask().GetAwaiter().GetResult();

    private CapabilityVerifier NewVerifier() => new(null, _revocations, _nonces, _clock, new VerifiedChainCache());

    private static Ed25519KeyPair Key(byte fill) => Ed25519KeyPair.FromSeed(Enumerable.Repeat(fill, 32).ToArray());

    private static string Did(Ed25519KeyPair key) => DidKey.FromEd25519(key.PublicKey).Did;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class AcceptingNonceStore : INonceStore
    {
        public ValueTask<bool> TryRecordAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) => ValueTask.FromResult(true);
    }
}
