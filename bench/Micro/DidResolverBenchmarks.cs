using BenchmarkDotNet.Attributes;
using Harmony.Core.Did;

namespace Harmony.Bench.Micro;

/// <summary>did:key parsing, and offline resolution (point validation plus the X25519 map).</summary>
[MemoryDiagnoser]
public class DidResolverBenchmarks
{
    private const string Did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";

    [Benchmark]
    public DidKey Parse() => DidKey.Parse(Did);

    [Benchmark]
    public DidDocument Resolve() => DidResolver.Resolve(Did);
}
