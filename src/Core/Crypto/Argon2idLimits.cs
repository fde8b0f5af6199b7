namespace Harmony.Core.Crypto;

/// <summary>
/// Bounds on Argon2id parameters that come from outside (a keystore file), so a crafted file cannot make an unlock
/// allocate gigabytes or run for hours. The lower bounds refuse parameters too weak to protect a passphrase.
/// </summary>
/// <param name="MinMemoryKiB">Least memory accepted (KiB).</param>
/// <param name="MaxMemoryKiB">Most memory accepted (KiB); default 1 GiB.</param>
/// <param name="MinIterations">Fewest passes accepted.</param>
/// <param name="MaxIterations">Most passes accepted.</param>
public sealed record Argon2idLimits(int MinMemoryKiB = 8, int MaxMemoryKiB = 1024 * 1024, int MinIterations = 1, int MaxIterations = 64)
{
    /// <summary>The default limits.</summary>
    public static Argon2idLimits Default { get; } = new();

    /// <summary>Throws <see cref="CryptoException"/> <c>crypto.kdf_parameters</c> when <paramref name="parameters"/> is out of bounds.</summary>
    public void Check(Argon2idParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.MemoryKiB < MinMemoryKiB || parameters.MemoryKiB > MaxMemoryKiB)
            throw new CryptoException("crypto.kdf_parameters", $"Argon2id memory must be {MinMemoryKiB} to {MaxMemoryKiB} KiB.");
        if (parameters.Iterations < MinIterations || parameters.Iterations > MaxIterations)
            throw new CryptoException("crypto.kdf_parameters", $"Argon2id iterations must be {MinIterations} to {MaxIterations}.");
        if (parameters.Parallelism != 1)
            throw new CryptoException("crypto.kdf_parameters", "Argon2id parallelism must be 1 (libsodium supports a single lane).");
    }
}
