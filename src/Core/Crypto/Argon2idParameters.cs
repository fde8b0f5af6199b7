namespace Harmony.Core.Crypto;

/// <summary>
/// Argon2id cost parameters (RFC 9106). The defaults (64 MiB, 3 passes) suit an interactive unlock on a desktop or
/// phone: RFC 9106 §4's second recommended option, with one lane instead of four because libsodium runs one lane.
/// </summary>
/// <param name="MemoryKiB">Memory in KiB (at least 8 × parallelism).</param>
/// <param name="Iterations">Number of passes over memory (t).</param>
/// <param name="Parallelism">Lanes (p); must be 1 with libsodium.</param>
public sealed record Argon2idParameters(int MemoryKiB = 64 * 1024, int Iterations = 3, int Parallelism = 1)
{
    /// <summary>The interactive-unlock defaults.</summary>
    public static Argon2idParameters Interactive { get; } = new();
}
