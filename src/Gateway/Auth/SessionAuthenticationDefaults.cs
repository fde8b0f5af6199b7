namespace Harmony.Gateway.Auth;

/// <summary>Names of the session authentication scheme.</summary>
public static class SessionAuthenticationDefaults
{
    /// <summary>The scheme name.</summary>
    public const string Scheme = "HarmonySession";

    /// <summary>The claim carrying the session's DID (also the SignalR user identifier).</summary>
    public const string DidClaim = System.Security.Claims.ClaimTypes.NameIdentifier;

    /// <summary>The hub path, the only one where the token may come in the query.</summary>
    public const string HubPath = "/hub";

    /// <summary>The query parameter browsers use to pass the token to the hub (WebSockets cannot send headers).</summary>
    public const string AccessTokenQuery = "access_token";
}
