using System.Text;
using System.Text.Json.Nodes;
using Harmony.Core.Protocol;
using Harmony.Core.Rdf;
using Harmony.Core.Rdf.Vocabulary;
using Harmony.Grains.Abstractions.Authorization;
using Harmony.Grains.Abstractions.Channel;
using Harmony.Grains.Export;
using Harmony.Grains.Tests.Support;

namespace Harmony.Grains.Tests.Export;

[Collection(ClusterCollection.Name)]
public sealed class CommunityExportTests(SqliteClusterFixture fixture)
{
    [Fact]
    public async Task A_community_exports_to_N_Quads_with_ciphertext_only_and_reimports_idempotently()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var alice = new Actor();
        var cap = await s.JoinAsync(alice);
        var sent = new List<byte[]>();
        var root = alice.SignEnvelope(s.ChannelA);
        sent.Add(root);
        sent.Add(alice.SignEnvelope(s.ChannelA, EnvelopeKind.ReactionAdd, Actor.IdOf(root), lamport: 2));
        sent.Add(alice.SignEnvelope(s.ChannelB, EnvelopeKind.Message, lamport: 3));
        foreach (var envelope in sent) await s.AppendAsync(EnvelopeCodec.Decode(envelope).Channel, envelope, cap);
        var thread = await s.Channel(s.ChannelA).CreateThreadAsync(Actor.IdOf(root), CapabilityProof.ByReference(CommunityScenario.CapId(cap), alice.Did));
        var inThread = alice.SignEnvelope(thread.ChannelId, thread: Actor.IdOf(root), lamport: 4);
        await s.AppendAsync(thread.ChannelId, inThread, cap);
        sent.Add(inThread);

        var exporter = new CommunityExporter(fixture.Client, fixture.Store, new HarmonyGrainOptions { MaxReadLimit = 2 });
        var text = new StringWriter();
        var count = await exporter.ExportAsync(s.Id, text);
        var quads = NQuadsReader.Parse(text.ToString());

        Assert.Equal(4, count);
        var graph = ExportIris.Community(s.Id);
        Assert.All(quads, q => Assert.Equal(graph, q.Graph));
        Assert.Contains(quads, q => q.Subject == graph && q.Predicate == HarmonyProperties.Owner && q.Object == new Iri(s.Owner.Did));
        Assert.Contains(quads, q => q.Predicate == HarmonyProperties.Identity && q.Object == new Iri(alice.Did));
        Assert.Contains(quads, q => q.Object == HarmonyClasses.Thread);
        var ciphertexts = quads.Where(q => q.Predicate == HarmonyProperties.Ciphertext).Select(q => (Literal)q.Object).ToList();
        Assert.Equal(4, ciphertexts.Count);
        Assert.All(ciphertexts, c => Assert.Equal(XsdVocabulary.Base64Binary, c.Datatype));
        Assert.Equal(sent.Select(e => Convert.ToBase64String(EnvelopeCodec.Decode(e).Ciphertext)).Order(), ciphertexts.Select(c => c.LexicalForm).Order());

        var rebuilt = EnvelopeQuadReader.Read(quads, s.Id).ToList();
        Assert.Equal(sent.Select(Convert.ToBase64String).Order(), rebuilt.Select(r => Convert.ToBase64String(r.Envelope)).Order());

        foreach (var group in rebuilt.GroupBy(r => r.ChannelId))
        {
            var envelopes = group.OrderBy(r => r.Seq).Select(r => r.Envelope).ToList();
            var digest = ImportDigest.Compute(envelopes.Select(Actor.IdOf));
            var target = s.ChannelTarget(group.Key);
            var before = (await s.Channel(group.Key).GetInfoAsync()).LastSeq;
            var result = await s.Channel(group.Key).ImportAsync(envelopes, s.Owner.Invoke(s.Root, Actions.ManageChannels, target, new JsonObject { ["import"] = digest }));
            Assert.Equal(0, result.Appended);
            Assert.Equal(envelopes.Count, result.Duplicates);
            Assert.Equal(before, result.LastSeq);
        }
    }

    [Fact]
    public async Task Import_needs_ManageChannels_and_an_invocation_naming_the_envelopes()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var alice = new Actor();
        var cap = await s.JoinAsync(alice);
        var envelopes = new[] { alice.SignEnvelope(s.ChannelA), alice.SignEnvelope(s.ChannelA, lamport: 2) };
        var target = s.ChannelTarget(s.ChannelA);
        var digest = ImportDigest.Compute(envelopes.Select(Actor.IdOf));

        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Channel(s.ChannelA).ImportAsync(envelopes,
            alice.InvokeUnchecked(cap, Actions.ManageChannels, target, new JsonObject { ["import"] = digest })));
        await Refused.WithAsync(ErrorCodes.CapabilityInvalid, () => s.Channel(s.ChannelA).ImportAsync(envelopes,
            s.Owner.Invoke(s.Root, Actions.ManageChannels, target, new JsonObject { ["import"] = ImportDigest.Compute([Actor.IdOf(envelopes[0])]) })));
        var result = await s.Channel(s.ChannelA).ImportAsync(envelopes, s.Owner.Invoke(s.Root, Actions.ManageChannels, target, new JsonObject { ["import"] = digest }));

        Assert.Equal(2, result.Appended);
        Assert.Equal(2, result.LastSeq);
    }

    [Fact]
    public void A_tampered_export_does_not_rebuild()
    {
        var alice = new Actor();
        var envelope = EnvelopeCodec.Decode(alice.SignEnvelope("ch"));
        var quads = EnvelopeQuads.Of("cm", envelope, 1)
            .Select(q => q.Predicate == HarmonyProperties.Lamport ? new Quad(q.Subject, q.Predicate, Literal.Integer(7), q.Graph) : q)
            .ToList();

        var e = Assert.Throws<ExportFormatException>(() => EnvelopeQuadReader.Read(quads, "cm").ToList());
        Assert.Equal(ExportFormatException.MalformedCode, e.Code);
        Assert.Single(EnvelopeQuadReader.Read(EnvelopeQuads.Of("cm", envelope, 1), "cm"));
    }
}
