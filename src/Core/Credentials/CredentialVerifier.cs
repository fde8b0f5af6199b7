using System.Text.Json.Nodes;
using Harmony.Core.Credentials.DataIntegrity;

namespace Harmony.Core.Credentials;

/// <summary>
/// Verifies VC Data Model 2.0 credentials secured with eddsa-jcs-2022 by a did:key issuer. Checks, in order: limits,
/// shape, proof type and suite, purpose <c>assertionMethod</c>, that the verification method is the issuer's own,
/// the signature, <c>validFrom</c>/<c>validUntil</c> against the clock, and the issuer's revocations.
/// </summary>
/// <param name="time">The clock (a fake one in tests).</param>
/// <param name="revocations">Where issuers' revocations are looked up; none means nothing is revoked.</param>
/// <param name="options">Skew and limits.</param>
public sealed class CredentialVerifier(TimeProvider? time = null, IRevocationRegistry? revocations = null, VerifierOptions? options = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly VerifierOptions _options = options ?? VerifierOptions.Default;

    /// <summary>The options in force.</summary>
    public VerifierOptions Options => _options;

    /// <summary>Parses then verifies JSON text (<c>vc.json</c> if it is not JSON).</summary>
    public VerifiedCredential Verify(string json) => Verify(CredentialJson.ParseObject(json, _options.Limits));

    /// <summary>Verifies <paramref name="credential"/>; throws <see cref="CredentialException"/> with the first failed check's code.</summary>
    public VerifiedCredential Verify(JsonObject credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        CredentialJson.CheckLimits(credential, _options.Limits);
        var shape = CredentialShape.Read(credential);
        var now = _time.GetUtcNow();
        var skew = _options.ClockSkew;
        var proof = ProofChecker.Verify(credential, VcConstants.AssertionMethod, shape.Issuer, ProofErrorCodes.Credential, now, skew);

        if (shape.ValidFrom is { } from && from - skew > now)
            throw new CredentialException(CredentialErrorCodes.NotYetValid, $"The credential is not valid before {EddsaJcs2022.FormatDate(from)}.");
        if (shape.ValidUntil is { } until && until + skew < now)
            throw new CredentialException(CredentialErrorCodes.Expired, $"The credential expired at {EddsaJcs2022.FormatDate(until)}.");
        if (shape.Id is { } id && revocations?.IsRevoked(shape.Issuer, id) == true)
            throw new CredentialException(CredentialErrorCodes.Revoked, $"The issuer revoked credential {id}.");

        return new VerifiedCredential(shape.Id, shape.Issuer, shape.Types, shape.SubjectIds, shape.ValidFrom, shape.ValidUntil, proof.Created,
            (JsonObject)credential.DeepClone());
    }
}
