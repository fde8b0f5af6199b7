using System.Security.Cryptography;
using System.Text;
using Harmony.Core.Encoding;

namespace Harmony.Grains.Abstractions.Channel;

/// <summary>
/// What an import invocation names (document member <c>import</c>): base64url(SHA-256(the envelope ids joined by
/// '\n', in the order given)), so the signature covers exactly the envelopes imported.
/// </summary>
public static class ImportDigest
{
    /// <summary>The digest of <paramref name="envelopeIds"/>.</summary>
    public static string Compute(IEnumerable<string> envelopeIds)
    {
        ArgumentNullException.ThrowIfNull(envelopeIds);
        return Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', envelopeIds))));
    }
}
