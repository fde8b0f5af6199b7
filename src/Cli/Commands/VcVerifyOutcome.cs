using System.Text.Json.Nodes;

namespace Harmony.Cli.Commands;

/// <summary>What <c>harmony vc verify</c> exits with and prints.</summary>
/// <param name="ExitCode">0, 1 or 2 (see <see cref="ExitCodes"/>).</param>
/// <param name="Output">The result object for stdout.</param>
public sealed record VcVerifyOutcome(int ExitCode, JsonObject Output);
