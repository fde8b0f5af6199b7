using System.CommandLine;
using System.Text.Json.Nodes;
using Harmony.Core.Errors;

namespace Harmony.Cli.Chat;

/// <summary>
/// Runs a chat command with its <see cref="ChatCommandContext"/> and turns failures into exit codes: typed
/// refusals (the server's code or a <c>cli.*</c> code) exit 2, an unreachable server exits 3; with <c>--json</c>
/// the error is also printed on stdout as <c>{"error":{"code","message"}}</c>.
/// </summary>
internal static class ChatAction
{
    /// <summary>Sets <paramref name="command"/>'s action to run <paramref name="body"/>.</summary>
    public static void Set(Command command, ChatOptions options, Func<ChatCommandContext, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var json = parse.GetValue(options.Json);
            try
            {
                await using var context = new ChatCommandContext(parse, options, ChatCliLimits.Default);
                var exit = await body(context, cancellationToken);
                await context.FinishAsync();
                context.PrintResult();
                return exit;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                CliOutput.Message("interrupted");
                return ExitCodes.Interrupted;
            }
            catch (ServerUnavailableException e)
            {
                Report(json, e.Code, e.Message);
                return ExitCodes.Unavailable;
            }
            catch (HarmonyException e)
            {
                Report(json, e.Code, e.Message);
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (ServerUnavailableException.IsUnreachable(e) && !cancellationToken.IsCancellationRequested)
            {
                // The connection dropped after it was established and the SDK gave up.
                Report(json, "cli.unavailable", $"The server connection failed ({ServerUnavailableException.Describe(e)}).");
                return ExitCodes.Unavailable;
            }
        });

    private static void Report(bool json, string code, string message)
    {
        CliOutput.Message($"error [{code}]: {message}");
        // One line: valid as the single JSON document of a command and as the last line of tail's JSON lines.
        if (json) CliOutput.JsonLine(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });
    }
}
