using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.KeySchedule;

namespace Harmony.Core.Mls.Group;

/// <summary>
/// What a past epoch needs to decrypt and authenticate late application messages, and nothing more: the secret tree,
/// the sender-data secret, the group context (signed over) and the members' signature keys. Init, exporter and other
/// epoch secrets are not kept, so a retained epoch cannot derive anything beyond its own message keys.
/// </summary>
internal sealed class RetainedEpoch
{
    private RetainedEpoch(ulong epoch, byte[] contextBytes, byte[] senderDataSecret, SecretTree secretTree, byte[]?[] signatureKeys, DateTimeOffset retiredAt)
    {
        Epoch = epoch;
        ContextBytes = contextBytes;
        SenderDataSecret = senderDataSecret;
        SecretTree = secretTree;
        SignatureKeys = signatureKeys;
        RetiredAt = retiredAt;
    }

    /// <summary>The epoch number.</summary>
    public ulong Epoch { get; }

    /// <summary>The encoded group context of the epoch (message signatures cover it).</summary>
    public byte[] ContextBytes { get; }

    /// <summary>The epoch's sender-data secret.</summary>
    public byte[] SenderDataSecret { get; }

    /// <summary>The epoch's secret tree, with its consumed keys and out-of-order window.</summary>
    public SecretTree SecretTree { get; }

    /// <summary>Signature key per leaf index (null for blank leaves).</summary>
    public byte[]?[] SignatureKeys { get; }

    /// <summary>When the group left this epoch; the retention lifetime counts from here.</summary>
    public DateTimeOffset RetiredAt { get; }

    /// <summary>Keeps the decryption parts of <paramref name="state"/>, which the group left at <paramref name="now"/>.</summary>
    public static RetainedEpoch From(EpochState state, DateTimeOffset now)
    {
        var keys = new byte[]?[state.Tree.LeafCount];
        for (uint i = 0; i < keys.Length; i++) keys[i] = state.Tree.GetLeaf(i)?.SignatureKey;
        return new RetainedEpoch(state.Context.Epoch, state.ContextBytes, state.Secrets.SenderDataSecret, state.SecretTree, keys, now);
    }

    /// <summary>The signature key of the member at <paramref name="leaf"/> in this epoch.</summary>
    public byte[] SignatureKeyOf(uint leaf) =>
        (leaf < SignatureKeys.Length ? SignatureKeys[leaf] : null) ?? throw new MlsException("mls.message.sender", "The sender was not a member in that epoch.");

    /// <inheritdoc />
    public override string ToString() => $"RetainedEpoch(epoch {Epoch}, redacted)";

    /// <summary>Writes the epoch for persistence (secret material).</summary>
    public void Encode(TlsWriter writer)
    {
        writer.WriteUInt64(Epoch);
        writer.WriteUInt64(unchecked((ulong)RetiredAt.ToUnixTimeMilliseconds()));
        writer.WriteOpaque(ContextBytes);
        writer.WriteOpaque(SenderDataSecret);
        SecretTree.Encode(writer);
        writer.WriteVector(SignatureKeys, (w, key) =>
        {
            w.WritePresence(key is not null);
            if (key is not null) w.WriteOpaque(key);
        });
    }

    /// <summary>Reads an epoch written by <see cref="Encode"/>.</summary>
    public static RetainedEpoch Decode(ref TlsReader reader, CipherSuite suite, MlsLimits limits)
    {
        var epoch = reader.ReadUInt64();
        var retiredMs = unchecked((long)reader.ReadUInt64());
        if (retiredMs < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || retiredMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            throw new MlsException("mls.state.invalid", "Invalid retirement time of a retained epoch.");
        var contextBytes = reader.ReadOpaque();
        var senderDataSecret = reader.ReadOpaque();
        var secretTree = SecretTree.Decode(ref reader, suite, limits);
        var keys = reader.ReadVector((ref TlsReader r) => r.ReadPresence() ? r.ReadOpaque() : null);
        if (keys.Count != secretTree.LeafCount || senderDataSecret.Length != suite.HashLength)
            throw new MlsException("mls.state.invalid", "A retained epoch is inconsistent.");
        return new RetainedEpoch(epoch, contextBytes, senderDataSecret, secretTree, [.. keys], DateTimeOffset.FromUnixTimeMilliseconds(retiredMs));
    }
}
