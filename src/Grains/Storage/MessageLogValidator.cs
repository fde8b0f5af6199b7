namespace Harmony.Grains.Storage;

/// <summary>Checks store input against <see cref="MessageLogOptions"/> so that bad input never reaches the database.</summary>
internal static class MessageLogValidator
{
    public static void Channel(string channel, MessageLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (channel.Length == 0)
        {
            throw new MessageLogException(MessageLogException.InvalidCode, "The channel id is empty.");
        }

        if (channel.Length > options.MaxChannelLength)
        {
            throw new MessageLogException(MessageLogException.LimitCode, $"The channel id is longer than {options.MaxChannelLength} characters.");
        }
    }

    public static void Batch(string channel, IReadOnlyList<LogEntry> entries, MessageLogOptions options)
    {
        Channel(channel, options);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            throw new MessageLogException(MessageLogException.InvalidCode, "The batch is empty.");
        }

        if (entries.Count > options.MaxBatchSize)
        {
            throw new MessageLogException(MessageLogException.LimitCode, $"The batch has more than {options.MaxBatchSize} entries.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var previousSeq = 0L;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new MessageLogException(MessageLogException.InvalidCode, $"Entry {i} is null.");
            if (entry.Seq <= previousSeq)
            {
                throw new MessageLogException(MessageLogException.InvalidCode, $"Entry {i}: sequence numbers must be positive and strictly ascending.");
            }

            previousSeq = entry.Seq;
            Text(entry.Id, "id", options.MaxIdLength, i);
            Text(entry.Author, "author", options.MaxAuthorLength, i);
            if (entry.Envelope is null || entry.Envelope.Length == 0)
            {
                throw new MessageLogException(MessageLogException.InvalidCode, $"Entry {i}: the envelope is empty.");
            }

            if (entry.Envelope.Length > options.MaxEnvelopeBytes)
            {
                throw new MessageLogException(MessageLogException.LimitCode, $"Entry {i}: the envelope is larger than {options.MaxEnvelopeBytes} bytes.");
            }

            if (!ids.Add(entry.Id))
            {
                throw new MessageLogException(MessageLogException.InvalidCode, $"Entry {i}: the id appears twice in the batch.");
            }
        }
    }

    public static void Read(string channel, long afterSeq, int limit, MessageLogOptions options)
    {
        Channel(channel, options);
        if (afterSeq < 0)
        {
            throw new MessageLogException(MessageLogException.InvalidCode, "afterSeq must not be negative.");
        }

        if (limit <= 0)
        {
            throw new MessageLogException(MessageLogException.InvalidCode, "The read limit must be positive.");
        }

        if (limit > options.MaxReadLimit)
        {
            throw new MessageLogException(MessageLogException.LimitCode, $"The read limit is larger than {options.MaxReadLimit}.");
        }
    }

    public static void Ids(string channel, IReadOnlyCollection<string> ids, MessageLogOptions options)
    {
        Channel(channel, options);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count > options.MaxIdsPerLookup)
        {
            throw new MessageLogException(MessageLogException.LimitCode, $"More than {options.MaxIdsPerLookup} ids in one lookup.");
        }

        var i = 0;
        foreach (var id in ids)
        {
            Text(id, "id", options.MaxIdLength, i++);
        }
    }

    private static void Text(string? value, string name, int maxLength, int index)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new MessageLogException(MessageLogException.InvalidCode, $"Entry {index}: the {name} is empty.");
        }

        if (value.Length > maxLength)
        {
            throw new MessageLogException(MessageLogException.LimitCode, $"Entry {index}: the {name} is longer than {maxLength} characters.");
        }
    }
}
