namespace Harmony.Core.Mls.Group;

/// <summary>Whether the local member still belongs to an <see cref="MlsGroup"/>.</summary>
public enum MlsMembership
{
    /// <summary>The local member is in the group's current epoch and can send and receive.</summary>
    Member,

    /// <summary>
    /// A processed Commit removed the local member: it cannot encrypt, commit or follow later epochs; application
    /// messages of retained earlier epochs still decrypt.
    /// </summary>
    Removed,
}
