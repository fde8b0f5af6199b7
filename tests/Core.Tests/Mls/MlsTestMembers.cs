using Harmony.Core.Crypto;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;

namespace Harmony.Core.Tests.Mls;

/// <summary>Helpers shared by the MLS group tests: fresh members and a round trip through the wire format.</summary>
internal static class MlsTestMembers
{
    /// <summary>A KeyPackage for a new member with a basic credential holding <paramref name="name"/>, valid now.</summary>
    public static KeyPackageBundle Bundle(CipherSuite suite, string name)
    {
        using var key = Ed25519KeyPair.Generate();
        return KeyPackageBundle.Create(suite, Credential.Basic(System.Text.Encoding.UTF8.GetBytes(name)), key.ExportSeed(), DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromDays(1));
    }

    /// <summary>The message as a receiver sees it: encoded and parsed again.</summary>
    public static MlsMessage Wire(MlsMessage m) => MlsMessage.Parse(m.ToBytes());
}
