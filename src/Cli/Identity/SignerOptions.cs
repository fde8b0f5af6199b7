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
/// The one way commands (chat, vc, zcap, mls) load the user's key: a passphrase-protected keystore (<c>--keystore FILE</c>, passphrase
/// from <c>--passphrase-env VAR</c> or a hidden prompt) or a hex seed in an environment variable
/// (<c>--seed-hex-env VAR</c>, for scripts and tests). Secrets never travel in the arguments.
/// </summary>
internal sealed class SignerOptions
{
    /// <summary>The default error code of identity-loading refusals (the chat commands').</summary>
    public const string DefaultErrorCode = "cli.identity";

    private readonly string _errorCode;
    private readonly Option<string> _keystore;
    private readonly Option<string> _passphraseEnv;
    private readonly Option<string> _seedEnv;

    /// <summary>
    /// Options whose refusals carry <paramref name="errorCode"/> and whose help names the key as
    /// <paramref name="whose"/> (for example "the issuer's"); <paramref name="keystoreDefault"/> describes the
    /// keystore used when none is given, or null when one of the options is required.
    /// </summary>
    public SignerOptions(string errorCode = DefaultErrorCode, string whose = "your", string? keystoreDefault = "the one in the config, else <home>/keystore.json")
    {
        _errorCode = errorCode;
        _keystore = new("--keystore") { Description = $"{Capitalized(whose)} keystore file (see harmony keys){(keystoreDefault is null ? "" : "; default: " + keystoreDefault)}." };
        _passphraseEnv = new("--passphrase-env") { Description = "Environment variable holding the keystore passphrase (default: prompt)." };
        _seedEnv = new("--seed-hex-env") { Description = $"Environment variable holding {whose} 32-byte Ed25519 seed in hex (instead of a keystore)." };
    }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_keystore);
        command.Options.Add(_passphraseEnv);
        command.Options.Add(_seedEnv);
    }

    /// <summary>
    /// Loads the key from <c>--seed-hex-env</c>, or else the keystore named by <c>--keystore</c> or
    /// <paramref name="defaultKeystore"/> (null: one of the options is required); typed errors with this instance's
    /// code when none is usable, both are given, or the keystore cannot be read or unlocked.
    /// </summary>
    public CliSigner Load(ParseResult parse, string? defaultKeystore)
    {
        var envName = parse.GetValue(_seedEnv);
        var keystorePath = parse.GetValue(_keystore);
        if (envName is not null && keystorePath is not null)
            throw new HarmonyException(_errorCode, "Give the key with either --seed-hex-env VAR or --keystore FILE, not both.");
        if (envName is not null) return FromSeedEnvironment(envName);
        var path = keystorePath ?? defaultKeystore;
        if (path is null || !File.Exists(path))
        {
            throw new HarmonyException(_errorCode, path is null
                ? "No keystore: pass --keystore FILE or --seed-hex-env VAR (create one with harmony keys new)."
                : $"No keystore at {path}: create one with 'harmony keys new --keystore {path}', or pass --keystore FILE or --seed-hex-env VAR.");
        }
        var passphrase = SecretInput.Passphrase(parse.GetValue(_passphraseEnv), confirm: false);
        Harmony.Core.Crypto.Bip39.Mnemonic mnemonic;
        try
        {
            mnemonic = Keystore.Load(Path.GetFullPath(path), passphrase);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HarmonyException(_errorCode, $"Cannot read the keystore {path}: {e.Message}");
        }
        var identity = HarmonyIdentity.FromMnemonic(mnemonic);
        return new CliSigner(identity.SigningKey, identity.Did.Did, identity);
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private CliSigner FromSeedEnvironment(string envName)
    {
        var seed = SeedEnvironment.Read(envName, _errorCode);
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
