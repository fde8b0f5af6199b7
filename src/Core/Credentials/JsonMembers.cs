using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Harmony.Core.Credentials;

/// <summary>Typed reads of JSON members that report a shape problem with the caller's error code.</summary>
internal static partial class JsonMembers
{
    public static string? OptionalString(JsonObject obj, string name, string code)
    {
        if (!obj.TryGetPropertyValue(name, out var node)) return null;
        return AsString(node) ?? throw new CredentialException(code, $"'{name}' must be a string.");
    }

    public static string RequiredString(JsonObject obj, string name, string code) =>
        OptionalString(obj, name, code) ?? throw new CredentialException(code, $"'{name}' is required.");

    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>A string, or an object whose <c>id</c> is a string (the two forms of <c>issuer</c> and <c>holder</c>).</summary>
    public static string RequiredId(JsonObject obj, string name, string code)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null) throw new CredentialException(code, $"'{name}' is required.");
        var id = node is JsonObject inner ? AsString(inner["id"]) : AsString(node);
        if (string.IsNullOrEmpty(id)) throw new CredentialException(code, $"'{name}' must be a URL or an object with an 'id' URL.");
        return id;
    }

    /// <summary>The <c>@context</c> must be an ordered set whose first item is the VC 2.0 base context.</summary>
    public static void RequireV2Context(JsonObject obj, string code)
    {
        var context = obj["@context"];
        var first = context is JsonArray array ? (array.Count > 0 ? array[0] : null) : context;
        if (AsString(first) != VcConstants.ContextV2)
            throw new CredentialException(code, $"'@context' must start with {VcConstants.ContextV2}.");
        if (context is JsonArray items && items.Any(i => i is not JsonObject && AsString(i) is null))
            throw new CredentialException(code, "'@context' items must be URLs or objects.");
    }

    /// <summary>The <c>type</c> values (a string or an array of strings), required to include <paramref name="required"/>.</summary>
    public static IReadOnlyList<string> RequireType(JsonObject obj, string required, string code)
    {
        var node = obj["type"];
        List<string> types;
        if (AsString(node) is { } single) types = [single];
        else if (node is JsonArray array)
        {
            types = new List<string>(array.Count);
            foreach (var item in array) types.Add(AsString(item) ?? throw new CredentialException(code, "'type' items must be strings."));
        }
        else throw new CredentialException(code, "'type' is required and must be a string or an array of strings.");
        if (!types.Contains(required)) throw new CredentialException(code, $"'type' must include {required}.");
        return types;
    }

    /// <summary>An optional XML Schema dateTimeStamp (a time zone is required, as VC 2.0 demands).</summary>
    public static DateTimeOffset? OptionalDate(JsonObject obj, string name, string code)
    {
        var text = OptionalString(obj, name, code);
        if (text is null) return null;
        if (!DateTimeStamp().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            throw new CredentialException(code, $"'{name}' must be an XML Schema dateTimeStamp such as 2024-01-01T00:00:00Z.");
        return value;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeStamp();
}
