using Harmony.Client.Encryption;

namespace Harmony.Client.Tests.Infrastructure;

/// <summary>A stand-in for the MLS layer: marks the bytes so tests can tell what was "encrypted".</summary>
public sealed class TestEncryptor : IMessageEncryptor
{
    public static readonly byte[] Marker = "mls:"u8.ToArray();

    public ValueTask<byte[]> EncryptAsync(string channelId, ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken) =>
        ValueTask.FromResult<byte[]>([.. Marker, .. plaintext.Span]);
}
