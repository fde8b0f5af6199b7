namespace Harmony.Cli.Chat;

/// <summary>The contents of <c>config.json</c> in the CLI's home folder.</summary>
internal sealed record ChatConfig
{
    /// <summary>Known servers, in the order they were added.</summary>
    public IReadOnlyList<ServerEntry> Servers { get; init; } = [];

    /// <summary>Name of the server used when <c>--server</c> is not given.</summary>
    public string? DefaultServer { get; init; }

    /// <summary>Keystore used when neither <c>--keystore</c> nor <c>--seed-hex-env</c> is given.</summary>
    public string? Keystore { get; init; }
}
