namespace Harmony.Client.Chat;

/// <summary>Stable codes of the <see cref="HarmonyClientException"/>s the chat layer throws.</summary>
public static class ChatErrorCodes
{
    /// <summary>The client is not in the channel's MLS group, so nothing can be encrypted (nothing was sent).</summary>
    public const string NoGroup = "client.mls.no_group";

    /// <summary>Encrypting failed (nothing was sent).</summary>
    public const string EncryptFailed = "client.mls.encrypt_failed";

    /// <summary>A leaf's basic credential does not name the DID of its signature key.</summary>
    public const string CredentialMismatch = "client.mls.credential_mismatch";

    /// <summary>A decrypted message was sent by another member than the envelope's author.</summary>
    public const string SenderMismatch = "client.mls.sender_mismatch";

    /// <summary>A Commit kept losing the epoch race.</summary>
    public const string CommitConflict = "client.mls.commit_conflict";

    /// <summary>The log did not catch up in time.</summary>
    public const string CatchUpTimeout = "client.sync.timeout";

    /// <summary>The community or channel is not known to this client (not a member, or not loaded).</summary>
    public const string UnknownChannel = "client.chat.unknown_channel";

    /// <summary>The community is not known to this client.</summary>
    public const string UnknownCommunity = "client.chat.unknown_community";

    /// <summary>The invite link is malformed.</summary>
    public const string BadInvite = "client.chat.invite";

    /// <summary>An argument is out of range (text too long, empty emoji, …).</summary>
    public const string BadArgument = "client.chat.argument";

    /// <summary>The peer has no KeyPackage to be added with.</summary>
    public const string NoKeyPackage = "client.mls.no_key_package";

    /// <summary>A thread's root message is still in the offline queue and did not reach the log in time.</summary>
    public const string RootPending = "client.chat.root_pending";

    /// <summary>A thread's root message was refused by the server, so no thread can start on it.</summary>
    public const string RootNotSent = "client.chat.root_not_sent";
}
