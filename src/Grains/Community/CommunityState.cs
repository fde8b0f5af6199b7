using Harmony.Grains.Abstractions.Community;

namespace Harmony.Grains.Community;

/// <summary>
/// A community's persisted state. The registered capabilities and the audit log grow with the community; they belong
/// in their own append-only tables (like the channel log) once communities outgrow a single state row.
/// </summary>
[GenerateSerializer, Alias("harmony.community.state")]
internal sealed class CommunityState
{
    [Id(0)] public bool Created { get; set; }

    [Id(1)] public string Name { get; set; } = "";

    [Id(2)] public string Owner { get; set; } = "";

    [Id(3)] public bool Open { get; set; }

    [Id(4)] public DateTimeOffset CreatedAt { get; set; }

    [Id(5)] public List<ChannelSummary> Channels { get; set; } = [];

    [Id(6)] public List<CategoryInfo> Categories { get; set; } = [];

    [Id(7)] public Dictionary<string, RoleTemplate> Roles { get; set; } = new(StringComparer.Ordinal);

    [Id(8)] public List<AdmissionRule> AdmissionRules { get; set; } = [];

    [Id(9)] public Dictionary<string, MemberInfo> Members { get; set; } = new(StringComparer.Ordinal);

    [Id(10)] public HashSet<string> Banned { get; set; } = new(StringComparer.Ordinal);

    [Id(11)] public HashSet<string> Revoked { get; set; } = new(StringComparer.Ordinal);

    [Id(12)] public Dictionary<string, RegisteredCapability> Capabilities { get; set; } = new(StringComparer.Ordinal);

    [Id(13)] public List<AuditEntry> Audit { get; set; } = [];

    [Id(14)] public long PolicyVersion { get; set; }
}
