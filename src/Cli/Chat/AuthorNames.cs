using System.Text.Json;
using Harmony.Client.Chat;

namespace Harmony.Cli.Chat;

/// <summary>
/// Display names of authors for text output: the profile's display name when the author set one, else the short
/// DID. Profiles are fetched once per author; a failed lookup falls back to the short DID.
/// </summary>
internal sealed class AuthorNames(HarmonyChatClient client, int maxNameLength)
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>Fetches the profiles of <paramref name="dids"/> not seen yet.</summary>
    public async Task LoadAsync(IEnumerable<string> dids, CancellationToken cancellationToken)
    {
        foreach (var did in dids.Distinct(StringComparer.Ordinal))
        {
            if (_names.ContainsKey(did)) continue;
            _names[did] = await FetchAsync(did, cancellationToken) ?? MessageText.ShortDid(did);
        }
    }

    /// <summary>The name to show for <paramref name="did"/>.</summary>
    public string Of(string did) => _names.TryGetValue(did, out var name) ? name : MessageText.ShortDid(did);

    private async Task<string?> FetchAsync(string did, CancellationToken cancellationToken)
    {
        try
        {
            var profile = await client.Connection.InvokeAsync<JsonElement>("GetProfile", [did], cancellationToken);
            if (profile.ValueKind != JsonValueKind.Object || !profile.TryGetProperty("displayName", out var name) || name.ValueKind != JsonValueKind.String) return null;
            // Names are other people's input: strip control characters so they cannot drive the terminal.
            var clean = new string([.. name.GetString()!.Where(c => !char.IsControl(c))]).Trim();
            if (clean.Length == 0) return null;
            return (clean.Length > maxNameLength ? clean[..maxNameLength] + "…" : clean) + " (" + MessageText.ShortDid(did) + ")";
        }
        catch (Exception e) when (e is Harmony.Core.Errors.HarmonyException or InvalidOperationException or JsonException)
        {
            return null;
        }
    }
}
