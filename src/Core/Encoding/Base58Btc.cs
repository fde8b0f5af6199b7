using Harmony.Core.Errors;

namespace Harmony.Core.Encoding;

/// <summary>Base58 with the Bitcoin alphabet, as used by multibase <c>z</c> (did:key, Multikey, proof values).</summary>
public static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static readonly sbyte[] Index = BuildIndex();

    private static sbyte[] BuildIndex()
    {
        var index = new sbyte[128];
        Array.Fill(index, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++) index[Alphabet[i]] = (sbyte)i;
        return index;
    }

    /// <summary>Encodes bytes; each leading zero byte becomes a leading '1'.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0) zeros++;
        // Base-256 to base-58 long division on a byte buffer; inputs here are small (keys, signatures).
        var size = (data.Length - zeros) * 138 / 100 + 1;
        Span<byte> b58 = size <= 512 ? stackalloc byte[size] : new byte[size];
        b58.Clear();
        var length = 0;
        for (var i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            var j = 0;
            for (var k = size - 1; (carry != 0 || j < length) && k >= 0; k--, j++)
            {
                carry += 256 * b58[k];
                b58[k] = (byte)(carry % 58);
                carry /= 58;
            }
            length = j;
        }
        var start = size - length;
        while (start < size && b58[start] == 0) start++;
        var chars = new char[zeros + size - start];
        chars.AsSpan(0, zeros).Fill('1');
        for (var i = start; i < size; i++) chars[zeros + i - start] = Alphabet[b58[i]];
        return new string(chars);
    }

    /// <summary>Decodes base58btc text; throws <see cref="EncodingException"/> on a character outside the alphabet.</summary>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1') zeros++;
        var size = (text.Length - zeros) * 733 / 1000 + 1;
        var b256 = new byte[size];
        var length = 0;
        for (var i = zeros; i < text.Length; i++)
        {
            var c = text[i];
            var digit = c < 128 ? Index[c] : -1;
            if (digit < 0) throw new EncodingException("encoding.base58", $"Invalid base58btc character at position {i}.");
            int carry = digit;
            var j = 0;
            for (var k = size - 1; (carry != 0 || j < length) && k >= 0; k--, j++)
            {
                carry += 58 * b256[k];
                b256[k] = (byte)(carry & 0xff);
                carry >>= 8;
            }
            length = j;
        }
        var start = size - length;
        while (start < size && b256[start] == 0) start++;
        var result = new byte[zeros + size - start];
        Array.Copy(b256, start, result, zeros, size - start);
        return result;
    }
}
