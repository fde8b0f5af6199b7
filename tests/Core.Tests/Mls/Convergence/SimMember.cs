using Harmony.Core.Mls.Group;

namespace Harmony.Core.Tests.Mls.Convergence;

/// <summary>One simulated client: its DID (the basic credential's identity) and its view of the group.</summary>
internal sealed class SimMember(string did, MlsGroup group)
{
    /// <summary>The member's did:key.</summary>
    public string Did { get; } = did;

    /// <summary>The member's group state.</summary>
    public MlsGroup Group { get; } = group;

    /// <summary>Whether a removed member was offline and never saw the commit that removed it.</summary>
    public bool MissedRemoval { get; set; }

    public override string ToString() => $"{Did[^6..]} leaf {Group.OwnLeafIndex}";
}
