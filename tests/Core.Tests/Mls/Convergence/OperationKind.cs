namespace Harmony.Core.Tests.Mls.Convergence;

/// <summary>The kinds of commits the simulation makes.</summary>
internal enum OperationKind
{
    /// <summary>Add one new member.</summary>
    Add,

    /// <summary>Remove another member.</summary>
    Remove,

    /// <summary>Refresh the committer's path (empty commit with an UpdatePath).</summary>
    UpdatePath,

    /// <summary>Another member proposes an Update; the committer commits it.</summary>
    UpdateProposal,
}
