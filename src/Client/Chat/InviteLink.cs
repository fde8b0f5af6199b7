using System.Text.Json.Nodes;
using Harmony.Core.Encoding;

namespace Harmony.Client.Chat;

/// <summary>
/// Invite links as the web client writes them: <c>&lt;server&gt;/#/join/&lt;communityId&gt;</c> for open communities,
/// followed by <c>/&lt;base64url of the delegated capability's JSON&gt;</c> for closed ones.
/// </summary>
/// <param name="Server">The server origin the link names (null when the link was only a fragment).</param>
/// <param name="CommunityId">The community.</param>
/// <param name="Capability">The delegated invite capability, or null for an open community.</param>
public sealed record InviteLink(Uri? Server, string CommunityId, JsonObject? Capability)
{
    private const string Marker = "#/join/";

    /// <summary>Largest link accepted by <see cref="Parse"/>, in characters.</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>Formats the link.</summary>
    public string Format()
    {
        var origin = Server is null ? "" : Server.GetLeftPart(UriPartial.Authority);
        var link = origin + "/" + Marker + Uri.EscapeDataString(CommunityId);
        return Capability is null ? link : link + "/" + Base64Url.Encode(System.Text.Encoding.UTF8.GetBytes(Capability.ToJsonString()));
    }

    /// <summary>Parses a link (or its <c>#/join/…</c> fragment).</summary>
    /// <exception cref="HarmonyClientException"><c>client.chat.invite</c> for anything else.</exception>
    public static InviteLink Parse(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        link = link.Trim();
        if (link.Length > MaxLength) throw Bad("The invite link is too long.");
        var at = link.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0) throw Bad("An invite link contains '#/join/<community>'.");
        Uri? server = null;
        if (at > 0 && Uri.TryCreate(link[..at], UriKind.Absolute, out var s)) server = new Uri(s.GetLeftPart(UriPartial.Authority) + "/");
        var parts = link[(at + Marker.Length)..].Split('/');
        if (parts.Length is < 1 or > 2 || parts[0].Length == 0) throw Bad("An invite link names one community and at most one capability.");
        var communityId = Uri.UnescapeDataString(parts[0]);
        if (parts.Length == 1) return new InviteLink(server, communityId, null);
        try
        {
            var json = JsonNode.Parse(Base64Url.Decode(parts[1])) as JsonObject ?? throw Bad("The invite's capability is not a JSON object.");
            return new InviteLink(server, communityId, json);
        }
        catch (Exception e) when (e is not HarmonyClientException)
        {
            throw Bad("The invite's capability is not base64url JSON.", e);
        }
    }

    private static HarmonyClientException Bad(string message, Exception? inner = null) => new(ChatErrorCodes.BadInvite, message, inner);
}
