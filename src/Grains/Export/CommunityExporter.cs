using Harmony.Core.Protocol;
using Harmony.Core.Rdf;
using Harmony.Core.Rdf.Vocabulary;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Abstractions.Community;
using Harmony.Grains.Storage;

namespace Harmony.Grains.Export;

/// <summary>
/// Writes a community to N-Quads in the Harmony vocabulary, in the community's graph: the community, categories,
/// channels and threads, roles, members, revoked capabilities, then every channel's log page by page (streamed; memory
/// stays bounded by one page). Envelopes carry their ciphertext and signature as base64 literals; the server has no
/// plaintext to write. Runs inside the node (it reads the log store directly); callers authorize the export first.
/// </summary>
public sealed class CommunityExporter(IGrainFactory grains, IMessageLogStore store, HarmonyGrainOptions options)
{
    /// <summary>Exports <paramref name="communityId"/> to <paramref name="output"/>; returns the number of envelopes written.</summary>
    public async Task<long> ExportAsync(string communityId, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(communityId);
        ArgumentNullException.ThrowIfNull(output);
        var community = grains.GetGrain<ICommunityGrain>(communityId);
        var info = await community.GetAsync();
        var writer = new NQuadsWriter(output);
        var graph = ExportIris.Community(communityId);
        var self = ExportIris.Community(communityId);

        void Write(RdfTerm subject, Iri predicate, RdfTerm value) => writer.Write(new Quad(subject, predicate, value, graph));

        Write(self, RdfVocabulary.Type, HarmonyClasses.Community);
        Write(self, HarmonyProperties.Name, Literal.String(info.Name));
        Write(self, HarmonyProperties.Owner, new Iri(info.Owner));
        foreach (var category in info.Categories)
        {
            var iri = ExportIris.Category(communityId, category.Id);
            Write(iri, RdfVocabulary.Type, HarmonyClasses.Category);
            Write(iri, HarmonyProperties.Name, Literal.String(category.Name));
            Write(iri, HarmonyProperties.Community, self);
        }
        foreach (var role in info.Roles)
        {
            var iri = ExportIris.Role(communityId, role.Name);
            Write(iri, RdfVocabulary.Type, HarmonyClasses.Role);
            Write(iri, HarmonyProperties.Name, Literal.String(role.Name));
            Write(iri, HarmonyProperties.Community, self);
            Write(iri, HarmonyProperties.InvocationTarget, new Iri(role.Target));
            foreach (var action in role.AllowedActions) Write(iri, HarmonyProperties.AllowedAction, Literal.String(action));
        }
        foreach (var member in await community.GetMembersAsync())
        {
            var iri = ExportIris.Member(communityId, member.Did);
            Write(iri, RdfVocabulary.Type, HarmonyClasses.Member);
            Write(iri, HarmonyProperties.Identity, new Iri(member.Did));
            Write(iri, HarmonyProperties.Community, self);
            Write(iri, HarmonyProperties.JoinedAt, Literal.DateTime(member.JoinedAt));
            if (member.CapabilityId is { } capability) Write(iri, HarmonyProperties.Capability, new Iri(capability));
        }
        foreach (var revoked in (await community.GetPolicyAsync()).Revoked)
        {
            var iri = new Iri(revoked);
            Write(iri, RdfVocabulary.Type, HarmonyClasses.Capability);
            Write(iri, HarmonyProperties.Revoked, Literal.Boolean(true));
        }

        long envelopes = 0;
        foreach (var channel in info.Channels)
        {
            var channelInfo = await grains.GetGrain<IChannelGrain>(channel.Id).GetInfoAsync();
            WriteChannel(Write, communityId, self, channelInfo, channel.CategoryId);
            envelopes += await WriteLogAsync(writer, communityId, channel.Id, cancellationToken);
            foreach (var threadId in channelInfo.Threads)
            {
                WriteChannel(Write, communityId, self, await grains.GetGrain<IChannelGrain>(threadId).GetInfoAsync(), null);
                envelopes += await WriteLogAsync(writer, communityId, threadId, cancellationToken);
            }
        }
        await output.FlushAsync(cancellationToken);
        return envelopes;
    }

    private static void WriteChannel(Action<RdfTerm, Iri, RdfTerm> write, string communityId, Iri community, ChannelInfo channel, string? categoryId)
    {
        var iri = ExportIris.Channel(communityId, channel.ChannelId);
        write(iri, RdfVocabulary.Type, channel.Kind == ChannelKind.Thread ? HarmonyClasses.Thread : HarmonyClasses.Channel);
        write(iri, HarmonyProperties.Name, Literal.String(channel.Name));
        write(iri, HarmonyProperties.Community, community);
        if (categoryId is not null) write(iri, HarmonyProperties.Category, ExportIris.Category(communityId, categoryId));
        if (channel.ParentChannelId is { } parent) write(iri, HarmonyProperties.Channel, ExportIris.Channel(communityId, parent));
    }

    private async Task<long> WriteLogAsync(NQuadsWriter writer, string communityId, string channelId, CancellationToken cancellationToken)
    {
        long written = 0;
        long after = 0;
        while (true)
        {
            var page = await store.ReadAsync(channelId, after, options.MaxReadLimit, cancellationToken);
            foreach (var entry in page)
            {
                var envelope = EnvelopeCodec.Decode(entry.Envelope, options.Protocol);
                foreach (var quad in EnvelopeQuads.Of(communityId, envelope, entry.Seq)) writer.Write(quad);
                written++;
            }
            if (page.Count < options.MaxReadLimit) return written;
            after = page[^1].Seq;
        }
    }
}
