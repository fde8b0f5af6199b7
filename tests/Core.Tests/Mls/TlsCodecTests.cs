using Harmony.Core.Mls;
using Harmony.Core.Mls.Codec;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Core.Tests.Mls;

public sealed class TlsCodecTests(ITestOutputHelper output)
{
    [Fact]
    public void DeserializationVectors()
    {
        MlsVectorRun.ForEachCase(output, "deserialization.json", item =>
        {
            var header = item.Hex("vlbytes_header");
            var length = item.GetProperty("length").GetInt32();
            var writer = new TlsWriter();
            writer.WriteVarInt(length);
            MlsVectorRun.Equal("encoded header", header, writer.ToArray());
            var reader = new TlsReader(header);
            MlsVectorRun.Check(reader.ReadVarInt() == (uint)length, "decoded length");
            reader.EnsureEnd();
        });
    }

    [Theory]
    [InlineData("4001")] // 1 in two bytes
    [InlineData("80000001")] // 1 in four bytes
    [InlineData("80003fff")] // 16383 in four bytes
    public void NonMinimalVarIntIsRejected(string hex)
    {
        var ex = Assert.Throws<MlsException>(() => new TlsReader(Convert.FromHexString(hex)).ReadVarInt());
        Assert.Equal("mls.codec.varint", ex.Code);
    }

    [Fact]
    public void EightByteVarIntIsRejected()
    {
        var ex = Assert.Throws<MlsException>(() => new TlsReader(Convert.FromHexString("c000000000000001")).ReadVarInt());
        Assert.Equal("mls.codec.varint", ex.Code);
    }

    [Fact]
    public void TruncatedVectorIsRejected()
    {
        var ex = Assert.Throws<MlsException>(() => new TlsReader(Convert.FromHexString("0501020304")).ReadOpaque());
        Assert.Equal("mls.codec.truncated", ex.Code);
    }

    [Fact]
    public void VectorLongerThanLimitIsRejected()
    {
        var limits = new MlsLimits { MaxVectorLength = 3 };
        var ex = Assert.Throws<MlsException>(() => new TlsReader(Convert.FromHexString("0401020304"), limits).ReadOpaque());
        Assert.Equal("mls.codec.too_long", ex.Code);
    }

    [Fact]
    public void OptionalFlagMustBeZeroOrOne()
    {
        var ex = Assert.Throws<MlsException>(() => new TlsReader([2]).ReadPresence());
        Assert.Equal("mls.codec.optional", ex.Code);
    }

    [Fact]
    public void TrailingBytesAreRejected()
    {
        var ex = Assert.Throws<MlsException>(() => MlsEncoding.Decode([1, 2], (ref TlsReader r) => r.ReadUInt8()));
        Assert.Equal("mls.codec.trailing", ex.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(16383)]
    [InlineData(16384)]
    [InlineData(70000)]
    public void NestedVectorsRoundTrip(int size)
    {
        var payload = new byte[size];
        for (var i = 0; i < size; i++) payload[i] = (byte)i;
        var writer = new TlsWriter(8);
        writer.WriteUInt16(0xBEEF);
        var outer = writer.BeginVector();
        writer.WriteUInt64(42);
        writer.WriteOpaque(payload);
        writer.EndVector(outer);
        writer.WriteUInt32(7);

        var reader = new TlsReader(writer.ToArray(), new MlsLimits { MaxVectorLength = 1 << 20 });
        Assert.Equal(0xBEEF, reader.ReadUInt16());
        var inner = reader.ReadVectorReader();
        Assert.Equal(42ul, inner.ReadUInt64());
        Assert.Equal(payload, inner.ReadOpaque());
        inner.EnsureEnd();
        Assert.Equal(7u, reader.ReadUInt32());
        reader.EnsureEnd();
    }
}
