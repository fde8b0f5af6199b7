namespace Harmony.Cli;

/// <summary>The tool's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A verification (signature, proof, chain) failed.</summary>
    public const int VerificationFailed = 1;

    /// <summary>Bad usage or malformed input.</summary>
    public const int BadInput = 2;
}
