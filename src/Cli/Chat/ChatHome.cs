using System.Text.Json;
using System.Text.Json.Serialization;
using Harmony.Core.Errors;

namespace Harmony.Cli.Chat;

/// <summary>
/// The CLI's state folder (<c>--home</c>, else <c>HARMONY_HOME</c>, else <c>~/.harmony</c>): <c>config.json</c>
/// and one SDK data directory per (server, DID) under <c>data/</c>.
/// </summary>
internal sealed class ChatHome
{
    /// <summary>The environment variable naming the home folder.</summary>
    public const string EnvironmentVariable = "HARMONY_HOME";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 16,
    };

    private readonly ChatCliLimits _limits;

    /// <summary>Uses <paramref name="directory"/> (made absolute) as the home folder.</summary>
    public ChatHome(string directory, ChatCliLimits limits)
    {
        Directory = Path.GetFullPath(directory);
        _limits = limits;
    }

    /// <summary>The home folder.</summary>
    public string Directory { get; }

    /// <summary>The config file.</summary>
    public string ConfigPath => Path.Combine(Directory, "config.json");

    /// <summary>The keystore used when the config names none.</summary>
    public string DefaultKeystorePath => Path.Combine(Directory, "keystore.json");

    /// <summary>The home folder chosen by <paramref name="option"/>, the environment, or the default.</summary>
    public static ChatHome Resolve(string? option, ChatCliLimits limits)
    {
        var directory = option;
        if (string.IsNullOrWhiteSpace(directory)) directory = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(directory))
            directory = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".harmony");
        return new ChatHome(directory, limits);
    }

    /// <summary>The config (empty when the file does not exist yet); <c>cli.config</c> when it is unreadable.</summary>
    public ChatConfig LoadConfig()
    {
        if (!File.Exists(ConfigPath)) return new ChatConfig();
        var info = new FileInfo(ConfigPath);
        if (info.Length > _limits.MaxConfigBytes)
            throw new HarmonyException("cli.config", $"{ConfigPath} is larger than {_limits.MaxConfigBytes} bytes.");
        try
        {
            var config = JsonSerializer.Deserialize<ChatConfig>(File.ReadAllText(ConfigPath), JsonOptions) ?? new ChatConfig();
            if (config.Servers.Any(s => s is null || s.Name is null || s.Url is null || !s.Url.IsAbsoluteUri))
                throw new HarmonyException("cli.config", $"{ConfigPath} has a server without a name or an absolute url.");
            return config;
        }
        catch (JsonException e)
        {
            throw new HarmonyException("cli.config", $"{ConfigPath} is not valid: {e.Message}");
        }
    }

    /// <summary>Writes the config atomically (temporary file, then rename), creating the folder if needed.</summary>
    public void SaveConfig(ChatConfig config)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = ConfigPath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(config, JsonOptions));
        File.Move(temporary, ConfigPath, overwrite: true);
    }

    /// <summary>The SDK data directory of <paramref name="did"/> on <paramref name="server"/> (created if needed).</summary>
    public string DataDirectory(ServerEntry server, string did)
    {
        // A did:key's method-specific id is base58btc: safe as a folder name on every platform.
        var suffix = did.StartsWith("did:key:", StringComparison.Ordinal) ? did["did:key:".Length..] : Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(did));
        var path = Path.Combine(Directory, "data", server.Name, suffix);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}
