using System.Text;

namespace Harmony.Core.Capabilities;

/// <summary>
/// Rules for invocation targets and root capability ids.
/// <para>
/// A target is an absolute URI (it contains <c>:</c>, as @digitalbazaar/zcap requires) without whitespace or control
/// characters and without <c>.</c> or <c>..</c> path segments (also percent-encoded), so that a prefix test can never be
/// fooled by a path that normalizes elsewhere.
/// </para>
/// <para>
/// Target attenuation (<see cref="IsWithin"/>): a target is <em>beneath</em> a base target when it equals it, or, if
/// the base has no query, starts with <c>base + "/"</c> (a sub-path) or <c>base + "?"</c> (a query refinement), or, if
/// the base already has a query, starts with <c>base + "&amp;"</c> (more query parameters). Fragments are not a
/// refinement. These are exactly the rules of @digitalbazaar/zcap's <c>allowTargetAttenuation</c>, so chains accepted
/// here are accepted there.
/// </para>
/// </summary>
public static class InvocationTarget
{
    /// <summary>Whether <paramref name="target"/> is a well-formed invocation target (see the type's summary).</summary>
    public static bool IsValid(string? target)
    {
        if (string.IsNullOrEmpty(target) || !target.Contains(':')) return false;
        foreach (var c in target)
            if (char.IsWhiteSpace(c) || char.IsControl(c)) return false;
        var end = target.IndexOfAny(['?', '#']);
        var path = end >= 0 ? target[..end] : target;
        foreach (var segment in path.Split('/'))
        {
            var s = segment.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
            if (s is "." or "..") return false;
        }
        return true;
    }

    /// <summary>
    /// Whether <paramref name="target"/> equals <paramref name="baseTarget"/> or, when
    /// <paramref name="allowAttenuation"/> is true, is beneath it (see the type's summary).
    /// </summary>
    public static bool IsWithin(string target, string baseTarget, bool allowAttenuation = true)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(baseTarget);
        if (string.Equals(target, baseTarget, StringComparison.Ordinal)) return true;
        if (!allowAttenuation) return false;
        if (baseTarget.Contains('?')) return target.StartsWith(baseTarget + "&", StringComparison.Ordinal);
        return target.StartsWith(baseTarget + "/", StringComparison.Ordinal) || target.StartsWith(baseTarget + "?", StringComparison.Ordinal);
    }

    /// <summary>The id of the root capability of <paramref name="target"/>: <c>urn:zcap:root:</c> + <c>encodeURIComponent(target)</c>.</summary>
    public static string RootCapabilityId(string target)
    {
        if (!IsValid(target)) throw new CapabilityException(CapabilityErrorCodes.Malformed, "The invocation target must be an absolute URI without dot segments.");
        return ZcapVocabulary.RootIdPrefix + EncodeUriComponent(target);
    }

    /// <summary>
    /// Reads the target out of a root capability id. Fails unless the id is exactly
    /// <see cref="RootCapabilityId"/> of that target (one canonical spelling per root).
    /// </summary>
    public static bool TryParseRootCapabilityId(string? id, out string target)
    {
        target = "";
        if (id is null || !id.StartsWith(ZcapVocabulary.RootIdPrefix, StringComparison.Ordinal)) return false;
        string decoded;
        try { decoded = Uri.UnescapeDataString(id[ZcapVocabulary.RootIdPrefix.Length..]); }
        catch (UriFormatException) { return false; }
        if (!IsValid(decoded) || !string.Equals(ZcapVocabulary.RootIdPrefix + EncodeUriComponent(decoded), id, StringComparison.Ordinal)) return false;
        target = decoded;
        return true;
    }

    /// <summary>ECMAScript <c>encodeURIComponent</c>: UTF-8, everything but <c>A-Z a-z 0-9 - _ . ! ~ * ' ( )</c> percent-encoded in upper-case hex.</summary>
    internal static string EncodeUriComponent(string value)
    {
        byte[] bytes;
        try { bytes = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(value); }
        catch (EncoderFallbackException) { throw new CapabilityException(CapabilityErrorCodes.Malformed, "The invocation target contains an unpaired surrogate."); }
        var sb = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '!' or '~' or '*' or '\'' or '(' or ')')
                sb.Append(c);
            else
                sb.Append('%').Append(Convert.ToHexString([b]));
        }
        return sb.ToString();
    }
}
