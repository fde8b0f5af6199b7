namespace Harmony.Grains.Community;

/// <summary>A delegated capability verified to the community's root and kept so members can refer to it by id.</summary>
[GenerateSerializer, Alias("harmony.community.registered-capability")]
internal sealed class RegisteredCapability
{
    [Id(0)] public string Json { get; set; } = "";

    [Id(1)] public List<string> Controllers { get; set; } = [];
}
