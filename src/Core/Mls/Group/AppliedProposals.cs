using Harmony.Core.Mls.Messages;
using Harmony.Core.Mls.Tree;

namespace Harmony.Core.Mls.Group;

/// <summary>The outcome of applying a commit's proposals to a copy of the tree.</summary>
internal sealed record AppliedProposals(
    RatchetTree Tree,
    IReadOnlyList<Extension> Extensions,
    IReadOnlyList<(uint Leaf, KeyPackage KeyPackage)> Added,
    IReadOnlyList<PreSharedKeyId> Psks,
    bool PathRequired,
    bool RemovesCommitter,
    ReInitProposal? ReInit);
