using System.Text.Json.Nodes;

namespace Harmony.Core.Credentials;

/// <summary>The VC Data Model 2.0 members Harmony relies on, read and checked once for issuing and verifying.</summary>
internal sealed record CredentialShape(
    string? Id,
    string Issuer,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> SubjectIds,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil)
{
    private const string Code = CredentialErrorCodes.Malformed;

    public static CredentialShape Read(JsonObject credential)
    {
        JsonMembers.RequireV2Context(credential, Code);
        var types = JsonMembers.RequireType(credential, VcConstants.CredentialType, Code);
        var id = JsonMembers.OptionalString(credential, "id", Code);
        var issuer = JsonMembers.RequiredId(credential, "issuer", Code);
        var subjects = Subjects(credential["credentialSubject"]);
        var validFrom = JsonMembers.OptionalDate(credential, "validFrom", Code);
        var validUntil = JsonMembers.OptionalDate(credential, "validUntil", Code);
        if (validFrom is { } from && validUntil is { } until && until < from)
            throw new CredentialException(Code, "'validUntil' is before 'validFrom'.");
        return new CredentialShape(id, issuer, types, subjects, validFrom, validUntil);
    }

    private static List<string> Subjects(JsonNode? node)
    {
        List<JsonNode?> items = node switch
        {
            JsonObject single => [single],
            JsonArray { Count: > 0 } many => [.. many],
            _ => throw new CredentialException(Code, "'credentialSubject' is required and must be an object or a non-empty array of objects."),
        };
        var ids = new List<string>();
        foreach (var item in items)
        {
            if (item is not JsonObject subject || subject.Count == 0)
                throw new CredentialException(Code, "Each 'credentialSubject' must be a non-empty object.");
            if (JsonMembers.OptionalString(subject, "id", Code) is { } subjectId) ids.Add(subjectId);
        }
        return ids;
    }
}
