using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Cli.Identity;
using Harmony.Core.Capabilities;

namespace Harmony.Cli.Commands;

/// <summary>
/// <c>harmony zcap root|delegate|invoke|verify</c>: ZCAP authorization capabilities (w3c-ccg zcap-spec, the
/// @digitalbazaar/zcap layout, eddsa-jcs-2022 proofs by did:key). The signing key comes from a keystore
/// (<c>--keystore FILE [--passphrase-env VAR]</c>) or a hex Ed25519 seed in an environment variable
/// (<c>--seed-hex-env VAR</c>); secrets never travel in the arguments.
/// </summary>
internal static class ZcapCommand
{
    /// <summary>Largest accepted capability or invocation file.</summary>
    private const int MaxInputBytes = 1024 * 1024;

    /// <summary>Deepest accepted JSON nesting: a chain of the verifier's default 10 capabilities nests about 35 levels.</summary>
    private const int MaxInputDepth = 64;

    public static Command Build()
    {
        var command = new Command("zcap", "Create, delegate, invoke and verify ZCAP authorization capabilities.");
        command.Subcommands.Add(BuildRoot());
        command.Subcommands.Add(BuildDelegate());
        command.Subcommands.Add(BuildInvoke());
        command.Subcommands.Add(BuildVerify());
        return command;
    }

    private static Command BuildRoot()
    {
        var target = new Option<string>("--target") { Description = "The root's invocation target, e.g. the community URL.", Required = true };
        var controller = new Option<string>("--controller") { Description = "The root controller's DID (e.g. the community owner).", Required = true };
        var output = OutOption();
        var command = new Command("root", "Print the (unsigned) root capability of a target.") { target, controller, output };
        command.SetAction(parse =>
        {
            var root = CapabilityIssuer.CreateRoot(parse.GetValue(target)!, parse.GetValue(controller)!);
            Write(root, parse.GetValue(output));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildDelegate()
    {
        var parent = new Option<string>("--parent") { Description = "The parent capability file (root or delegated), or - for stdin.", Required = true };
        var controller = new Option<string>("--controller") { Description = "The delegatee's DID.", Required = true };
        var actions = new Option<string>("--actions") { Description = "Comma-separated allowed actions (default: the parent's)." };
        var target = new Option<string>("--target") { Description = "Invocation target: the parent's or beneath it (default: the parent's)." };
        var expires = new Option<string>("--expires") { Description = "Expiry, e.g. 2027-01-01T00:00:00Z (no later than the parent's).", Required = true };
        var id = new Option<string>("--id") { Description = "Capability id (default: a new urn:uuid)." };
        var key = new SignerOptions("cli.seed", "the signer's", keystoreDefault: null);
        var output = OutOption();
        var command = new Command("delegate", "Delegate a capability to another DID, signed by the parent's controller.") { parent, controller, actions, target, expires, id, output };
        key.AddTo(command);
        command.SetAction(parse =>
        {
            var parentJson = ReadJson(parse.GetValue(parent)!);
            if (parentJson is null) return ExitCodes.BadInput;
            if (!TryParseTime(parse.GetValue(expires)!, out var expiry)) return ExitCodes.BadInput;
            using var signer = key.Load(parse, defaultKeystore: null);
            var parentTarget = parentJson["invocationTarget"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : "";
            var list = parse.GetValue(actions)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var request = new DelegationRequest(parse.GetValue(controller)!, parse.GetValue(target) ?? parentTarget, list, expiry) { Id = parse.GetValue(id) };
            // Refusals (wrong signer, widening, bad values) are CapabilityExceptions: CliApp turns them into exit 2.
            Write(CapabilityIssuer.Delegate(parentJson, request, signer.Key), parse.GetValue(output));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildInvoke()
    {
        var capability = new Option<string>("--capability") { Description = "The capability file to invoke (root or delegated), or - for stdin.", Required = true };
        var action = new Option<string>("--action") { Description = "The action to invoke.", Required = true };
        var target = new Option<string>("--target") { Description = "The target to invoke: the capability's or beneath it.", Required = true };
        var document = new Option<string>("--document") { Description = "JSON file with the request document to sign (default: an empty object)." };
        var key = new SignerOptions("cli.seed", "the signer's", keystoreDefault: null);
        var output = OutOption();
        var command = new Command("invoke", "Sign a request document as an invocation of a capability (with a fresh nonce).") { capability, action, target, document, output };
        key.AddTo(command);
        command.SetAction(parse =>
        {
            var cap = ReadJson(parse.GetValue(capability)!);
            if (cap is null) return ExitCodes.BadInput;
            var doc = parse.GetValue(document) is { } docPath ? ReadJson(docPath) : new JsonObject();
            if (doc is null) return ExitCodes.BadInput;
            using var signer = key.Load(parse, defaultKeystore: null);
            Write(CapabilityIssuer.Invoke(doc, cap, new InvocationRequest(parse.GetValue(action)!, parse.GetValue(target)!), signer.Key), parse.GetValue(output));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildVerify()
    {
        var invocation = new Option<string>("--invocation") { Description = "An invocation file to verify, or - for stdin." };
        var capability = new Option<string>("--capability") { Description = "A delegated capability file to verify, or - for stdin." };
        var rootController = new Option<string>("--root-controller") { Description = "The trusted root controller's DID.", Required = true };
        var rootTarget = new Option<string>("--root-target") { Description = "Accept only the root of this target (e.g. the community URL)." };
        var action = new Option<string>("--action") { Description = "Expected action of an invocation (default: the one it claims)." };
        var target = new Option<string>("--target") { Description = "Expected target of an invocation (default: the one it claims)." };
        var at = new Option<string>("--at") { Description = "Verify as of this time instead of now (e.g. to audit a stored invocation)." };
        var command = new Command("verify", "Verify an invocation or a capability chain: exit 0 verified, 1 refused (with its error code), 2 bad input.")
        {
            invocation, capability, rootController, rootTarget, action, target, at,
        };
        command.SetAction(async (parse, ct) =>
        {
            var invocationPath = parse.GetValue(invocation);
            var capabilityPath = parse.GetValue(capability);
            if ((invocationPath is null) == (capabilityPath is null))
            {
                CliOutput.Message("error: give exactly one of --invocation FILE or --capability FILE.");
                return ExitCodes.BadInput;
            }
            var json = ReadJson(invocationPath ?? capabilityPath!);
            if (json is null) return ExitCodes.BadInput;
            var time = TimeProvider.System;
            if (parse.GetValue(at) is { } atText)
            {
                if (!TryParseTime(atText, out var instant)) return ExitCodes.BadInput;
                time = new FixedTime(instant);
            }
            var verifier = new CapabilityVerifier(time: time);
            try
            {
                JsonObject result;
                if (invocationPath is not null)
                {
                    var proof = json["proof"] as JsonObject;
                    var expectation = new InvocationExpectation(
                        parse.GetValue(action) ?? Claimed(proof, "capabilityAction"),
                        parse.GetValue(target) ?? Claimed(proof, "invocationTarget"),
                        parse.GetValue(rootController)!) { RootTarget = parse.GetValue(rootTarget) };
                    var verified = await verifier.VerifyInvocationAsync(json, expectation, ct);
                    result = new JsonObject
                    {
                        ["verified"] = true,
                        ["kind"] = "invocation",
                        ["invoker"] = verified.Invoker,
                        ["action"] = verified.Action,
                        ["target"] = verified.Target,
                        ["capability"] = verified.CapabilityId,
                        ["chain"] = Ids(verified.Chain),
                    };
                }
                else
                {
                    var chain = await verifier.VerifyCapabilityAsync(json, parse.GetValue(rootController)!, parse.GetValue(rootTarget), ct);
                    result = new JsonObject
                    {
                        ["verified"] = true,
                        ["kind"] = "capability",
                        ["capability"] = chain.Tail?.Id ?? chain.RootCapabilityId,
                        ["controller"] = new JsonArray([.. chain.Controllers.Select(c => (JsonNode?)c)]),
                        ["invocationTarget"] = chain.InvocationTarget,
                        ["expires"] = chain.Expires?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                        ["chain"] = Ids(chain),
                    };
                }
                CliOutput.Json(result);
                return ExitCodes.Ok;
            }
            catch (CapabilityException e)
            {
                CliOutput.Json(new JsonObject { ["verified"] = false, ["error"] = new JsonObject { ["code"] = e.Code, ["message"] = e.Message } });
                CliOutput.Message($"error [{e.Code}]: {e.Message}");
                return ExitCodes.VerificationFailed;
            }
        });
        return command;
    }

    private static string Claimed(JsonObject? proof, string member) =>
        proof?[member] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static JsonArray Ids(VerifiedChain chain) => [.. chain.Ids.Select(i => (JsonNode?)i)];

    private static Option<string> OutOption() => new("--out") { Description = "Write the JSON to this file instead of stdout." };

    private static void Write(JsonObject json, string? path)
    {
        if (path is null)
        {
            CliOutput.Json(json);
            return;
        }
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        CliOutput.Json(new JsonObject { ["file"] = path, ["id"] = json["id"]?.DeepClone() });
    }

    private static bool TryParseTime(string text, out DateTimeOffset value)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value)) return true;
        CliOutput.Message($"error: '{text}' is not a date-time such as 2027-01-01T00:00:00Z.");
        return false;
    }

    /// <summary>Reads a JSON object from a file or stdin; prints why and returns null when it cannot (exit 2).</summary>
    private static JsonObject? ReadJson(string path)
    {
        byte[] bytes;
        try
        {
            if (path == "-")
            {
                using var stdin = Console.OpenStandardInput();
                using var buffer = new MemoryStream();
                stdin.CopyTo(buffer);
                bytes = buffer.ToArray();
            }
            else
            {
                if (new FileInfo(path).Length > MaxInputBytes)
                {
                    CliOutput.Message($"error: {path} is larger than {MaxInputBytes} bytes.");
                    return null;
                }
                bytes = File.ReadAllBytes(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CliOutput.Message($"error: cannot read {path}: {e.Message}");
            return null;
        }
        if (bytes.Length > MaxInputBytes)
        {
            CliOutput.Message($"error: the input is larger than {MaxInputBytes} bytes.");
            return null;
        }
        try
        {
            if (JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = MaxInputDepth, AllowDuplicateProperties = false }) is JsonObject obj) return obj;
            CliOutput.Message($"error: {path} does not hold a JSON object.");
        }
        catch (JsonException e)
        {
            CliOutput.Message($"error: {path} is not valid JSON: {e.Message}");
        }
        return null;
    }

    /// <summary>The clock of <c>verify --at</c>.</summary>
    private sealed class FixedTime(DateTimeOffset instant) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => instant;
    }
}
