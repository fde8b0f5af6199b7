using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmony.Cli.Commands;
using Harmony.Core.Credentials;
using Harmony.Core.Crypto;
using Xunit;
using Xunit.Abstractions;

namespace Harmony.Cli.Tests;

/// <summary>
/// <c>harmony vc issue|verify</c> through the real tool, and a one-character mutation of every position of an issued
/// credential through the same verification code in-process (the real tool is run for a spread of them).
/// </summary>
public sealed class VcCommandTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string SeedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static readonly Dictionary<string, string> SeedEnv = new() { ["VC_TEST_SEED"] = SeedHex };
    private readonly string _dir = CliRunner.TempDir();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<string> IssueAsync()
    {
        var subject = Path.Combine(_dir, "subject.json");
        await File.WriteAllTextAsync(subject, """{"id":"did:example:alice","memberOf":"harmony.example","role":"moderator"}""");
        var result = await CliRunner.RunAsync(["vc", "issue", "--seed-hex-env", "VC_TEST_SEED", "--subject-file", subject, "--type", "HarmonyMembershipCredential"], env: SeedEnv);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain(SeedHex, result.Stdout + result.Stderr, StringComparison.OrdinalIgnoreCase);
        return result.Stdout;
    }

    /// <summary>What the test itself considers parseable: strict System.Text.Json, duplicate member names refused.</summary>
    private static bool IsJsonObjectText(byte[] bytes)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static char Replacement(char c) => c switch
    {
        >= '0' and < '9' => (char)(c + 1),
        '9' => '0',
        >= 'a' and < 'z' => (char)(c + 1),
        'z' => 'a',
        >= 'A' and < 'Z' => (char)(c + 1),
        'Z' => 'A',
        _ => 'x',
    };

    [Fact]
    public async Task Issue_then_verify_succeeds()
    {
        var vc = await IssueAsync();
        var file = Path.Combine(_dir, "vc.json");
        await File.WriteAllTextAsync(file, vc);
        var result = await CliRunner.RunAsync(["vc", "verify", file]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!;
        Assert.True((bool)json["verified"]!);
        Assert.Equal("did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw", (string?)json["issuer"]);
        Assert.Equal(["did:example:alice"], json["subjects"]!.AsArray().Select(s => (string)s!));

        var viaStdin = await CliRunner.RunAsync(["vc", "verify", "-"], stdin: vc);
        Assert.Equal(0, viaStdin.ExitCode);
    }

    [Fact]
    public async Task Every_single_character_change_is_refused()
    {
        var text = await IssueAsync();
        Assert.All(text, c => Assert.True(c < 0x80, "the issued file is ASCII, so characters are bytes"));
        var bytes = Encoding.ASCII.GetBytes(text);
        Assert.Equal(0, VcVerification.Run(bytes, TimeProvider.System).ExitCode);

        var proofValue = (string)JsonNode.Parse(text)!["proof"]!["proofValue"]!;
        var proofStart = text.IndexOf(proofValue, StringComparison.Ordinal);
        Assert.True(proofStart > 0 && text.IndexOf(proofValue, proofStart + 1, StringComparison.Ordinal) < 0);

        var failures = new List<string>();
        var counts = new Dictionary<int, int>();
        void Check(int position, char replacement)
        {
            var mutated = (byte[])bytes.Clone();
            mutated[position] = (byte)replacement;
            var expected = IsJsonObjectText(mutated) ? 1 : 2;
            var outcome = VcVerification.Run(mutated, TimeProvider.System);
            counts[outcome.ExitCode] = counts.GetValueOrDefault(outcome.ExitCode) + 1;
            if (outcome.ExitCode != expected)
                failures.Add($"position {position} '{(char)bytes[position]}'->'{replacement}': exit {outcome.ExitCode}, expected {expected} ({outcome.Output["error"]?["code"]})");
        }

        // Every position of the file, one character changed.
        for (var i = 0; i < bytes.Length; i++) Check(i, Replacement((char)bytes[i]));
        // Every position of proofValue again, staying inside the base58 alphabet so the signature itself is what breaks.
        for (var i = proofStart + 1; i < proofStart + proofValue.Length; i++)
            Check(i, Base58Alphabet[(Base58Alphabet.IndexOf((char)bytes[i]) + 1) % Base58Alphabet.Length]);

        output.WriteLine($"{bytes.Length} positions + {proofValue.Length - 1} base58 proofValue positions; exit codes: {string.Join(", ", counts.OrderBy(k => k.Key).Select(k => $"{k.Key}:{k.Value}"))}");
        Assert.Empty(failures);
        Assert.False(counts.ContainsKey(0));
    }

    [Fact]
    public async Task Real_tool_refuses_changes_with_exit_1_when_parseable_and_2_when_not()
    {
        var text = await IssueAsync();
        var proofValue = (string)JsonNode.Parse(text)!["proof"]!["proofValue"]!;
        var positions = new[]
        {
            text.IndexOf("alice", StringComparison.Ordinal) + 2,    // a claim
            text.IndexOf("\"issuer\"", StringComparison.Ordinal) + 3, // a member name
            text.IndexOf(proofValue, StringComparison.Ordinal) + 20, // the signature
            text.IndexOf("created", StringComparison.Ordinal) + 12,  // the proof's date
            text.IndexOf(':', StringComparison.Ordinal),             // JSON syntax
            1,                                                        // indentation/newline
        };
        var file = Path.Combine(_dir, "mutated.json");
        foreach (var position in positions)
        {
            var chars = text.ToCharArray();
            chars[position] = Replacement(chars[position]);
            var mutated = new string(chars);
            await File.WriteAllTextAsync(file, mutated);
            var result = await CliRunner.RunAsync(["vc", "verify", file]);
            var expected = IsJsonObjectText(Encoding.UTF8.GetBytes(mutated)) ? 1 : 2;
            Assert.True(expected == result.ExitCode, $"position {position}: exit {result.ExitCode}, expected {expected}; {result.Stderr}");
            var error = JsonNode.Parse(result.Stdout)!["error"]!;
            Assert.StartsWith("vc.", (string)error["code"]!, StringComparison.Ordinal);
            Assert.Contains((string)error["code"]!, result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Issue_with_out_file_and_options_then_verify()
    {
        var subject = Path.Combine(_dir, "subject.json");
        var file = Path.Combine(_dir, "out.json");
        await File.WriteAllTextAsync(subject, """{"id":"did:example:erin"}""");
        var issued = await CliRunner.RunAsync(["vc", "issue", "--seed-hex-env", "VC_TEST_SEED", "--subject-file", subject,
            "--id", "urn:uuid:00000000-0000-4000-8000-000000000001", "--valid-until", "2999-01-01T00:00:00Z", "--out", file], env: SeedEnv);
        Assert.True(issued.ExitCode == 0, issued.Stderr);
        var verified = await CliRunner.RunAsync(["vc", "verify", file]);
        Assert.True(verified.ExitCode == 0, verified.Stderr);
        var json = JsonNode.Parse(verified.Stdout)!;
        Assert.Equal("urn:uuid:00000000-0000-4000-8000-000000000001", (string?)json["id"]);
        Assert.Equal("2999-01-01T00:00:00Z", (string?)json["validUntil"]);

        var badDate = await CliRunner.RunAsync(["vc", "issue", "--seed-hex-env", "VC_TEST_SEED", "--subject-file", subject, "--valid-until", "tomorrow"], env: SeedEnv);
        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("vc.malformed", badDate.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_refuses_bad_key_input_without_echoing_it()
    {
        var subject = Path.Combine(_dir, "s.json");
        await File.WriteAllTextAsync(subject, """{"id":"did:example:bob"}""");
        string[] args = ["vc", "issue", "--seed-hex-env", "VC_TEST_SEED", "--subject-file", subject];

        var missing = await CliRunner.RunAsync(args);
        Assert.Equal(2, missing.ExitCode);
        var shortSeed = await CliRunner.RunAsync(args, env: new Dictionary<string, string> { ["VC_TEST_SEED"] = "abcd" });
        Assert.Equal(2, shortSeed.ExitCode);
        var notHex = await CliRunner.RunAsync(args, env: new Dictionary<string, string> { ["VC_TEST_SEED"] = "zz-secret-zz" });
        Assert.Equal(2, notHex.ExitCode);
        Assert.DoesNotContain("zz-secret-zz", notHex.Stdout + notHex.Stderr, StringComparison.Ordinal);

        var both = await CliRunner.RunAsync(["vc", "issue", "--keystore", "k.json", "--seed-hex-env", "VC_TEST_SEED", "--subject-file", subject], env: SeedEnv);
        Assert.Equal(2, both.ExitCode);
        var neither = await CliRunner.RunAsync(["vc", "issue", "--subject-file", subject]);
        Assert.Equal(2, neither.ExitCode);
    }

    [Fact]
    public async Task Issue_with_a_keystore_signs_as_its_identity()
    {
        const string phrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
        var env = new Dictionary<string, string> { ["VC_TEST_PASS"] = "correct horse" };
        var keystore = Path.Combine(_dir, "id.json");
        var restore = await CliRunner.RunAsync(["keys", "restore", "--keystore", keystore, "--passphrase-env", "VC_TEST_PASS"], phrase + "\n", env);
        Assert.True(restore.ExitCode == 0, restore.Stderr);
        var did = (string)JsonNode.Parse(restore.Stdout)!["did"]!;

        var subject = Path.Combine(_dir, "s.json");
        await File.WriteAllTextAsync(subject, """{"id":"did:example:frank"}""");
        var issued = await CliRunner.RunAsync(["vc", "issue", "--keystore", keystore, "--passphrase-env", "VC_TEST_PASS", "--subject-file", subject], env: env);
        Assert.True(issued.ExitCode == 0, issued.Stderr);
        Assert.Equal(did, (string?)JsonNode.Parse(issued.Stdout)!["issuer"]);
        Assert.DoesNotContain("abandon", issued.Stdout + issued.Stderr, StringComparison.Ordinal);
        var verified = await CliRunner.RunAsync(["vc", "verify", "-"], stdin: issued.Stdout);
        Assert.True(verified.ExitCode == 0, verified.Stderr);
        Assert.Equal(did, (string?)JsonNode.Parse(verified.Stdout)!["issuer"]);

        var wrongPass = await CliRunner.RunAsync(["vc", "issue", "--keystore", keystore, "--passphrase-env", "VC_TEST_PASS", "--subject-file", subject],
            env: new Dictionary<string, string> { ["VC_TEST_PASS"] = "wrong horse" });
        Assert.Equal(2, wrongPass.ExitCode);
        Assert.Equal("", wrongPass.Stdout);
        var missing = await CliRunner.RunAsync(["vc", "issue", "--keystore", Path.Combine(_dir, "absent.json"), "--passphrase-env", "VC_TEST_PASS", "--subject-file", subject], env: env);
        Assert.Equal(2, missing.ExitCode);
    }

    [Fact]
    public async Task Issue_refuses_a_subject_that_is_not_an_object_and_reads_stdin()
    {
        string[] args = ["vc", "issue", "--seed-hex-env", "VC_TEST_SEED", "--subject-file", "-"];
        Assert.Equal(2, (await CliRunner.RunAsync(args, stdin: "[1,2]", env: SeedEnv)).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync(args, stdin: "{not json", env: SeedEnv)).ExitCode);
        var ok = await CliRunner.RunAsync(args, stdin: """{"id":"did:example:carol"}""", env: SeedEnv);
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("did:example:carol", (string?)JsonNode.Parse(ok.Stdout)!["credentialSubject"]!["id"]);
    }

    [Fact]
    public async Task Verify_of_unreadable_or_non_json_input_is_bad_input()
    {
        Assert.Equal(2, (await CliRunner.RunAsync(["vc", "verify", Path.Combine(_dir, "absent.json")])).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync(["vc", "verify", "-"], stdin: "not json")).ExitCode);
        var notCredential = await CliRunner.RunAsync(["vc", "verify", "-"], stdin: "{}");
        Assert.Equal(1, notCredential.ExitCode);
        Assert.Equal("vc.malformed", (string?)JsonNode.Parse(notCredential.Stdout)!["error"]!["code"]);
    }

    [Fact]
    public void Presentations_need_challenge_and_domain_and_verify_in_process()
    {
        using var issuer = Ed25519KeyPair.FromSeed(Convert.FromHexString(SeedHex));
        using var holder = Ed25519KeyPair.Generate();
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(VcConstants.ContextV2),
            ["type"] = new JsonArray(VcConstants.CredentialType),
            ["issuer"] = Harmony.Core.Did.DidKey.FromEd25519(issuer.PublicKey).Did,
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:dave" },
        };
        var vp = PresentationBuilder.Present([CredentialIssuer.Issue(credential, issuer)], holder, "c-1", "d.example");
        var bytes = Encoding.UTF8.GetBytes(vp.ToJsonString());
        Assert.Equal(2, VcVerification.Run(bytes, TimeProvider.System).ExitCode);
        var ok = VcVerification.Run(bytes, TimeProvider.System, "c-1", "d.example");
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("presentation", (string?)ok.Output["kind"]);
        var wrong = VcVerification.Run(bytes, TimeProvider.System, "c-2", "d.example");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Equal("vp.challenge_mismatch", (string?)wrong.Output["error"]!["code"]);
    }
}
