namespace Harmony.Core.Credentials;

/// <summary>Fixed names of the VC Data Model 2.0 and of Harmony's revocation documents.</summary>
public static class VcConstants
{
    /// <summary>The base context every VC 2.0 credential and presentation starts with.</summary>
    public const string ContextV2 = "https://www.w3.org/ns/credentials/v2";

    /// <summary>The type every credential carries.</summary>
    public const string CredentialType = "VerifiableCredential";

    /// <summary>The type every presentation carries.</summary>
    public const string PresentationType = "VerifiablePresentation";

    /// <summary>The type of Harmony's signed revocation documents.</summary>
    public const string RevocationType = "HarmonyCredentialRevocation";

    /// <summary>Proof purpose of credentials and revocations.</summary>
    public const string AssertionMethod = "assertionMethod";

    /// <summary>Proof purpose of presentations.</summary>
    public const string Authentication = "authentication";
}
