using System.Security.Cryptography;
using Harmony.Grains.Storage;
using Xunit;

namespace Harmony.Grains.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IMessageLogStore"/> must show; run against SQLite and PostgreSQL by the subclasses.
/// Each test uses its own channel names, so tests of one class may share a database.
/// </summary>
public abstract class MessageLogStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset BaseTime = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The store under test; replaced by <see cref="ReopenAsync"/>.</summary>
    protected IMessageLogStore Store { get; private set; } = null!;

    /// <summary>The limits the stores are opened with (small envelope limit so the limit test stays cheap).</summary>
    protected static MessageLogOptions Options { get; } = new() { MaxEnvelopeBytes = 2 * 1024 * 1024, MaxReadLimit = 500 };

    /// <summary>Opens a new store on the test database.</summary>
    protected abstract Task<IMessageLogStore> OpenAsync();

    /// <summary>Releases a store and everything it holds open (connections, data sources).</summary>
    protected abstract ValueTask CloseAsync(IMessageLogStore store);

    /// <inheritdoc />
    public virtual async Task InitializeAsync() => Store = await OpenAsync();

    /// <inheritdoc />
    public virtual async Task DisposeAsync() => await CloseAsync(Store);

    private static string NewChannel() => "ch-" + Guid.NewGuid().ToString("N");

    private static LogEntry Entry(long seq, string? id = null, int size = 32, int kind = 1)
    {
        var envelope = new byte[size];
        RandomNumberGenerator.Fill(envelope);
        return new LogEntry(seq, id ?? "id-" + seq, Lamport: 1000 + seq, Author: "did:key:z6MkAuthor" + (seq % 3), kind, envelope, BaseTime.AddMilliseconds(seq * 7));
    }

    private static void AssertSame(LogEntry expected, LogEntry actual)
    {
        Assert.Equal(expected.Seq, actual.Seq);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Lamport, actual.Lamport);
        Assert.Equal(expected.Author, actual.Author);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Envelope, actual.Envelope);
        Assert.Equal(expected.ReceivedAt, actual.ReceivedAt);
    }

    [Fact]
    public async Task Appended_batch_reads_back_in_sequence_order_with_every_field()
    {
        var channel = NewChannel();
        var batch = new[] { Entry(1, kind: 1), Entry(2, kind: 2), Entry(3, kind: 7) };

        await Store.AppendBatchAsync(channel, batch);
        var read = await Store.ReadAsync(channel, 0, 100);

        Assert.Equal(3, read.Count);
        for (var i = 0; i < batch.Length; i++)
        {
            AssertSame(batch[i], read[i]);
        }
    }

    [Fact]
    public async Task Read_pages_by_after_seq_and_limit()
    {
        var channel = NewChannel();
        var all = Enumerable.Range(1, 25).Select(i => Entry(i)).ToArray();
        await Store.AppendBatchAsync(channel, all[..10]);
        await Store.AppendBatchAsync(channel, all[10..]);

        var pages = new List<long>();
        var after = 0L;
        while (true)
        {
            var page = await Store.ReadAsync(channel, after, 7);
            if (page.Count == 0)
            {
                break;
            }

            Assert.True(page.Count <= 7);
            pages.AddRange(page.Select(e => e.Seq));
            after = page[^1].Seq;
        }

        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), pages);
        Assert.Empty(await Store.ReadAsync(channel, 25, 10));
        Assert.Equal([21L, 22L], (await Store.ReadAsync(channel, 20, 2)).Select(e => e.Seq));
    }

    [Fact]
    public async Task Max_seq_is_zero_for_an_empty_log_then_the_highest_appended()
    {
        var channel = NewChannel();
        Assert.Equal(0, await Store.MaxSeqAsync(channel));

        await Store.AppendBatchAsync(channel, [Entry(1), Entry(2)]);
        await Store.AppendBatchAsync(channel, [Entry(5)]);

        Assert.Equal(5, await Store.MaxSeqAsync(channel));
    }

    [Fact]
    public async Task Channels_are_isolated_and_the_same_id_may_appear_in_two_channels()
    {
        var a = NewChannel();
        var b = NewChannel();
        await Store.AppendBatchAsync(a, [Entry(1, "shared")]);
        await Store.AppendBatchAsync(b, [Entry(1, "shared"), Entry(2)]);

        Assert.Single(await Store.ReadAsync(a, 0, 10));
        Assert.Equal(2, (await Store.ReadAsync(b, 0, 10)).Count);
        Assert.Equal(1, await Store.MaxSeqAsync(a));
        Assert.Equal(2, await Store.MaxSeqAsync(b));
    }

    [Fact]
    public async Task Batch_with_an_id_already_in_the_log_is_rejected_whole_and_changes_nothing()
    {
        var channel = NewChannel();
        var first = new[] { Entry(1, "a"), Entry(2, "b") };
        await Store.AppendBatchAsync(channel, first);

        var error = await Assert.ThrowsAsync<MessageLogConflictException>(
            () => Store.AppendBatchAsync(channel, [Entry(3, "c"), Entry(4, "a"), Entry(5, "d")]));

        Assert.Equal("storage.log.conflict", error.Code);
        Assert.Equal(MessageLogConflictReason.DuplicateId, error.Reason);
        Assert.Equal(channel, error.Channel);
        Assert.Equal(2, await Store.MaxSeqAsync(channel));
        Assert.False(await Store.ContainsIdAsync(channel, "c"));
        var read = await Store.ReadAsync(channel, 0, 10);
        Assert.Equal(2, read.Count);
        AssertSame(first[0], read[0]);
        AssertSame(first[1], read[1]);

        // The store still accepts the next valid batch after the rejected one.
        await Store.AppendBatchAsync(channel, [Entry(3, "c")]);
        Assert.Equal(3, await Store.MaxSeqAsync(channel));
    }

    [Fact]
    public async Task Batch_with_a_sequence_number_already_in_the_log_is_rejected_whole()
    {
        var channel = NewChannel();
        await Store.AppendBatchAsync(channel, [Entry(1, "a"), Entry(2, "b")]);

        var error = await Assert.ThrowsAsync<MessageLogConflictException>(
            () => Store.AppendBatchAsync(channel, [Entry(2, "x"), Entry(3, "y")]));

        Assert.Equal(MessageLogConflictReason.DuplicateSeq, error.Reason);
        Assert.Equal(2, await Store.MaxSeqAsync(channel));
        Assert.Empty(await Store.FindByIdsAsync(channel, ["x", "y"]));
    }

    [Fact]
    public async Task Find_by_ids_returns_the_sequence_number_of_each_present_id_only()
    {
        var channel = NewChannel();
        await Store.AppendBatchAsync(channel, [Entry(1, "a"), Entry(2, "b"), Entry(3, "c")]);

        var found = await Store.FindByIdsAsync(channel, ["c", "zz", "a"]);

        Assert.Equal(2, found.Count);
        Assert.Equal(3, found["c"]);
        Assert.Equal(1, found["a"]);
        Assert.Empty(await Store.FindByIdsAsync(channel, []));
        Assert.True(await Store.ContainsIdAsync(channel, "b"));
        Assert.False(await Store.ContainsIdAsync(channel, "B"));
        Assert.False(await Store.ContainsIdAsync(NewChannel(), "b"));
    }

    [Fact]
    public async Task Concurrent_batches_on_many_channels_all_land_exactly_once()
    {
        var channels = Enumerable.Range(0, 6).Select(_ => NewChannel()).ToArray();
        const int batches = 15;
        const int perBatch = 8;

        var writers = channels.Select(channel => Task.Run(async () =>
        {
            for (var b = 0; b < batches; b++)
            {
                var batch = Enumerable.Range(1, perBatch).Select(i => Entry(b * perBatch + i)).ToArray();
                await Store.AppendBatchAsync(channel, batch);
            }
        }));
        var readers = channels.Select(channel => Task.Run(async () =>
        {
            // Readers run beside the writers and must only ever see whole batches.
            for (var r = 0; r < 20; r++)
            {
                var max = await Store.MaxSeqAsync(channel);
                Assert.Equal(0, max % perBatch);
            }
        }));
        await Task.WhenAll(writers.Concat(readers));

        foreach (var channel in channels)
        {
            var read = await Store.ReadAsync(channel, 0, 500);
            Assert.Equal(Enumerable.Range(1, batches * perBatch).Select(i => (long)i), read.Select(e => e.Seq));
        }
    }

    [Fact]
    public async Task Racing_batches_for_the_same_sequence_numbers_admit_exactly_one()
    {
        var channel = NewChannel();
        var contenders = Enumerable.Range(0, 6).Select(c => Task.Run(async () =>
        {
            try
            {
                await Store.AppendBatchAsync(channel, [Entry(1, $"c{c}-1"), Entry(2, $"c{c}-2")]);
                return c;
            }
            catch (MessageLogConflictException)
            {
                return -1;
            }
        })).ToArray();
        var outcomes = await Task.WhenAll(contenders);

        var winner = Assert.Single(outcomes, o => o >= 0);
        var read = await Store.ReadAsync(channel, 0, 10);
        Assert.Equal([$"c{winner}-1", $"c{winner}-2"], read.Select(e => e.Id));
    }

    [Fact]
    public async Task Big_envelopes_round_trip_up_to_the_limit_and_larger_ones_are_refused()
    {
        var channel = NewChannel();
        var big = new[] { Entry(1, size: Options.MaxEnvelopeBytes), Entry(2, size: 700_000), Entry(3, size: 1) };
        await Store.AppendBatchAsync(channel, big);

        var read = await Store.ReadAsync(channel, 0, 10);
        Assert.Equal(3, read.Count);
        for (var i = 0; i < big.Length; i++)
        {
            AssertSame(big[i], read[i]);
        }

        var error = await Assert.ThrowsAsync<MessageLogException>(
            () => Store.AppendBatchAsync(channel, [Entry(4), Entry(5, size: Options.MaxEnvelopeBytes + 1)]));
        Assert.Equal("storage.log.limit", error.Code);
        Assert.Equal(3, await Store.MaxSeqAsync(channel));
    }

    [Fact]
    public async Task Reopening_the_store_keeps_every_appended_entry()
    {
        var channel = NewChannel();
        var batch = Enumerable.Range(1, 20).Select(i => Entry(i, size: 100 + i)).ToArray();
        await Store.AppendBatchAsync(channel, batch);

        await ReopenAsync();

        var read = await Store.ReadAsync(channel, 0, 100);
        Assert.Equal(20, read.Count);
        for (var i = 0; i < batch.Length; i++)
        {
            AssertSame(batch[i], read[i]);
        }

        Assert.Equal(20, await Store.MaxSeqAsync(channel));
        await Store.AppendBatchAsync(channel, [Entry(21)]);
        Assert.Equal(21, await Store.MaxSeqAsync(channel));
    }

    [Theory]
    [MemberData(nameof(InvalidBatches))]
    public async Task Invalid_batches_are_refused_with_a_typed_error_and_nothing_is_written(string name, LogEntry[] batch, string code)
    {
        var channel = NewChannel();

        var error = await Assert.ThrowsAsync<MessageLogException>(() => Store.AppendBatchAsync(channel, batch));

        Assert.True(code == error.Code, $"{name}: expected {code}, got {error.Code}");
        Assert.Equal(0, await Store.MaxSeqAsync(channel));
    }

    /// <summary>Batches that break a rule of <see cref="IMessageLogStore.AppendBatchAsync"/>.</summary>
    public static TheoryData<string, LogEntry[], string> InvalidBatches() => new()
    {
        { "empty", [], "storage.log.invalid" },
        { "descending", [Entry(2), Entry(1)], "storage.log.invalid" },
        { "repeated seq", [Entry(1, "a"), Entry(1, "b")], "storage.log.invalid" },
        { "zero seq", [Entry(0)], "storage.log.invalid" },
        { "id twice", [Entry(1, "a"), Entry(2, "a")], "storage.log.invalid" },
        { "empty id", [Entry(1, "")], "storage.log.invalid" },
        { "empty envelope", [Entry(1, size: 0)], "storage.log.invalid" },
        { "long id", [Entry(1, new string('x', Options.MaxIdLength + 1))], "storage.log.limit" },
        { "too many", Enumerable.Range(1, Options.MaxBatchSize + 1).Select(i => Entry(i)).ToArray(), "storage.log.limit" },
    };

    [Fact]
    public async Task Bad_channel_and_read_arguments_are_refused_with_typed_errors()
    {
        Assert.Equal("storage.log.invalid", (await Assert.ThrowsAsync<MessageLogException>(() => Store.MaxSeqAsync(""))).Code);
        Assert.Equal("storage.log.limit", (await Assert.ThrowsAsync<MessageLogException>(() => Store.MaxSeqAsync(new string('c', Options.MaxChannelLength + 1)))).Code);
        Assert.Equal("storage.log.invalid", (await Assert.ThrowsAsync<MessageLogException>(() => Store.ReadAsync("c", -1, 10))).Code);
        Assert.Equal("storage.log.invalid", (await Assert.ThrowsAsync<MessageLogException>(() => Store.ReadAsync("c", 0, 0))).Code);
        Assert.Equal("storage.log.limit", (await Assert.ThrowsAsync<MessageLogException>(() => Store.ReadAsync("c", 0, Options.MaxReadLimit + 1))).Code);
        Assert.Equal("storage.log.limit", (await Assert.ThrowsAsync<MessageLogException>(
            () => Store.FindByIdsAsync("c", Enumerable.Range(0, Options.MaxIdsPerLookup + 1).Select(i => "i" + i).ToArray()))).Code);
    }

    /// <summary>Closes the store and opens a new one on the same database, as a node restart would.</summary>
    protected async Task ReopenAsync()
    {
        await CloseAsync(Store);
        Store = await OpenAsync();
    }
}
