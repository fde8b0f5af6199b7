using System.Text.Json.Nodes;

namespace Harmony.Core.Credentials;

/// <summary>
/// Verifies VerifiablePresentations: shape, the holder's eddsa-jcs-2022 proof with purpose <c>authentication</c> by the
/// holder's own did:key, the expected challenge and domain, then each embedded credential with
/// <paramref name="credentials"/> (whose <c>vc.*</c> errors propagate, prefixed with the credential's index).
/// </summary>
/// <param name="credentials">Verifies the embedded credentials (its clock and revocations apply).</param>
/// <param name="time">The clock for the presentation proof's expiry; defaults to the system clock.</param>
public sealed class PresentationVerifier(CredentialVerifier credentials, TimeProvider? time = null)
{
    private const string Code = CredentialErrorCodes.PresentationMalformed;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Parses then verifies JSON text (<c>vc.json</c> if it is not JSON).</summary>
    public VerifiedPresentation Verify(string json, string expectedChallenge, string expectedDomain) =>
        Verify(CredentialJson.ParseObject(json, credentials.Options.Limits), expectedChallenge, expectedDomain);

    /// <summary>Verifies <paramref name="presentation"/>; throws <see cref="CredentialException"/> with the first failed check's code.</summary>
    public VerifiedPresentation Verify(JsonObject presentation, string expectedChallenge, string expectedDomain)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        ArgumentException.ThrowIfNullOrEmpty(expectedChallenge);
        ArgumentException.ThrowIfNullOrEmpty(expectedDomain);
        var limits = credentials.Options.Limits;
        CredentialJson.CheckLimits(presentation, limits);
        JsonMembers.RequireV2Context(presentation, Code);
        JsonMembers.RequireType(presentation, VcConstants.PresentationType, Code);
        var id = JsonMembers.OptionalString(presentation, "id", Code);
        var holder = JsonMembers.RequiredId(presentation, "holder", Code);
        List<JsonNode?> embedded = presentation["verifiableCredential"] switch
        {
            null when !presentation.ContainsKey("verifiableCredential") => [],
            JsonObject single => [single],
            JsonArray many => [.. many],
            _ => throw new CredentialException(Code, "'verifiableCredential' must be an object or an array of objects."),
        };
        if (embedded.Count > limits.MaxCredentialsPerPresentation)
            throw new CredentialException(CredentialErrorCodes.TooLarge, $"A presentation carries at most {limits.MaxCredentialsPerPresentation} credentials.");

        // The challenge and domain are read from the proof only after its signature verified.
        var checkedProof = ProofChecker.Verify(presentation, VcConstants.Authentication, holder, ProofErrorCodes.Presentation,
            _time.GetUtcNow(), credentials.Options.ClockSkew);
        if (JsonMembers.AsString(checkedProof.Proof["challenge"]) != expectedChallenge)
            throw new CredentialException(CredentialErrorCodes.ChallengeMismatch, "The presentation's challenge is missing or not the expected one.");
        if (JsonMembers.AsString(checkedProof.Proof["domain"]) != expectedDomain)
            throw new CredentialException(CredentialErrorCodes.DomainMismatch, "The presentation's domain is missing or not the expected one.");

        var verified = new List<VerifiedCredential>(embedded.Count);
        for (var i = 0; i < embedded.Count; i++)
        {
            if (embedded[i] is not JsonObject credential) throw new CredentialException(Code, $"verifiableCredential[{i}] is not an object.");
            try { verified.Add(credentials.Verify(credential)); }
            catch (CredentialException e) { throw new CredentialException(e.Code, $"verifiableCredential[{i}]: {e.Message}"); }
        }
        return new VerifiedPresentation(id, holder, verified);
    }
}
