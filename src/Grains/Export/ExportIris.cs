using Harmony.Core.Protocol;
using Harmony.Core.Rdf;

namespace Harmony.Grains.Export;

/// <summary>
/// The IRIs an export names things by. Communities and channels use their ZCAP invocation targets
/// (<see cref="InvocationTargets"/>), envelopes <c>urn:harmony:envelope:{id}</c>, and DIDs are IRIs as they are.
/// </summary>
public static class ExportIris
{
    /// <summary>The prefix of envelope IRIs.</summary>
    public const string EnvelopePrefix = "urn:harmony:envelope:";

    /// <summary>The community's IRI (also the graph of its export).</summary>
    public static Iri Community(string communityId) => new(InvocationTargets.Community(communityId));

    /// <summary>A channel's (or thread's) IRI.</summary>
    public static Iri Channel(string communityId, string channelId) => new(InvocationTargets.Channel(communityId, channelId));

    /// <summary>A category's IRI.</summary>
    public static Iri Category(string communityId, string categoryId) => new(InvocationTargets.Community(communityId) + "/category/" + categoryId);

    /// <summary>A role's IRI (the name percent-encoded).</summary>
    public static Iri Role(string communityId, string name) => new(InvocationTargets.Community(communityId) + "/role/" + Uri.EscapeDataString(name));

    /// <summary>A membership's IRI.</summary>
    public static Iri Member(string communityId, string did) => new(InvocationTargets.Community(communityId) + "/member/" + did);

    /// <summary>An envelope's IRI.</summary>
    public static Iri Envelope(string envelopeId) => new(EnvelopePrefix + envelopeId);

    /// <summary>The channel id inside a channel IRI of <paramref name="communityId"/>, or null.</summary>
    public static string? ChannelIdOf(string communityId, Iri channel)
    {
        var prefix = InvocationTargets.Community(communityId) + "/channel/";
        return channel.Value.StartsWith(prefix, StringComparison.Ordinal) ? channel.Value[prefix.Length..] : null;
    }
}
