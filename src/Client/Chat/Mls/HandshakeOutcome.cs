namespace Harmony.Client.Chat.Mls;

/// <summary>What applying a handshake envelope did.</summary>
internal enum HandshakeOutcome
{
    /// <summary>Nothing (not for this client, own message, or an epoch it is not in).</summary>
    Ignored,

    /// <summary>Joined the group from a Welcome (a KeyPackage was used).</summary>
    Joined,

    /// <summary>Advanced the epoch (or cached a proposal).</summary>
    Applied,

    /// <summary>The Commit removed this client.</summary>
    Removed,

    /// <summary>Refused (for example a leaf whose credential does not match its key).</summary>
    Refused,
}
