namespace Harmony.Core.Mls.Messages;

/// <summary>Credential types (RFC 9420 §5.3).</summary>
public enum CredentialType : ushort
{
    /// <summary>An opaque identity.</summary>
    Basic = 1,

    /// <summary>An X.509 certificate chain.</summary>
    X509 = 2,
}
