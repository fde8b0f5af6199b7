using System.Security.Cryptography;
using Text = System.Text.Encoding;
using Harmony.Core.Crypto;
using Harmony.Core.Did;
using Harmony.Core.Encoding;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Protocol;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Mls;

/// <summary>
/// What a server stores for a channel is the encoded envelope. These tests put a unique marker in every message,
/// wrap the MLS ciphertext in an <see cref="Envelope"/> as a client does, and search the stored bytes (raw, and as
/// base64/base64url/hex text a store might keep) for the marker in every plain form. A positive control proves the
/// search finds the marker when it is present.
/// </summary>
public sealed class StoredCiphertextTests(ITestOutputHelper output)
{
    private const string Channel = "channel-7f3a";

    public static TheoryData<ushort> Suites => new() { 1, 3 };

    [Theory]
    [MemberData(nameof(Suites))]
    public void StoredEnvelopesContainNoPlaintext(ushort suiteId)
    {
        var suite = CipherSuite.FromId(suiteId);
        using var aliceKey = Ed25519KeyPair.Generate();
        using var bobKey = Ed25519KeyPair.Generate();
        var aliceDid = DidKey.FromEd25519(aliceKey.PublicKey).Did;
        var alice = MlsGroup.Create(suite, Text.UTF8.GetBytes(Channel), Bundle(suite, aliceKey, aliceDid));
        var bobBundle = Bundle(suite, bobKey, DidKey.FromEd25519(bobKey.PublicKey).Did);
        var add = alice.Commit([new AddProposal(bobBundle.KeyPackage)]);
        alice.MergePendingCommit();
        var bob = MlsGroup.Join(add.Welcome!.Welcome!, bobBundle);

        var stored = new List<byte[]> { Store(add.Commit.ToBytes(), EnvelopeKind.Handshake, aliceKey, aliceDid, 1) };
        var markers = new List<byte[]>();
        var kinds = new[] { EnvelopeKind.Message, EnvelopeKind.Edit, EnvelopeKind.ReactionAdd, EnvelopeKind.Message };
        for (var i = 0; i < 40; i++)
        {
            // Short, block-sized and long bodies, so padding and multi-block AEAD output are both covered.
            var marker = NewMarker();
            var body = Text.UTF8.GetBytes($"secret {i}: ").Concat(marker).Concat(new byte[i * 37 % 300].Select((_, j) => (byte)('a' + j % 26))).ToArray();
            markers.Add(marker);
            var wire = alice.EncryptApplication(body).ToBytes();
            var envelope = Store(wire, kinds[i % kinds.Length], aliceKey, aliceDid, (ulong)i + 2);
            stored.Add(envelope);

            // The stored envelope still carries a readable message for members.
            var decoded = EnvelopeCodec.Decode(envelope);
            Assert.True(EnvelopeCodec.Verify(decoded));
            Assert.Equal(body, bob.Process(MlsMessage.Parse(decoded.Ciphertext)).ApplicationData);
        }

        var leaks = new List<string>();
        for (var m = 0; m < markers.Count; m++)
            for (var s = 0; s < stored.Count; s++)
                foreach (var form in Leaks(stored[s], markers[m]))
                    leaks.Add($"marker {m} in envelope {s} as {form}");
        output.WriteLine($"suite {suiteId}: {markers.Count} markers x {stored.Count} envelopes searched, {leaks.Count} leaks");
        Assert.Empty(leaks);
    }

    [Fact]
    public void SearchFindsPlaintextWhenItIsThere()
    {
        using var key = Ed25519KeyPair.Generate();
        var did = DidKey.FromEd25519(key.PublicKey).Did;
        var marker = NewMarker();
        for (var offset = 0; offset < 3; offset++)
        {
            // A careless client that stored the text itself would be caught, at any byte alignment.
            var envelope = Store([.. new byte[offset], .. "x"u8, .. marker], EnvelopeKind.Message, key, did, 1);
            var forms = Leaks(envelope, marker).ToList();
            Assert.Contains("raw bytes", forms);
            Assert.Contains("inside base64(envelope)", forms);
            Assert.Contains("inside hex(envelope)", forms);
        }
    }

    [Fact]
    public void AuthenticatedDataIsNotEncrypted()
    {
        // MLS authenticated_data travels in clear: clients must never put content there.
        var suite = CipherSuite.FromId(3);
        using var key = Ed25519KeyPair.Generate();
        var did = DidKey.FromEd25519(key.PublicKey).Did;
        var group = MlsGroup.Create(suite, "g"u8.ToArray(), Bundle(suite, key, did));
        var marker = NewMarker();
        var envelope = Store(group.EncryptApplication("body"u8, marker).ToBytes(), EnvelopeKind.Message, key, did, 1);
        Assert.Contains("raw bytes", Leaks(envelope, marker));
    }

    // Every plain form of the marker that occurs in the stored envelope or a text encoding of it.
    private static IEnumerable<string> Leaks(byte[] envelope, byte[] marker)
    {
        var needles = new List<(string Name, byte[] Bytes)>
        {
            ("utf-8", marker),
            ("utf-16", Text.Unicode.GetBytes(Text.UTF8.GetString(marker))),
            ("hex", Text.ASCII.GetBytes(Convert.ToHexString(marker))),
            ("hex-lower", Text.ASCII.GetBytes(Convert.ToHexStringLower(marker))),
        };
        // Base64 text depends on the byte alignment: cover all three, trimmed to whole 3-byte groups.
        for (var skip = 0; skip < 3; skip++)
        {
            var part = marker.AsSpan(skip, (marker.Length - skip) / 3 * 3);
            needles.Add(($"base64@{skip}", Text.ASCII.GetBytes(Convert.ToBase64String(part))));
            needles.Add(($"base64url@{skip}", Text.ASCII.GetBytes(Base64Url.Encode(part))));
        }
        var haystacks = new List<(string Name, byte[] Bytes)>
        {
            ("raw bytes", envelope),
            ("inside base64(envelope)", Text.ASCII.GetBytes(Convert.ToBase64String(envelope))),
            ("inside base64url(envelope)", Text.ASCII.GetBytes(Base64Url.Encode(envelope))),
            ("inside hex(envelope)", Text.ASCII.GetBytes(Convert.ToHexString(envelope))),
        };
        foreach (var (hayName, hay) in haystacks)
        {
            var found = needles.Where(n => hay.AsSpan().IndexOf(n.Bytes) >= 0).Select(n => n.Name).ToList();
            if (found.Count > 0) yield return hayName;
            foreach (var name in found) yield return $"{name} {hayName}";
        }
    }

    // 24 random bytes as 48 hex digits: no accidental match in a few kilobytes of ciphertext.
    private static byte[] NewMarker() => Text.ASCII.GetBytes("MARK" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));

    private static byte[] Store(byte[] ciphertext, EnvelopeKind kind, Ed25519KeyPair author, string did, ulong lamport)
    {
        var envelope = new Envelope
        {
            Channel = Channel,
            Author = did,
            Lamport = lamport,
            Kind = kind,
            CreatedAtMs = 1_760_000_000_000,
            Target = kind is EnvelopeKind.Message or EnvelopeKind.Handshake ? null : "target-envelope-id",
            Ciphertext = ciphertext,
        };
        return EnvelopeCodec.Encode(EnvelopeCodec.Sign(envelope, author));
    }

    private static KeyPackageBundle Bundle(CipherSuite suite, Ed25519KeyPair key, string did)
        => KeyPackageBundle.Create(suite, Credential.Basic(Text.UTF8.GetBytes(did)), key.ExportSeed(), DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromDays(1));
}
