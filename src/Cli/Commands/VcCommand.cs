using System.CommandLine;
using System.Text.Json.Nodes;
using Harmony.Cli.Identity;
using Harmony.Core.Credentials;
using Harmony.Core.Did;

namespace Harmony.Cli.Commands;

/// <summary>
/// <c>harmony vc issue</c> and <c>harmony vc verify</c>: VC Data Model 2.0 credentials with eddsa-jcs-2022 proofs.
/// </summary>
/// <remarks>
/// The issuer key comes from an identity keystore (<c>--keystore FILE [--passphrase-env VAR]</c>, as made by
/// <c>harmony keys new</c>) or, for scripts and tests, from a hex Ed25519 seed in an environment variable
/// (<c>--seed-hex-env VAR</c>); either way the secret never appears in the process arguments.
/// </remarks>
internal static class VcCommand
{
    public static Command Build()
    {
        var command = new Command("vc", "Issue and verify W3C Verifiable Credentials (VC 2.0, eddsa-jcs-2022, did:key).");
        command.Subcommands.Add(BuildIssue());
        command.Subcommands.Add(BuildVerify());
        return command;
    }

    private static Command BuildIssue()
    {
        var issuerKey = new SignerOptions("cli.seed", "the issuer's", keystoreDefault: null);
        var subjectFile = new Option<string>("--subject-file") { Description = "JSON file with the credentialSubject object, or - for stdin.", Required = true };
        var types = new Option<string[]>("--type") { Description = "Extra credential type(s) besides VerifiableCredential.", AllowMultipleArgumentsPerToken = true };
        var id = new Option<string>("--id") { Description = "Credential id (default: a new urn:uuid)." };
        var validUntil = new Option<string>("--valid-until") { Description = "End of validity, e.g. 2030-01-01T00:00:00Z." };
        var output = new Option<string>("--out") { Description = "Write the credential to this file instead of stdout." };

        var command = new Command("issue", "Issue a credential signed by the issuer's did:key; prints the credential JSON.");
        issuerKey.AddTo(command);
        foreach (var option in new Option[] { subjectFile, types, id, validUntil, output }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            // Refusals (no key, both, bad seed, wrong passphrase) are typed: CliApp turns them into exit 2.
            using var signer = issuerKey.Load(parse, defaultKeystore: null);
            var key = signer.Key;

            var subjectText = ReadInput(parse.GetValue(subjectFile)!);
            if (subjectText is null) return ExitCodes.BadInput;
            JsonObject subject;
            try { subject = CredentialJson.ParseObject(subjectText); }
            catch (CredentialException e)
            {
                CliOutput.Message($"error [{e.Code}]: the subject file must hold a JSON object. {e.Message}");
                return ExitCodes.BadInput;
            }

            var credential = new JsonObject
            {
                ["@context"] = new JsonArray(VcConstants.ContextV2),
                ["id"] = parse.GetValue(id) ?? "urn:uuid:" + Guid.NewGuid().ToString("D"),
                ["type"] = new JsonArray([VcConstants.CredentialType, .. (parse.GetValue(types) ?? []).Select(t => (JsonNode)t)]),
                ["issuer"] = DidKey.FromEd25519(key.PublicKey).Did,
                ["validFrom"] = Harmony.Core.Credentials.DataIntegrity.EddsaJcs2022.FormatDate(TimeProvider.System.GetUtcNow()),
            };
            if (parse.GetValue(validUntil) is { } until) credential["validUntil"] = until;
            credential["credentialSubject"] = subject;

            JsonObject signed;
            try { signed = CredentialIssuer.Issue(credential, key); }
            catch (CredentialException e)
            {
                // Bad option values (e.g. --valid-until) are bad input. Handled here because System.CommandLine's
                // default exception handler would otherwise turn the exception into exit 1.
                CliOutput.Message($"error [{e.Code}]: {e.Message}");
                return ExitCodes.BadInput;
            }
            if (parse.GetValue(output) is { } outFile)
            {
                try { File.WriteAllText(outFile, signed.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n"); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    CliOutput.Message($"error: cannot write {outFile}: {e.Message}");
                    return ExitCodes.BadInput;
                }
                CliOutput.Json(new JsonObject { ["issued"] = true, ["id"] = (string?)signed["id"], ["file"] = outFile });
            }
            else
            {
                CliOutput.Json(signed);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildVerify()
    {
        var file = new Argument<string>("file") { Description = "Credential (or presentation) JSON file, or - for stdin." };
        var challenge = new Option<string>("--challenge") { Description = "Expected challenge (presentations only)." };
        var domain = new Option<string>("--domain") { Description = "Expected domain (presentations only)." };
        var command = new Command("verify", "Verify a credential or presentation: exit 0 verified, 1 refused (with the error code), 2 not JSON.");
        command.Arguments.Add(file);
        command.Options.Add(challenge);
        command.Options.Add(domain);
        command.SetAction(parse =>
        {
            var input = ReadInput(parse.GetValue(file)!);
            if (input is null) return ExitCodes.BadInput;
            var outcome = VcVerification.Run(input, TimeProvider.System, parse.GetValue(challenge), parse.GetValue(domain));
            CliOutput.Json(outcome.Output);
            if (outcome.Output["error"] is JsonObject error) CliOutput.Message($"error [{error["code"]}]: {error["message"]}");
            return outcome.ExitCode;
        });
        return command;
    }

    private static byte[]? ReadInput(string path)
    {
        if (path == "-")
        {
            using var stdin = Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            return buffer.ToArray();
        }
        try { return File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CliOutput.Message($"error: cannot read {path}: {e.Message}");
            return null;
        }
    }
}
