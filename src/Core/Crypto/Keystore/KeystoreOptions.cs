namespace Harmony.Core.Crypto.Keystore;

/// <summary>How keystores are written and which ones are accepted when read.</summary>
/// <param name="Kdf">Argon2id cost for new keystores.</param>
/// <param name="Limits">Argon2id bounds accepted when reading (a file chooses its own parameters).</param>
/// <param name="MaxFileBytes">Largest keystore file or text accepted.</param>
/// <param name="MinPassphraseLength">Shortest passphrase accepted for a new keystore (in characters).</param>
public sealed record KeystoreOptions(Argon2idParameters Kdf, Argon2idLimits Limits, int MaxFileBytes = 64 * 1024, int MinPassphraseLength = 1)
{
    /// <summary>Interactive-unlock Argon2id (64 MiB, 3 passes) and the default limits.</summary>
    public static KeystoreOptions Default { get; } = new(Argon2idParameters.Interactive, Argon2idLimits.Default);
}
