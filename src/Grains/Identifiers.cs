using Harmony.Grains.Authorization;

namespace Harmony.Grains;

/// <summary>Validation of ids and names that become grain keys, URNs and stream keys.</summary>
internal static class Identifiers
{
    /// <summary>Longest id.</summary>
    public const int MaxIdLength = 64;

    /// <summary>An id is 1..64 of <c>A-Z a-z 0-9 - _</c>, so it embeds in targets and stream keys unescaped.</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && id.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_');

    public static void RequireId(string? id, string what)
    {
        if (!IsValidId(id)) throw Refusals.BadRequest($"The {what} must be 1 to {MaxIdLength} letters, digits, '-' or '_'.");
    }

    public static void RequireName(string? name, HarmonyGrainOptions options, string what)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > options.MaxNameLength || name.Any(char.IsControl))
            throw Refusals.BadRequest($"The {what} must be 1 to {options.MaxNameLength} characters without control characters.");
    }
}
