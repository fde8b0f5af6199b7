using System.Globalization;
using System.Text.RegularExpressions;

namespace Harmony.Core.Capabilities;

/// <summary>Strict XML Schema <c>dateTimeStamp</c> (a date-time with a time zone), the form ZCAP dates use.</summary>
internal static partial class XsdDateTime
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null && Pattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>UTC with second precision, the form the eddsa-jcs-2022 proofs use for <c>created</c>.</summary>
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
