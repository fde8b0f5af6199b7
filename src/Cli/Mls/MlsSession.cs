using System.CommandLine;
using Harmony.Core.Encoding;
using Harmony.Core.Mls.Group;

namespace Harmony.Cli.Mls;

/// <summary>One <c>harmony mls</c> invocation: the unlocked identity and its decrypted state, saved back on success.</summary>
internal sealed class MlsSession : IDisposable
{
    /// <summary>Largest input file read (KeyPackage, Welcome, message).</summary>
    public const int MaxInputBytes = 16 * 1024 * 1024;

    private readonly string _path;
    private MlsGroup? _group;

    private MlsSession(string path, MlsCliIdentity identity, MlsCliState? state)
    {
        _path = path;
        Identity = identity;
        State = state;
    }

    /// <summary>The member's identity.</summary>
    public MlsCliIdentity Identity { get; }

    /// <summary>The state, or null before the first keypackage/create.</summary>
    public MlsCliState? State { get; private set; }

    /// <summary>Unlocks the identity and opens the state file named by the options.</summary>
    public static MlsSession Open(ParseResult parse, MlsIdentityOptions options)
    {
        var identity = options.LoadIdentity(parse);
        try
        {
            var path = options.StatePath(parse);
            return new MlsSession(path, identity, MlsStateFile.Load(path, identity));
        }
        catch
        {
            identity.Dispose();
            throw;
        }
    }

    /// <summary>The state, created for <paramref name="suite"/> if absent; an existing state must use the same suite.</summary>
    public MlsCliState StateFor(ushort suite)
    {
        State ??= new MlsCliState { Did = Identity.Did, Suite = suite };
        if (State.Suite != suite)
            throw new MlsCliException("cli.mls.suite", $"This state uses cipher suite {State.Suite}, not {suite}.");
        return State;
    }

    /// <summary>The group in the state; fails with <c>cli.mls.no_group</c> before create/join.</summary>
    public MlsGroup Group()
    {
        if (_group is not null) return _group;
        if (State?.RemovedAtEpoch is { } epoch)
            throw new MlsCliException("cli.mls.removed", $"This member was removed from the group in epoch {epoch}.");
        if (State?.Group is null) throw new MlsCliException("cli.mls.no_group", "This state has no group yet; run group create or join first.");
        _group = MlsGroup.ImportState(Base64Url.Decode(State.Group));
        return _group;
    }

    /// <summary>Whether the state already holds a group.</summary>
    public bool HasGroup => State?.Group is not null || State?.RemovedAtEpoch is not null;

    /// <summary>Makes <paramref name="group"/> the state's group.</summary>
    public void SetGroup(MlsGroup group) => _group = group;

    /// <summary>Writes the state (with the current group) back to its file.</summary>
    public void Save()
    {
        if (State is null) return;
        if (_group is { IsActive: false })
        {
            // A removed member keeps no keys: nothing it could still decrypt is meant for it.
            State.RemovedAtEpoch = _group.Epoch;
            State.Group = null;
        }
        else if (_group is not null)
        {
            State.Group = Base64Url.Encode(_group.ExportState());
        }
        MlsStateFile.Save(_path, State, Identity);
    }

    /// <summary>Reads an input file with the size limit.</summary>
    public static byte[] ReadInput(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new MlsCliException("cli.mls.input", $"The file {path} does not exist.");
        if (info.Length > MaxInputBytes) throw new MlsCliException("cli.mls.input", $"The file {path} exceeds {MaxInputBytes} bytes.");
        return File.ReadAllBytes(path);
    }

    /// <summary>Disposes the group and erases the identity seed.</summary>
    public void Dispose()
    {
        _group?.Dispose();
        Identity.Dispose();
    }

    /// <summary>Shows the DID only.</summary>
    public override string ToString() => $"MlsSession({Identity.Did})";
}
