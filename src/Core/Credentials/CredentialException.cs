using Harmony.Core.Errors;

namespace Harmony.Core.Credentials;

/// <summary>
/// A credential, presentation or revocation was refused. <see cref="HarmonyException.Code"/> is one of
/// <see cref="CredentialErrorCodes"/>; nothing was changed or recorded when it is thrown.
/// </summary>
public sealed class CredentialException(string code, string message) : HarmonyException(code, message);
