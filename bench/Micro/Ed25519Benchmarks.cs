using BenchmarkDotNet.Attributes;
using Harmony.Core.Crypto;

namespace Harmony.Bench.Micro;

/// <summary>Ed25519 sign and verify of a 256-byte message (about the size of a signed chat envelope).</summary>
[MemoryDiagnoser]
public class Ed25519Benchmarks
{
    private Ed25519KeyPair _key = null!;
    private byte[] _message = null!;
    private byte[] _signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = Ed25519KeyPair.FromSeed(new byte[32]);
        _message = new byte[256];
        new Random(42).NextBytes(_message);
        _signature = _key.Sign(_message);
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public byte[] Sign() => _key.Sign(_message);

    [Benchmark]
    public bool Verify() => Ed25519.Verify(_key.PublicKey, _message, _signature);
}
