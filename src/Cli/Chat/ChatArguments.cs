using System.Globalization;
using System.Text.RegularExpressions;
using Harmony.Core.Did;
using Harmony.Core.Errors;

namespace Harmony.Cli.Chat;

/// <summary>Checks of user-typed chat arguments (DIDs, durations, texts) that fail with typed <c>cli.*</c> errors before anything is sent.</summary>
internal static partial class ChatArguments
{
    /// <summary>An Ed25519 did:key (a person); <c>cli.did</c> otherwise.</summary>
    public static string Did(string did)
    {
        if (!DidKey.TryParse(did, out var parsed, out var error) || parsed is null)
            throw new HarmonyException("cli.did", $"'{did}' is not a did:key ({error?.Message ?? "malformed"}).");
        if (parsed.KeyType != DidKeyType.Ed25519)
            throw new HarmonyException("cli.did", $"'{did}' is not a person's did:key (an Ed25519 key, did:key:z6Mk…).");
        return parsed.Did;
    }

    /// <summary>A lifetime such as <c>30m</c>, <c>12h</c>, <c>7d</c>, <c>2w</c> (or <c>d.hh:mm:ss</c>), positive and at most <paramref name="max"/>.</summary>
    public static TimeSpan Duration(string text, TimeSpan max)
    {
        TimeSpan value;
        var match = DurationPattern().Match(text.Trim());
        if (match.Success)
        {
            var amount = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            value = match.Groups[2].Value switch
            {
                "s" => TimeSpan.FromSeconds(Math.Min(amount, 1L << 40)),
                "m" => TimeSpan.FromMinutes(Math.Min(amount, 1L << 30)),
                "h" => TimeSpan.FromHours(Math.Min(amount, 1L << 25)),
                "d" => TimeSpan.FromDays(Math.Min(amount, 1L << 20)),
                _ => TimeSpan.FromDays(7 * Math.Min(amount, 1L << 16)),
            };
        }
        else if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value))
        {
            throw new HarmonyException("cli.duration", $"'{text}' is not a duration: write e.g. 30m, 12h, 7d or 2w.");
        }
        if (value <= TimeSpan.Zero || value > max)
            throw new HarmonyException("cli.duration", $"The duration must be positive and at most {max.TotalDays:0.##} days.");
        return value;
    }

    /// <summary>Message text: <c>-</c> reads stdin (at most <paramref name="maxChars"/> characters); empty text is refused.</summary>
    public static string Text(string text, int maxChars)
    {
        if (text == "-")
        {
            var buffer = new char[maxChars + 1];
            var read = Console.In.ReadBlock(buffer, 0, buffer.Length);
            if (read > maxChars) throw new HarmonyException("cli.text", $"The message on stdin is longer than {maxChars} characters.");
            text = new string(buffer, 0, read).TrimEnd('\r', '\n');
        }
        if (string.IsNullOrWhiteSpace(text)) throw new HarmonyException("cli.text", "The message is empty.");
        if (text.Length > maxChars) throw new HarmonyException("cli.text", $"The message is longer than {maxChars} characters.");
        return text;
    }

    [GeneratedRegex(@"^(\d{1,9})\s*([smhdw])$")]
    private static partial Regex DurationPattern();
}
