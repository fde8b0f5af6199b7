using System.CommandLine;
using System.Security.Cryptography;
using Harmony.Cli.Commands;
using Harmony.Core.Crypto;
using Harmony.Core.Crypto.Keystore;
using Harmony.Core.Did;
using Harmony.Core.Identity;

namespace Harmony.Cli.Mls;

/// <summary>The identity and state options every <c>harmony mls</c> subcommand takes.</summary>
internal sealed class MlsIdentityOptions
{
    private readonly Option<string> _state = new("--state") { Description = "The member's encrypted MLS state file (created on first use).", Required = true };
    private readonly Option<string> _keystore = new("--keystore") { Description = "The member's keystore file (see harmony keys)." };
    private readonly Option<string> _passphraseEnv = new("--passphrase-env") { Description = "Environment variable holding the keystore passphrase (default: prompt)." };
    private readonly Option<string> _seedEnv = new("--seed-hex-env") { Description = "Environment variable holding the member's 32-byte Ed25519 seed in hex (instead of --keystore)." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_state);
        command.Options.Add(_keystore);
        command.Options.Add(_passphraseEnv);
        command.Options.Add(_seedEnv);
    }

    /// <summary>The state file path.</summary>
    public string StatePath(ParseResult parse) => Path.GetFullPath(parse.GetValue(_state)!);

    /// <summary>Loads the identity from exactly one of --keystore or --seed-hex-env.</summary>
    public MlsCliIdentity LoadIdentity(ParseResult parse)
    {
        var envName = parse.GetValue(_seedEnv);
        var keystorePath = parse.GetValue(_keystore);
        if ((envName is null) == (keystorePath is null))
            throw new MlsCliException("cli.mls.identity", "Give the identity with exactly one of --keystore FILE or --seed-hex-env VAR.");
        if (keystorePath is not null)
        {
            var passphrase = SecretInput.Passphrase(parse.GetValue(_passphraseEnv), confirm: false);
            using var identity = HarmonyIdentity.FromMnemonic(Keystore.Load(Path.GetFullPath(keystorePath), passphrase));
            return new MlsCliIdentity(identity.Did.Did, identity.SigningKey.ExportSeed());
        }
        var seed = SeedEnvironment.Read(envName!, "cli.mls.identity");
        using var key = Ed25519KeyPair.FromSeed(seed);
        return new MlsCliIdentity(DidKey.FromEd25519(key.PublicKey).Did, seed);
    }
}
