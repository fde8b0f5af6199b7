using System.Text.Json.Nodes;

namespace Harmony.Core.Capabilities;

/// <summary>
/// Unfolds the chain of a delegated capability into root id + delegated capabilities (root first, tail last), checking
/// the layout @digitalbazaar/zcap writes: <c>capabilityChain</c> lists the ancestor ids root first, every entry a string
/// except the last when it is a delegated capability, which is embedded in full; each embedded capability's own chain
/// is the same list one shorter; every <c>parentCapability</c> names the previous entry.
/// </summary>
internal static class CapabilityChainReader
{
    public static (string RootId, IReadOnlyList<Capability> Delegated) Read(Capability tail, int maxChainLength, int maxAllowedActions)
    {
        var chain = tail.CapabilityChain;
        if (chain.Count + 1 > maxChainLength)
            throw new CapabilityException(CapabilityErrorCodes.ChainTooLong, $"The chain of '{tail.Id}' has {chain.Count + 1} capabilities; the limit is {maxChainLength}.");
        if (chain.Count == 0) throw Broken($"The capabilityChain of '{tail.Id}' is empty.");

        var n = chain.Count;
        var ids = new string[n];
        for (var i = 0; i < n; i++) ids[i] = EntryId(chain[i], mustBeObject: i == n - 1 && n > 1, tail.Id);
        if (ids.Distinct(StringComparer.Ordinal).Count() != n || ids.Contains(tail.Id, StringComparer.Ordinal))
            throw Broken($"The capabilityChain of '{tail.Id}' contains a cycle.");
        if (!string.Equals(tail.ParentCapability, ids[n - 1], StringComparison.Ordinal))
            throw Broken($"The parentCapability of '{tail.Id}' is not the last entry of its capabilityChain.");

        var delegated = new Capability[n];
        delegated[n - 1] = tail;
        var current = n > 1 ? ParseEmbedded(chain[n - 1]!, maxAllowedActions) : null;
        for (var k = n - 1; k >= 1; k--)
        {
            var cap = current!;
            delegated[k - 1] = cap;
            if (!string.Equals(cap.ParentCapability, ids[k - 1], StringComparison.Ordinal))
                throw Broken($"The parentCapability of '{cap.Id}' does not match the chain.");
            var own = cap.CapabilityChain;
            if (own.Count != k) throw Broken($"The capabilityChain of '{cap.Id}' has the wrong length for its place in the chain.");
            for (var i = 0; i < k; i++)
            {
                var id = EntryId(own[i], mustBeObject: i == k - 1 && k > 1, cap.Id);
                if (!string.Equals(id, ids[i], StringComparison.Ordinal)) throw Broken($"The capabilityChain of '{cap.Id}' is inconsistent with its child's.");
            }
            current = k > 1 ? ParseEmbedded(own[k - 1]!, maxAllowedActions) : null;
        }
        return (ids[0], delegated);
    }

    private static string EntryId(JsonNode? entry, bool mustBeObject, string owner)
    {
        string? id = mustBeObject
            ? entry is JsonObject o ? Capability.String(o, "id") : null
            : entry is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (id is null)
            throw Broken($"The capabilityChain of '{owner}' must hold capability ids, with the last entry embedded in full when it is a delegated capability.");
        if (!id.Contains(':')) throw Broken($"The capabilityChain of '{owner}' holds a relative id '{id}'.");
        return id;
    }

    private static Capability ParseEmbedded(JsonNode node, int maxAllowedActions)
    {
        var cap = Capability.Parse(node, maxAllowedActions);
        if (cap.IsRoot) throw Broken($"Embedded capability '{cap.Id}' must be delegated; a root is referenced by id.");
        return cap;
    }

    private static CapabilityException Broken(string message) => new(CapabilityErrorCodes.ChainBroken, message);
}
