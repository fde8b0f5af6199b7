using Harmony.Grains.Abstractions.Member;

namespace Harmony.Grains.Member;

/// <summary>A member's persisted state. Presence is not persisted: connections die with their gateways.</summary>
[GenerateSerializer, Alias("harmony.member.state")]
internal sealed class MemberState
{
    [Id(0)] public MemberProfile Profile { get; set; } = new();

    [Id(1)] public List<string> Memberships { get; set; } = [];

    [Id(2)] public List<byte[]> KeyPackages { get; set; } = [];

    [Id(3)] public byte[]? LastResortKeyPackage { get; set; }

    [Id(4)] public List<DirectMessageLink> DirectMessages { get; set; } = [];

    [Id(5)] public DateTimeOffset? LastSeen { get; set; }
}
