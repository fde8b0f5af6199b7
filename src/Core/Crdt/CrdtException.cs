using Harmony.Core.Errors;

namespace Harmony.Core.Crdt;

/// <summary>
/// A CRDT operation was given bad input and changed nothing. Codes: <c>crdt.invalid_entry</c> (an entry breaks the
/// shape rules of its kind), <c>crdt.conflict</c> (two different entries share an id), <c>crdt.limit</c> (a
/// configured limit would be exceeded).
/// </summary>
public sealed class CrdtException(string code, string message) : HarmonyException(code, message)
{
    /// <summary>Code of an entry whose fields do not fit its kind or the log's limits on lengths.</summary>
    public const string InvalidEntryCode = "crdt.invalid_entry";

    /// <summary>Code of two different entries carrying the same id.</summary>
    public const string ConflictCode = "crdt.conflict";

    /// <summary>Code of a count or value limit being exceeded.</summary>
    public const string LimitCode = "crdt.limit";
}
