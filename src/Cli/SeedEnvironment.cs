using System.Security.Cryptography;
using Harmony.Core.Crypto;
using Harmony.Core.Errors;

namespace Harmony.Cli;

/// <summary>Reads the hex Ed25519 seed named by <c>--seed-hex-env VAR</c>, the scripting alternative to a keystore.</summary>
internal static class SeedEnvironment
{
    /// <summary>The 32-byte seed (the caller clears it); a typed error with <paramref name="code"/> when unset or malformed.</summary>
    public static byte[] Read(string envName, string code)
    {
        var hex = Environment.GetEnvironmentVariable(envName);
        if (string.IsNullOrWhiteSpace(hex)) throw new HarmonyException(code, $"The environment variable {envName} is not set.");
        byte[] seed;
        try { seed = Convert.FromHexString(hex.Trim()); }
        catch (FormatException) { throw new HarmonyException(code, $"{envName} must hold a hex Ed25519 seed."); }
        if (seed.Length != Ed25519.SeedSize)
        {
            CryptographicOperations.ZeroMemory(seed);
            throw new HarmonyException(code, $"{envName} must hold {Ed25519.SeedSize} bytes ({Ed25519.SeedSize * 2} hex digits).");
        }
        return seed;
    }
}
