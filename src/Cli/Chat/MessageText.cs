using System.Globalization;
using System.Text;
using Harmony.Client.Chat;

namespace Harmony.Cli.Chat;

/// <summary>How messages look on a terminal: time, author (profile name or short DID), text and markers, short id.</summary>
internal static class MessageText
{
    /// <summary>Characters of a message id shown on a terminal (any unique prefix of at least this many is accepted back).</summary>
    public const int ShortIdLength = 10;

    /// <summary><c>did:key:z6MkhaXg…Wp3q</c> shortened to <c>z6MkhaXg…Wp3q</c>.</summary>
    public static string ShortDid(string did)
    {
        var id = did.StartsWith("did:key:", StringComparison.Ordinal) ? did["did:key:".Length..] : did;
        return id.Length <= 14 ? id : $"{id[..8]}…{id[^4..]}";
    }

    /// <summary>The first <see cref="ShortIdLength"/> characters of a message id.</summary>
    public static string ShortId(string id) => id.Length <= ShortIdLength ? id : id[..ShortIdLength];

    /// <summary>
    /// Text from other people made safe for a terminal: control characters (escape sequences) become U+FFFD, and
    /// line breaks are indented so a message cannot pose as another one.
    /// </summary>
    public static string Printable(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n"))
        {
            if (c == '\n') clean.Append("\n    ");
            else if (char.IsControl(c) && c != '\t') clean.Append('\uFFFD');
            else clean.Append(c);
        }
        return clean.ToString();
    }

    /// <summary>One line for <paramref name="message"/>; <paramref name="authorName"/> maps a DID to what to show.</summary>
    public static string Format(ChatMessage message, Func<string, string> authorName)
    {
        var line = new StringBuilder();
        line.Append(message.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        line.Append("  ").Append(authorName(message.Author)).Append(": ");
        if (message.ReplyTo is not null) line.Append("(reply to ").Append(ShortId(message.ReplyTo)).Append(") ");
        if (message.Deleted) line.Append("(deleted)");
        else if (message.DecryptionError is not null) line.Append("[cannot decrypt: ").Append(message.DecryptionError).Append(']');
        else line.Append(Printable(message.Text ?? ""));
        if (message.Edited && !message.Deleted) line.Append(" (edited)");
        if (message.Pinned) line.Append(" (pinned)");
        if (message.Reactions.Count > 0)
        {
            line.Append("  [");
            line.AppendJoin(", ", message.Reactions.Where(r => r.Value.Count > 0).Select(r => $"{Printable(r.Key)} {r.Value.Count}"));
            line.Append(']');
        }
        line.Append("  #").Append(ShortId(message.Id));
        return line.ToString();
    }
}
