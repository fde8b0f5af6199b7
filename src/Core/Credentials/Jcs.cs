using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Core.Errors;

namespace Harmony.Core.Credentials;

/// <summary>
/// JSON Canonicalization Scheme (RFC 8785): object members sorted by their UTF-16 code units, no whitespace, strings
/// with the minimal escapes of ECMAScript's JSON.stringify, numbers in ECMAScript Number-to-String form.
/// </summary>
public static class Jcs
{
    /// <summary>Canonical text of <paramref name="node"/>.</summary>
    public static string Canonicalize(JsonNode? node)
    {
        var sb = new StringBuilder(256);
        Write(sb, node, 0);
        return sb.ToString();
    }

    /// <summary>Canonical UTF-8 bytes of <paramref name="node"/>.</summary>
    public static byte[] CanonicalizeToUtf8(JsonNode? node) => System.Text.Encoding.UTF8.GetBytes(Canonicalize(node));

    /// <summary>Maximum nesting accepted; deeper input is refused rather than risking a stack overflow.</summary>
    public const int MaxDepth = 64;

    private static void Write(StringBuilder sb, JsonNode? node, int depth)
    {
        if (depth > MaxDepth) throw new HarmonyException("jcs.depth", $"JSON nested deeper than {MaxDepth} levels.");
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                var members = obj.ToList();
                members.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
                sb.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    WriteString(sb, members[i].Key);
                    sb.Append(':');
                    Write(sb, members[i].Value, depth + 1);
                }
                sb.Append('}');
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    Write(sb, array[i], depth + 1);
                }
                sb.Append(']');
                break;
            case JsonValue value:
                WriteValue(sb, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(sb, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Null:
                sb.Append("null");
                break;
            case JsonValueKind.Number:
                sb.Append(FormatNumber(value.GetValue<double>()));
                break;
            default:
                throw new HarmonyException("jcs.value", "Unsupported JSON value.");
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
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
