using System.CommandLine;
using Harmony.Cli.Identity;

namespace Harmony.Cli.Mls;

/// <summary>The identity and state options every <c>harmony mls</c> subcommand takes.</summary>
internal sealed class MlsIdentityOptions
{
    private readonly Option<string> _state = new("--state") { Description = "The member's encrypted MLS state file (created on first use).", Required = true };
    private readonly SignerOptions _signer = new("cli.mls.identity", "the member's", keystoreDefault: null);

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_state);
        _signer.AddTo(command);
    }

    /// <summary>The state file path.</summary>
    public string StatePath(ParseResult parse) => Path.GetFullPath(parse.GetValue(_state)!);

    /// <summary>Loads the identity from exactly one of --keystore or --seed-hex-env (typed <c>cli.mls.identity</c> errors otherwise).</summary>
    public MlsCliIdentity LoadIdentity(ParseResult parse)
    {
        using var signer = _signer.Load(parse, defaultKeystore: null);
        return new MlsCliIdentity(signer.Did, signer.Key.ExportSeed());
    }
}
