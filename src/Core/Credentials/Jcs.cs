using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Errors;

namespace Harmony.Core.Credentials;

/// <summary>
/// JSON Canonicalization Scheme (RFC 8785): object members sorted by their UTF-16 code units, no whitespace, strings
/// with the minimal escapes of ECMAScript's JSON.stringify, numbers in ECMAScript Number-to-String form.
/// Output is written as UTF-8 straight into a buffer: canonicalization sits on the hot path of every proof check.
/// </summary>
public static class Jcs
{
    /// <summary>Maximum nesting accepted; deeper input is refused rather than risking a stack overflow.</summary>
    public const int MaxDepth = 64;

    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    private static readonly IComparer<KeyValuePair<string, JsonNode?>> ByKey =
        Comparer<KeyValuePair<string, JsonNode?>>.Create(static (a, b) => string.CompareOrdinal(a.Key, b.Key));

    /// <summary>Canonical text of <paramref name="node"/>.</summary>
    public static string Canonicalize(JsonNode? node) => System.Text.Encoding.UTF8.GetString(CanonicalizeToUtf8(node));

    /// <summary>Canonical UTF-8 bytes of <paramref name="node"/>.</summary>
    public static byte[] CanonicalizeToUtf8(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(buffer, node);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the canonical UTF-8 bytes of <paramref name="node"/> to <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, JsonNode? node) => WriteNode(output, node, null, 0);

    /// <summary>
    /// Writes the canonical form of <paramref name="obj"/> as if the top-level member <paramref name="excludedMember"/>
    /// were absent (e.g. a document without its <c>proof</c>), without copying the object.
    /// </summary>
    public static void WriteExcluding(IBufferWriter<byte> output, JsonObject obj, string excludedMember)
    {
        ArgumentNullException.ThrowIfNull(obj);
        WriteNode(output, obj, excludedMember, 0);
    }

    private static void WriteNode(IBufferWriter<byte> output, JsonNode? node, string? excluded, int depth)
    {
        if (depth > MaxDepth) throw new HarmonyException("jcs.depth", $"JSON nested deeper than {MaxDepth} levels.");
        switch (node)
        {
            case null:
                WriteAscii(output, "null");
                break;
            case JsonObject obj:
                WriteObject(output, obj, excluded, depth);
                break;
            case JsonArray array:
                WriteByte(output, (byte)'[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) WriteByte(output, (byte)',');
                    WriteNode(output, array[i], null, depth + 1);
                }
                WriteByte(output, (byte)']');
                break;
            case JsonValue value:
                WriteValue(output, value);
                break;
        }
    }

    private static void WriteObject(IBufferWriter<byte> output, JsonObject obj, string? excluded, int depth)
    {
        var count = obj.Count;
        var members = ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var n = 0;
            foreach (var member in obj)
                if (excluded is null || !string.Equals(member.Key, excluded, StringComparison.Ordinal)) members[n++] = member;
            Array.Sort(members, 0, n, ByKey);
            WriteByte(output, (byte)'{');
            for (var i = 0; i < n; i++)
            {
                if (i > 0) WriteByte(output, (byte)',');
                WriteString(output, members[i].Key);
                WriteByte(output, (byte)':');
                WriteNode(output, members[i].Value, null, depth + 1);
            }
            WriteByte(output, (byte)'}');
        }
        finally
        {
            Array.Clear(members, 0, count);
            ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Return(members);
        }
    }

    private static void WriteValue(IBufferWriter<byte> output, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                if (!TryWriteRawString(output, value)) WriteString(output, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                WriteAscii(output, "true");
                break;
            case JsonValueKind.False:
                WriteAscii(output, "false");
                break;
            case JsonValueKind.Null:
                WriteAscii(output, "null");
                break;
            case JsonValueKind.Number:
                WriteNumber(output, value);
                break;
            default:
                throw new HarmonyException("jcs.value", "Unsupported JSON value.");
        }
    }

    /// <summary>
    /// A string parsed from JSON text whose raw form has no escape sequence is already canonical (the parser refuses
    /// raw control characters and quotes), so its UTF-8 bytes are copied without materializing a .NET string.
    /// </summary>
    private static bool TryWriteRawString(IBufferWriter<byte> output, JsonValue value)
    {
        if (!value.TryGetValue<JsonElement>(out var element)) return false;
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length < 2 || raw[0] != (byte)'"' || raw[^1] != (byte)'"' || raw.IndexOf((byte)'\\') >= 0) return false;
        var span = output.GetSpan(raw.Length);
        raw.CopyTo(span);
        output.Advance(raw.Length);
        return true;
    }

    private static void WriteNumber(IBufferWriter<byte> output, JsonValue value)
    {
        // Integers that a double holds exactly print as themselves; everything else goes through the double form.
        const long MaxSafe = 9007199254740991;
        if (value.TryGetValue<JsonElement>(out var element))
        {
            if (element.TryGetInt64(out var l) && l is >= -MaxSafe and <= MaxSafe) { WriteInt64(output, l); return; }
            WriteAscii(output, FormatNumber(element.GetDouble()));
            return;
        }
        if (value.TryGetValue<long>(out var asLong) && asLong is >= -MaxSafe and <= MaxSafe) { WriteInt64(output, asLong); return; }
        if (value.TryGetValue<int>(out var asInt)) { WriteInt64(output, asInt); return; }
        if (value.TryGetValue<double>(out var asDouble)) { WriteAscii(output, FormatNumber(asDouble)); return; }
        // Other CLR numeric types (decimal, float, ulong, ...): their JSON text, read as an IEEE double as RFC 8785 requires.
        WriteAscii(output, FormatNumber(double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)));
    }

    private static void WriteInt64(IBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var written);
        output.Advance(written);
    }

    private static void WriteString(IBufferWriter<byte> output, string s)
    {
        WriteByte(output, (byte)'"');
        var rest = s.AsSpan();
        while (!rest.IsEmpty)
        {
            var stop = rest.IndexOfAny(NeedsEscape);
            var plain = stop < 0 ? rest : rest[..stop];
            if (!plain.IsEmpty)
            {
                var span = output.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(plain.Length));
                output.Advance(System.Text.Encoding.UTF8.GetBytes(plain, span));
            }
            if (stop < 0) break;
            WriteEscape(output, rest[stop]);
            rest = rest[(stop + 1)..];
        }
        WriteByte(output, (byte)'"');
    }

    private static void WriteEscape(IBufferWriter<byte> output, char c)
    {
        switch (c)
        {
            case '"': WriteAscii(output, "\\\""); break;
            case '\\': WriteAscii(output, "\\\\"); break;
            case '\b': WriteAscii(output, "\\b"); break;
            case '\f': WriteAscii(output, "\\f"); break;
            case '\n': WriteAscii(output, "\\n"); break;
            case '\r': WriteAscii(output, "\\r"); break;
            case '\t': WriteAscii(output, "\\t"); break;
            default: WriteAscii(output, "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
        }
    }

    private static void WriteByte(IBufferWriter<byte> output, byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }

    private static void WriteAscii(IBufferWriter<byte> output, string ascii)
    {
        var span = output.GetSpan(ascii.Length);
        for (var i = 0; i < ascii.Length; i++) span[i] = (byte)ascii[i];
        output.Advance(ascii.Length);
    }

    /// <summary>ECMAScript Number::toString for finite doubles (RFC 8785 §3.2.2.3); NaN and infinities are not JSON.</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) throw new HarmonyException("jcs.number", "NaN and Infinity are not valid JSON numbers.");
        if (value == 0) return "0"; // also -0
        var negative = value < 0;
        // "R" yields the shortest digit string that round-trips, which is what ECMAScript requires; only the layout differs.
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var ePos = r.IndexOfAny(['E', 'e']);
        var mantissa = ePos >= 0 ? r[..ePos] : r;
        var exp10 = ePos >= 0 ? int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.');
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : "";
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        digits = digits.TrimEnd('0');
        // value = 0.d1d2...dk × 10^n
        var n = intPart.Length - leadingZeros + exp10;
        var k = digits.Length;
        var sb = new StringBuilder(32);
        if (negative) sb.Append('-');
        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            sb.Append(digits[0]);
            if (k > 1) sb.Append('.').Append(digits, 1, k - 1);
            sb.Append('e').Append(e >= 0 ? "+" : "-").Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
