namespace Harmony.Core.Protocol;

/// <summary>
/// The ZCAP <c>capabilityAction</c> / <c>allowedAction</c> names Harmony uses, in one place for servers and clients.
/// A root capability allows every action; delegations attenuate to a subset.
/// </summary>
public static class Actions
{
    /// <summary>Create the community (invoked by the owner on its root capability).</summary>
    public const string Create = "Create";

    /// <summary>Read a channel's log.</summary>
    public const string Read = "Read";

    /// <summary>Append messages (and typing signals, thread creation) to a channel.</summary>
    public const string SendMessage = "SendMessage";

    /// <summary>Add or remove reactions.</summary>
    public const string React = "React";

    /// <summary>Edit, delete or pin other members' messages.</summary>
    public const string Moderate = "Moderate";

    /// <summary>Create and change channels and categories, and set slow mode.</summary>
    public const string ManageChannels = "ManageChannels";

    /// <summary>Define roles, revoke delegations and change admission rules.</summary>
    public const string ManageRoles = "ManageRoles";

    /// <summary>Delegate invite capabilities: a join is accepted only when the invite's delegator holds this action.</summary>
    public const string Invite = "Invite";

    /// <summary>Join a community by invoking an invite capability (or an open community's root on one's own behalf).</summary>
    public const string Join = "Join";

    /// <summary>Leave a community.</summary>
    public const string Leave = "Leave";

    /// <summary>Remove a member.</summary>
    public const string Kick = "Kick";

    /// <summary>Ban and unban members.</summary>
    public const string Ban = "Ban";

    /// <summary>Commit MLS Adds for a channel group.</summary>
    public const string AddMember = "AddMember";

    /// <summary>Every action above, for role templates that grant everything.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Create, Read, SendMessage, React, Moderate, ManageChannels, ManageRoles, Invite, Join, Leave, Kick, Ban, AddMember];
}
