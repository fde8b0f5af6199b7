using System.CommandLine;
using System.Security.Cryptography;
using Harmony.Cli.Commands;
using Harmony.Core.Crypto;
using Harmony.Core.Crypto.Keystore;
using Harmony.Core.Did;
using Harmony.Core.Errors;
using Harmony.Core.Identity;

namespace Harmony.Cli.Identity;

/// <summary>
/// The one way commands load the user's key: a passphrase-protected keystore (<c>--keystore FILE</c>, passphrase
/// from <c>--passphrase-env VAR</c> or a hidden prompt) or a hex seed in an environment variable
/// (<c>--seed-hex-env VAR</c>, for scripts and tests). Secrets never travel in the arguments.
/// </summary>
internal sealed class SignerOptions
{
    /// <summary>The error code of every identity-loading refusal.</summary>
    public const string ErrorCode = "cli.identity";

    private readonly Option<string> _keystore = new("--keystore") { Description = "Your keystore file (see harmony keys); default: the one in the config, else <home>/keystore.json." };
    private readonly Option<string> _passphraseEnv = new("--passphrase-env") { Description = "Environment variable holding the keystore passphrase (default: prompt)." };
    private readonly Option<string> _seedEnv = new("--seed-hex-env") { Description = "Environment variable holding your 32-byte Ed25519 seed in hex (instead of a keystore)." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_keystore);
        command.Options.Add(_passphraseEnv);
        command.Options.Add(_seedEnv);
    }

    /// <summary>
    /// Loads the key from <c>--seed-hex-env</c>, or else the keystore named by <c>--keystore</c> or
    /// <paramref name="defaultKeystore"/>; typed <c>cli.identity</c> errors when neither is usable.
    /// </summary>
    public CliSigner Load(ParseResult parse, string? defaultKeystore)
    {
        var envName = parse.GetValue(_seedEnv);
        var keystorePath = parse.GetValue(_keystore);
        if (envName is not null && keystorePath is not null)
            throw new HarmonyException(ErrorCode, "Give the key with either --seed-hex-env VAR or --keystore FILE, not both.");
        if (envName is not null) return FromSeedEnvironment(envName);
        var path = keystorePath ?? defaultKeystore;
        if (path is null || !File.Exists(path))
        {
            throw new HarmonyException(ErrorCode, path is null
                ? "No keystore: pass --keystore FILE or --seed-hex-env VAR (create one with harmony keys new)."
                : $"No keystore at {path}: create one with 'harmony keys new --keystore {path}', or pass --keystore FILE or --seed-hex-env VAR.");
        }
        var passphrase = SecretInput.Passphrase(parse.GetValue(_passphraseEnv), confirm: false);
        var identity = HarmonyIdentity.FromMnemonic(Keystore.Load(Path.GetFullPath(path), passphrase));
        return new CliSigner(identity.SigningKey, identity.Did.Did, identity);
    }

    private static CliSigner FromSeedEnvironment(string envName)
    {
        var seed = SeedEnvironment.Read(envName, ErrorCode);
        try
        {
            var key = Ed25519KeyPair.FromSeed(seed);
            return new CliSigner(key, DidKey.FromEd25519(key.PublicKey).Did, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }
}
