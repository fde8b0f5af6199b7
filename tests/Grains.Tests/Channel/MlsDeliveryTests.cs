using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Messages;
using Harmony.Core.Protocol;
using Harmony.Grains.Tests.Support;

namespace Harmony.Grains.Tests.Channel;

[Collection(ClusterCollection.Name)]
public sealed class MlsDeliveryTests(SqliteClusterFixture fixture)
{
    // The delivery service reads only the clear-text framing; signature, tags and contents need not be valid MLS.
    private static byte[] Handshake(ulong epoch, ContentType type) => new MlsMessage
    {
        WireFormat = WireFormat.PublicMessage,
        PublicMessage = new PublicMessage(
            new FramedContent
            {
                GroupId = [7, 7, 7],
                Epoch = epoch,
                Sender = Sender.Member(0),
                ContentType = type,
                ApplicationData = type == ContentType.Application ? Guid.NewGuid().ToByteArray() : null,
                Proposal = type == ContentType.Proposal ? new RemoveProposal(1) : null,
                Commit = type == ContentType.Commit ? new Commit([], null) : null,
            },
            new FramedContentAuthData(Guid.NewGuid().ToByteArray(), type == ContentType.Commit ? new byte[32] : null),
            new byte[32]),
    }.ToBytes();

    private static byte[] Envelope(Actor author, string channel, byte[] mls) =>
        EnvelopeCodec.Encode(EnvelopeCodec.Sign(new Envelope
        {
            Channel = channel,
            Author = author.Did,
            Lamport = 1,
            Kind = EnvelopeKind.Handshake,
            Ciphertext = mls,
        }, author.Key));

    [Fact]
    public async Task The_first_Commit_of_an_epoch_wins_and_stale_handshakes_get_EpochMismatch()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var alice = new Actor();
        var bob = new Actor();
        var aliceCap = await s.JoinAsync(alice);
        var bobCap = await s.JoinAsync(bob);

        await s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, Handshake(0, ContentType.Proposal)), aliceCap);
        await s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, Handshake(0, ContentType.Commit)), aliceCap);
        await Refused.WithAsync(ErrorCodes.EpochMismatch, () => s.AppendAsync(s.ChannelA, Envelope(bob, s.ChannelA, Handshake(0, ContentType.Commit)), bobCap));
        await Refused.WithAsync(ErrorCodes.EpochMismatch, () => s.AppendAsync(s.ChannelA, Envelope(bob, s.ChannelA, Handshake(0, ContentType.Proposal)), bobCap));
        await Refused.WithAsync(ErrorCodes.EpochMismatch, () => s.AppendAsync(s.ChannelA, Envelope(bob, s.ChannelA, Handshake(5, ContentType.Commit)), bobCap));
        await s.AppendAsync(s.ChannelA, Envelope(bob, s.ChannelA, Handshake(1, ContentType.Commit)), bobCap);

        Assert.Equal(2UL, (await s.Channel(s.ChannelA).GetInfoAsync()).MlsEpoch);
        await fixture.Cluster.DeactivateAsync(s.Channel(s.ChannelA));
        Assert.Equal(2UL, (await s.Channel(s.ChannelA).GetInfoAsync()).MlsEpoch);
        await Refused.WithAsync(ErrorCodes.EpochMismatch, () => s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, Handshake(1, ContentType.Commit)), aliceCap));
    }

    [Fact]
    public async Task Of_concurrent_Commits_for_one_epoch_exactly_one_is_accepted()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var members = Enumerable.Range(0, 6).Select(_ => new Actor()).ToList();
        var caps = new List<System.Text.Json.Nodes.JsonObject>();
        foreach (var m in members) caps.Add(await s.JoinAsync(m));

        var attempts = members.Select((m, i) => Capture(s.AppendAsync(s.ChannelB, Envelope(m, s.ChannelB, Handshake(0, ContentType.Commit)), caps[i]))).ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(ErrorCodes.EpochMismatch, o));
        Assert.Equal(1UL, (await s.Channel(s.ChannelB).GetInfoAsync()).MlsEpoch);
    }

    [Fact]
    public async Task A_handshake_must_carry_an_MLS_Proposal_or_Commit()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var alice = new Actor();
        var cap = await s.JoinAsync(alice);

        await Refused.WithAsync(ErrorCodes.InvalidEnvelope, () => s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, [1, 2, 3, 4]), cap));
        await Refused.WithAsync(ErrorCodes.InvalidEnvelope, () => s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, Handshake(0, ContentType.Application)), cap));
    }

    [Fact]
    public async Task A_Welcome_is_stored_for_joiners_without_taking_part_in_epoch_ordering()
    {
        var s = await CommunityScenario.CreateAsync(fixture.Client);
        var alice = new Actor();
        var cap = await s.JoinAsync(alice);
        var welcome = new MlsMessage { WireFormat = WireFormat.Welcome, Welcome = new Welcome(3, [], Guid.NewGuid().ToByteArray()) }.ToBytes();

        await s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, Handshake(0, ContentType.Commit)), cap);
        await s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, welcome), cap);

        Assert.Equal(1UL, (await s.Channel(s.ChannelA).GetInfoAsync()).MlsEpoch);
        await s.AppendAsync(s.ChannelA, Envelope(alice, s.ChannelA, Handshake(1, ContentType.Commit)), cap);
        Assert.Equal(2UL, (await s.Channel(s.ChannelA).GetInfoAsync()).MlsEpoch);
    }

    private static async Task<string?> Capture(Task call)
    {
        try
        {
            await call;
            return null;
        }
        catch (Abstractions.Errors.GrainRequestException e)
        {
            return e.Code;
        }
    }
}
