using System.Text.Json.Nodes;
using Harmony.Core.Credentials;
using Harmony.Core.Credentials.DataIntegrity;

namespace Harmony.Cli.Commands;

/// <summary>
/// What <c>harmony vc verify</c> does with the bytes it read, without touching the console, so tests can run it
/// in-process: exit 0 and <c>{"verified":true,…}</c>; exit 1 and <c>{"verified":false,"error":{code,message}}</c>
/// when a parseable document fails verification; exit 2 when the input is not JSON at all.
/// </summary>
public static class VcVerification
{
    /// <summary>
    /// Verifies a credential, or a presentation when its type says so (then <paramref name="challenge"/> and
    /// <paramref name="domain"/> are required). No revocation registry is consulted by the CLI.
    /// </summary>
    public static VcVerifyOutcome Run(ReadOnlySpan<byte> input, TimeProvider time, string? challenge = null, string? domain = null)
    {
        var verifier = new CredentialVerifier(time);
        JsonObject document;
        try
        {
            document = CredentialJson.ParseObject(input, verifier.Options.Limits);
        }
        catch (CredentialException e) when (e.Code is CredentialErrorCodes.Json or CredentialErrorCodes.TooLarge)
        {
            return Failed(ExitCodes.BadInput, e);
        }
        catch (CredentialException e)
        {
            return Failed(ExitCodes.VerificationFailed, e);
        }

        try
        {
            if (IsPresentation(document))
            {
                if (string.IsNullOrEmpty(challenge) || string.IsNullOrEmpty(domain))
                    return new VcVerifyOutcome(ExitCodes.BadInput, Error("cli.usage", "Verifying a presentation needs --challenge and --domain."));
                var presentation = new PresentationVerifier(verifier, time).Verify(document, challenge, domain);
                var output = new JsonObject
                {
                    ["verified"] = true,
                    ["kind"] = "presentation",
                    ["id"] = presentation.Id,
                    ["holder"] = presentation.Holder,
                    ["credentials"] = new JsonArray([.. presentation.Credentials.Select(Describe)]),
                };
                return new VcVerifyOutcome(ExitCodes.Ok, output);
            }
            var credential = Describe(verifier.Verify(document));
            credential["kind"] = "credential";
            return new VcVerifyOutcome(ExitCodes.Ok, credential);
        }
        catch (CredentialException e)
        {
            return Failed(ExitCodes.VerificationFailed, e);
        }
    }

    private static bool IsPresentation(JsonObject document) => document["type"] switch
    {
        JsonValue single => single.TryGetValue<string>(out var s) && s == VcConstants.PresentationType,
        JsonArray many => many.Any(t => t is JsonValue v && v.TryGetValue<string>(out var s) && s == VcConstants.PresentationType),
        _ => false,
    };

    private static JsonObject Describe(VerifiedCredential credential)
    {
        var output = new JsonObject
        {
            ["verified"] = true,
            ["id"] = credential.Id,
            ["issuer"] = credential.Issuer,
            ["types"] = new JsonArray([.. credential.Types.Select(t => (JsonNode)t)]),
            ["subjects"] = new JsonArray([.. credential.SubjectIds.Select(t => (JsonNode)t)]),
        };
        if (credential.ValidFrom is { } from) output["validFrom"] = EddsaJcs2022.FormatDate(from);
        if (credential.ValidUntil is { } until) output["validUntil"] = EddsaJcs2022.FormatDate(until);
        if (credential.ProofCreated is { } created) output["proofCreated"] = EddsaJcs2022.FormatDate(created);
        return output;
    }

    private static VcVerifyOutcome Failed(int exitCode, CredentialException e) => new(exitCode, Error(e.Code, e.Message));

    private static JsonObject Error(string code, string message) => new()
    {
        ["verified"] = false,
        ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
    };
}
