namespace Harmony.Core.Credentials;

/// <summary>A presentation whose holder signature, challenge, domain and every embedded credential checked out.</summary>
/// <param name="Id">The presentation's <c>id</c>, if any.</param>
/// <param name="Holder">The holder's DID (the signer).</param>
/// <param name="Credentials">The verified credentials, in order.</param>
public sealed record VerifiedPresentation(string? Id, string Holder, IReadOnlyList<VerifiedCredential> Credentials);
