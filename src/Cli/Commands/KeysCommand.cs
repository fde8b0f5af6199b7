using System.CommandLine;
using Harmony.Core.Crypto.Bip39;
using Harmony.Core.Crypto.Keystore;
using Harmony.Core.Identity;

namespace Harmony.Cli.Commands;

/// <summary><c>harmony keys new|restore|show</c>: create, restore and inspect an identity kept in an encrypted keystore.</summary>
internal static class KeysCommand
{
    public static Command Build()
    {
        var command = new Command("keys", "Create, restore and inspect your identity (BIP-39 recovery phrase in an encrypted keystore).");
        command.Subcommands.Add(BuildNew());
        command.Subcommands.Add(BuildRestore());
        command.Subcommands.Add(BuildShow());
        return command;
    }

    private static Option<string> KeystoreOption() => new("--keystore") { Description = "Path of the keystore file.", Required = true };

    private static Option<string?> PassphraseEnvOption() =>
        new("--passphrase-env") { Description = "Read the keystore passphrase from this environment variable instead of prompting." };

    private static Command BuildNew()
    {
        var words = new Option<int>("--words") { Description = "Words in the recovery phrase (24, or 12).", DefaultValueFactory = _ => IdentityOptions.Default.NewWordCount };
        var keystore = KeystoreOption();
        var passphraseEnv = PassphraseEnvOption();
        var command = new Command("new", "Create a new identity; prints its DID, and the recovery phrase once on stderr.") { words, keystore, passphraseEnv };
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(keystore)!);
            var count = parse.GetValue(words);
            if (!IdentityOptions.Default.AcceptedWordCounts.Contains(count))
            {
                CliOutput.Message($"error: --words must be {string.Join(" or ", IdentityOptions.Default.AcceptedWordCounts)}.");
                return ExitCodes.BadInput;
            }
            if (File.Exists(path))
            {
                CliOutput.Message("error [keystore.exists]: The keystore file already exists; choose another path.");
                return ExitCodes.BadInput;
            }
            var passphrase = SecretInput.Passphrase(parse.GetValue(passphraseEnv), confirm: true);
            var mnemonic = Mnemonic.Generate(count);
            using var identity = HarmonyIdentity.FromMnemonic(mnemonic);
            Keystore.Save(path, mnemonic, passphrase);
            CliOutput.Message("WARNING: this recovery phrase is the only backup of your identity. Write it down and keep it secret;");
            CliOutput.Message("it will not be shown again, and anyone who has it can act as you.");
            CliOutput.Message(mnemonic.ToPhrase());
            CliOutput.Json(new { did = identity.Did.Did, keystore = path });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildRestore()
    {
        var keystore = KeystoreOption();
        var passphraseEnv = PassphraseEnvOption();
        var command = new Command("restore", "Restore an identity from its recovery phrase (stdin, or a hidden prompt) into a new keystore.") { keystore, passphraseEnv };
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(keystore)!);
            if (File.Exists(path))
            {
                CliOutput.Message("error [keystore.exists]: The keystore file already exists; choose another path.");
                return ExitCodes.BadInput;
            }
            var mnemonic = Mnemonic.Parse(SecretInput.RecoveryPhrase());
            using var identity = HarmonyIdentity.FromMnemonic(mnemonic);
            var passphrase = SecretInput.Passphrase(parse.GetValue(passphraseEnv), confirm: true);
            Keystore.Save(path, mnemonic, passphrase);
            CliOutput.Json(new { did = identity.Did.Did });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildShow()
    {
        var keystore = KeystoreOption();
        var passphraseEnv = PassphraseEnvOption();
        var command = new Command("show", "Unlock a keystore and print the DID and its X25519 key-agreement key id.") { keystore, passphraseEnv };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(keystore)!;
            var passphrase = SecretInput.Passphrase(parse.GetValue(passphraseEnv), confirm: false);
            using var identity = HarmonyIdentity.FromMnemonic(Keystore.Load(path, passphrase));
            CliOutput.Json(new { did = identity.Did.Did, keyAgreement = identity.KeyAgreementKeyId });
            return ExitCodes.Ok;
        });
        return command;
    }
}
