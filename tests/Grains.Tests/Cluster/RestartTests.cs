using System.Text.Json.Nodes;
using Harmony.Core.Protocol;
using Harmony.Grains.Abstractions.Authorization;
using Harmony.Grains.Abstractions.Community;
using Harmony.Grains.Abstractions.Errors;
using Harmony.Grains.Abstractions.Member;
using Harmony.Grains.Tests.Infrastructure;
using Harmony.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Harmony.Grains.Tests.Cluster;

/// <summary>
/// A community is built on real nodes (<c>AddHarmonyNode</c>), the whole cluster is stopped, and a new cluster on the
/// same database finds everything: the community, its channels and roles, the ban (still enforced), the channel log
/// page by page, and a member's KeyPackages (count and consume-once).
/// </summary>
public abstract class RestartTests<TDatabase> : IAsyncLifetime
    where TDatabase : DurableDatabase, new()
{
    private const int Messages = 450;
    private const int PageSize = 200;

    private readonly TDatabase _database = new();
    private readonly string _clusterId = "restart-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Silos in the first cluster (SQLite supports one; PostgreSQL clusters several).</summary>
    protected abstract int FirstClusterSize { get; }

    /// <inheritdoc />
    public Task InitializeAsync() => _database.InitializeAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_new_cluster_on_the_same_database_finds_everything()
    {
        var alice = new Actor();
        var bob = new Actor();
        byte[][] keyPackages = [.. Enumerable.Range(1, 5).Select(i => new byte[] { 0x4B, 0x50, (byte)i })];
        byte[] lastResort = [0x4C, 0x52];
        var sent = new List<byte[]>();
        CommunityScenario s;
        JsonObject aliceCap, bobCap;
        CommunityInfo infoBefore;
        IReadOnlyList<MemberInfo> membersBefore;
        IReadOnlyList<AuditEntry> auditBefore;
        var claimedBefore = new List<byte[]>();

        var first = await StartClusterAsync(FirstClusterSize);
        try
        {
            s = await CommunityScenario.CreateAsync(ClientOf(first[0]));
            await s.Community.DefineRoleAsync(new RoleTemplate { Name = "moderator", AllowedActions = [Actions.Moderate, Actions.Kick], Target = s.Target },
                s.Owner.Invoke(s.Root, Actions.ManageRoles, s.Target, new JsonObject { ["role"] = "moderator" }));
            aliceCap = await s.JoinAsync(alice);
            bobCap = await s.JoinAsync(bob);

            // Concurrent appends from every node, so group commits of several entries reach the log.
            var envelopes = Enumerable.Range(1, Messages).Select(i => alice.SignEnvelope(s.ChannelA, lamport: (ulong)i)).ToList();
            sent.AddRange(envelopes);
            var acks = await Task.WhenAll(envelopes.Select((e, i) =>
                ClientOf(first[i % first.Count]).GetGrain<Abstractions.Channel.IChannelGrain>(s.ChannelA)
                    .AppendAsync(e, CapabilityProof.ByReference(CommunityScenario.CapId(aliceCap)))));
            Assert.Equal(Enumerable.Range(1, Messages).Select(i => (long)i), acks.Select(a => a.Seq).Order());
            await s.AppendAsync(s.ChannelB, bob.SignEnvelope(s.ChannelB), bobCap);
            await s.Community.BanAsync(bob.Did, s.Owner.Invoke(s.Root, Actions.Ban, s.Target, new JsonObject { ["member"] = bob.Did }));
            await Refused.WithAsync(ErrorCodes.Banned, () => s.AppendAsync(s.ChannelB, bob.SignEnvelope(s.ChannelB, lamport: 2), bobCap));

            var alicesMember = ClientOf(first[0]).GetGrain<IMemberGrain>(alice.Did);
            Assert.Equal(5, await alicesMember.UploadKeyPackagesAsync(keyPackages, lastResort));
            for (var i = 0; i < 2; i++) claimedBefore.Add((await alicesMember.ClaimKeyPackageAsync())!.KeyPackage);

            infoBefore = await s.Community.GetAsync();
            membersBefore = await s.Community.GetMembersAsync();
            auditBefore = await s.Community.GetAuditLogAsync(0, 100);
        }
        finally
        {
            foreach (var node in first) await node.DisposeAsync();
        }

        await using var second = (await StartClusterAsync(1))[0];
        var client = ClientOf(second);
        var community = client.GetGrain<ICommunityGrain>(s.Id);

        var info = await community.GetAsync();
        Assert.Equal("Test", info.Name);
        Assert.Equal(s.Owner.Did, info.Owner);
        Assert.Equal([s.ChannelA, s.ChannelB], info.Channels.Select(c => c.Id));
        var role = Assert.Single(info.Roles);
        Assert.Equal(("moderator", s.Target), (role.Name, role.Target));
        Assert.Equal([Actions.Moderate, Actions.Kick], role.AllowedActions);
        Assert.Equal(infoBefore.PolicyVersion, info.PolicyVersion);
        Assert.Equal(infoBefore.MemberCount, info.MemberCount);
        Assert.Equal(membersBefore.Select(m => (m.Did, m.CapabilityId)), (await community.GetMembersAsync()).Select(m => (m.Did, m.CapabilityId)));
        Assert.Equal(auditBefore.Select(a => (a.Seq, a.Action, a.Invocation)), (await community.GetAuditLogAsync(0, 100)).Select(a => (a.Seq, a.Action, a.Invocation)));
        Assert.Contains(bob.Did, (await community.GetPolicyAsync()).Banned);

        // The ban is enforced by the freshly activated channels, for sending and reading.
        var channelA = client.GetGrain<Abstractions.Channel.IChannelGrain>(s.ChannelA);
        var channelB = client.GetGrain<Abstractions.Channel.IChannelGrain>(s.ChannelB);
        await Refused.WithAsync(ErrorCodes.Banned, () => channelB.AppendAsync(bob.SignEnvelope(s.ChannelB, lamport: 3), CapabilityProof.ByReference(CommunityScenario.CapId(bobCap))));
        // A ban also revokes the capability the member joined with; either refusal shows the stored policy is in force.
        var readRefusal = await Assert.ThrowsAsync<GrainRequestException>(() => channelB.ReadAsync(0, 10, CapabilityProof.ByReference(CommunityScenario.CapId(bobCap), bob.Did)));
        Assert.Contains(readRefusal.Code, new[] { ErrorCodes.Banned, ErrorCodes.CapabilityInvalid });

        // The log, page by page, is what was sent, in seq order with no gaps.
        var readProof = CapabilityProof.ByReference(CommunityScenario.CapId(aliceCap), alice.Did);
        var read = new List<Abstractions.Channel.LogEntry>();
        var pages = 0;
        while (true)
        {
            var page = await channelA.ReadAsync(read.Count == 0 ? 0 : read[^1].Seq, PageSize, readProof);
            Assert.Equal(Messages, page.LastSeq);
            if (page.Entries.Count == 0) break;
            pages++;
            read.AddRange(page.Entries);
        }
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, Messages).Select(i => (long)i), read.Select(e => e.Seq));
        Assert.Equal(sent.Select(Actor.IdOf).Order(StringComparer.Ordinal), read.Select(e => Actor.IdOf(e.Envelope)).Order(StringComparer.Ordinal));
        Assert.Single((await channelB.ReadAsync(0, 10, readProof)).Entries);

        // Sequencing continues after the log's end, and an old envelope is still recognised as a duplicate.
        Assert.Equal(Messages + 1, (await channelA.AppendAsync(alice.SignEnvelope(s.ChannelA, lamport: Messages + 1), CapabilityProof.ByReference(CommunityScenario.CapId(aliceCap)))).Seq);
        var again = await channelA.AppendAsync(sent[7], CapabilityProof.ByReference(CommunityScenario.CapId(aliceCap)));
        Assert.True(again.Duplicate);
        Assert.Equal(read.Single(e => e.Envelope.AsSpan().SequenceEqual(sent[7])).Seq, again.Seq);

        // KeyPackages: three left, each handed out once, then only the last-resort one.
        var member = client.GetGrain<IMemberGrain>(alice.Did);
        Assert.Equal(3, await member.CountKeyPackagesAsync());
        var claims = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => member.ClaimKeyPackageAsync()));
        var fresh = claims.Where(c => !c!.LastResort).Select(c => Convert.ToHexString(c!.KeyPackage)).Order().ToList();
        var expected = keyPackages.Select(Convert.ToHexString).Except(claimedBefore.Select(Convert.ToHexString)).Order().ToList();
        Assert.Equal(expected, fresh);
        Assert.All(claims.Where(c => c!.LastResort), c => Assert.Equal(lastResort, c!.KeyPackage));
        Assert.Equal(0, await member.CountKeyPackagesAsync());

        // Both clusters used the database under test: 450 + 1 messages before the restart, 1 after.
        Assert.Equal(Messages + 2, await _database.ScalarAsync("SELECT count(*) FROM harmony_channel_log"));
    }

    private static IClusterClient ClientOf(TestNode node) => node.Services.GetRequiredService<IClusterClient>();

    private async Task<List<TestNode>> StartClusterAsync(int size)
    {
        // Nodes start together, as a deployment would start them.
        var nodes = await Task.WhenAll(Enumerable.Range(0, size).Select(_ => TestNode.StartAsync(_database.NodeSettings(_clusterId), _database.ContentRoot)));
        return [.. nodes];
    }
}
