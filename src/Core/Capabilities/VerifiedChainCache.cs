using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harmony.Core.Capabilities;

/// <summary>
/// Verified chains keyed by root controller, capability id and a SHA-256 of the capability's JSON (which embeds its
/// whole chain), so a changed byte anywhere in the chain is a miss. Bounded: when full it starts over. Thread-safe.
/// Share one instance only among verifiers with equal <see cref="CapabilityVerifierOptions"/>.
/// </summary>
public sealed class VerifiedChainCache(int capacity = 10_000)
{
    private readonly ConcurrentDictionary<string, VerifiedChain> _chains = new(StringComparer.Ordinal);

    /// <summary>Number of cached chains.</summary>
    public int Count => _chains.Count;

    /// <summary>Drops every cached chain.</summary>
    public void Clear() => _chains.Clear();

    internal bool TryGet(string key, out VerifiedChain chain) => _chains.TryGetValue(key, out chain!);

    internal void Add(string key, VerifiedChain chain)
    {
        if (capacity == 0) return;
        if (_chains.Count >= capacity) _chains.Clear();
        _chains[key] = chain;
    }

    // One serialization buffer per thread: the key is computed on every call, and a fresh buffer per call cost more
    // than the hashing itself.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    private const int MaxRetainedBuffer = 256 * 1024;

    internal static string Key(string rootController, string capabilityId, JsonNode capability)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(8192);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        writer.Reset(buffer);
        capability.WriteTo(writer);
        writer.Flush();
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, hash);
        if (buffer.Capacity > MaxRetainedBuffer)
        {
            t_buffer = null;
            t_writer = null;
        }
        return string.Concat(rootController, "\n", capabilityId, "\n", Convert.ToBase64String(hash));
    }
}
