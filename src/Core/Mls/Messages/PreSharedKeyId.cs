using Harmony.Core.Mls.Codec;

namespace Harmony.Core.Mls.Messages;

/// <summary>Identifies a PSK injected into the key schedule (RFC 9420 §8.4).</summary>
public sealed record PreSharedKeyId : IMlsEncodable
{
    /// <summary>External or resumption.</summary>
    public required PskType Type { get; init; }

    /// <summary>Identifier of an external PSK.</summary>
    public byte[] PskId { get; init; } = [];

    /// <summary>Usage of a resumption PSK.</summary>
    public ResumptionPskUsage Usage { get; init; }

    /// <summary>Group of a resumption PSK.</summary>
    public byte[] PskGroupId { get; init; } = [];

    /// <summary>Epoch of a resumption PSK.</summary>
    public ulong PskEpoch { get; init; }

    /// <summary>Fresh nonce of length Nh.</summary>
    public required byte[] PskNonce { get; init; }

    /// <inheritdoc />
    public void Encode(TlsWriter writer)
    {
        writer.WriteUInt8((byte)Type);
        if (Type == PskType.External)
        {
            writer.WriteOpaque(PskId);
        }
        else
        {
            writer.WriteUInt8((byte)Usage);
            writer.WriteOpaque(PskGroupId);
            writer.WriteUInt64(PskEpoch);
        }
        writer.WriteOpaque(PskNonce);
    }

    /// <summary>Decodes a <c>PreSharedKeyID</c>.</summary>
    public static PreSharedKeyId Decode(ref TlsReader reader)
    {
        var type = (PskType)reader.ReadUInt8();
        switch (type)
        {
            case PskType.External:
                return new PreSharedKeyId { Type = type, PskId = reader.ReadOpaque(), PskNonce = reader.ReadOpaque() };
            case PskType.Resumption:
                var usage = (ResumptionPskUsage)reader.ReadUInt8();
                if (usage is not (ResumptionPskUsage.Application or ResumptionPskUsage.ReInit or ResumptionPskUsage.Branch))
                    throw new MlsException("mls.codec.invalid_value", "Unknown resumption PSK usage.");
                return new PreSharedKeyId { Type = type, Usage = usage, PskGroupId = reader.ReadOpaque(), PskEpoch = reader.ReadUInt64(), PskNonce = reader.ReadOpaque() };
            default:
                throw new MlsException("mls.codec.invalid_value", $"Unknown PSK type {(byte)type}.");
        }
    }
}
