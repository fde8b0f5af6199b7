namespace Harmony.Cli;

/// <summary>The tool's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A verification (signature, proof, chain) failed.</summary>
    public const int VerificationFailed = 1;

    /// <summary>Bad usage or malformed input, or a typed refusal by the server.</summary>
    public const int BadInput = 2;

    /// <summary>The server could not be reached (refused, timed out, or not a Harmony server).</summary>
    public const int Unavailable = 3;

    /// <summary>Stopped by Ctrl-C or SIGTERM before finishing (128 + SIGINT, the shell convention); <c>tail</c> exits 0 instead.</summary>
    public const int Interrupted = 130;
}
