using NSec.Cryptography;

namespace Harmony.Core.Crypto;

/// <summary>Argon2id passphrase hashing (RFC 9106, version 0x13) over libsodium, with explicit parameters.</summary>
public static class Argon2id
{
    /// <summary>Salt size in bytes (libsodium's fixed <c>crypto_pwhash_SALTBYTES</c>).</summary>
    public const int SaltSize = 16;

    /// <summary>
    /// Derives <paramref name="length"/> bytes from a passphrase. The passphrase is NFKD-normalized and UTF-8 encoded
    /// first, so the same words typed on different keyboards give the same key.
    /// </summary>
    public static SecretBytes DeriveKey(string passphrase, ReadOnlySpan<byte> salt, Argon2idParameters parameters, int length = 32, Argon2idLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        var bytes = System.Text.Encoding.UTF8.GetBytes(passphrase.Normalize(System.Text.NormalizationForm.FormKD));
        try
        {
            return DeriveKey(bytes, salt, parameters, length, limits);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Derives <paramref name="length"/> bytes from raw passphrase bytes.</summary>
    public static SecretBytes DeriveKey(ReadOnlySpan<byte> passphrase, ReadOnlySpan<byte> salt, Argon2idParameters parameters, int length = 32, Argon2idLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        (limits ?? Argon2idLimits.Default).Check(parameters);
        if (salt.Length != SaltSize)
            throw new CryptoException("crypto.kdf_parameters", $"An Argon2id salt is {SaltSize} bytes.");
        if (length is < 16 or > 1024)
            throw new CryptoException("crypto.kdf_parameters", "Argon2id output is 16 to 1024 bytes.");
        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = parameters.Parallelism,
            MemorySize = parameters.MemoryKiB,
            NumberOfPasses = parameters.Iterations,
        });
        return new SecretBytes(algorithm.DeriveBytes(passphrase, salt, length));
    }
}
