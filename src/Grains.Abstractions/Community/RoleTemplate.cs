namespace Harmony.Grains.Abstractions.Community;

/// <summary>A named capability template: the actions and target a delegation for this role grants. The server cannot sign delegations; clients holding the right capability sign them from the template.</summary>
[GenerateSerializer, Immutable, Alias("harmony.community.role")]
public sealed record RoleTemplate
{
    /// <summary>The role name.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>The allowed actions (see <c>Harmony.Core.Protocol.Actions</c>).</summary>
    [Id(1)] public required IReadOnlyList<string> AllowedActions { get; init; }

    /// <summary>The invocation target: the community's or one of its channels'.</summary>
    [Id(2)] public required string Target { get; init; }
}
