using Harmony.Core.Credentials;
using Harmony.Grains.Abstractions.Community;
using Harmony.Grains.Authorization;

namespace Harmony.Grains.Community;

/// <summary>
/// Checks a joiner's verifiable presentations against a community's admission rules. Each presentation must be
/// signed by the joiner, bound to this join (challenge = the join invocation's nonce, domain = the community target),
/// and every rule must be met by a verified credential of the rule's type, from one of its issuers (any issuer when
/// none is listed), about the joiner.
/// </summary>
internal sealed class AdmissionChecker(HarmonyGrainOptions options, TimeProvider time)
{
    private readonly PresentationVerifier _verifier = new(
        new CredentialVerifier(time, revocations: null, new VerifierOptions { ClockSkew = options.Capabilities.ClockSkew }), time);

    public void Check(IReadOnlyList<AdmissionRule> rules, IReadOnlyList<string> presentations, string joiner, string? challenge, string domain)
    {
        if (rules.Count == 0) return;
        if (string.IsNullOrEmpty(challenge)) throw Refusals.Unauthorized("Admission needs a join invocation with a nonce to bind the presentations to.");
        if (presentations.Count > options.MaxPresentations) throw Refusals.TooLarge($"At most {options.MaxPresentations} presentations.");
        var credentials = new List<VerifiedCredential>();
        foreach (var text in presentations)
        {
            VerifiedPresentation presentation;
            try { presentation = _verifier.Verify(text, challenge, domain); }
            catch (CredentialException e) { throw Refusals.Unauthorized($"A presentation was refused: [{e.Code}] {e.Message}"); }
            if (!string.Equals(presentation.Holder, joiner, StringComparison.Ordinal))
                throw Refusals.Unauthorized("A presentation is held by someone other than the joiner.");
            credentials.AddRange(presentation.Credentials);
        }
        foreach (var rule in rules)
        {
            var met = credentials.Any(c => c.Types.Contains(rule.CredentialType, StringComparer.Ordinal)
                && (rule.Issuers.Count == 0 || rule.Issuers.Contains(c.Issuer, StringComparer.Ordinal))
                && c.SubjectIds.Contains(joiner, StringComparer.Ordinal));
            if (!met) throw Refusals.Unauthorized($"Admission requires a '{rule.CredentialType}' credential about the joiner from an accepted issuer.");
        }
    }
}
