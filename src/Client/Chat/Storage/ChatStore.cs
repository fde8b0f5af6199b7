using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Harmony.Client.Chat.Storage;

/// <summary>
/// The chat layer's tables in the client database, beside <see cref="Harmony.Client.Storage.ClientStore"/>'s queue
/// and cursors: communities and the capability used in each, MLS group states, KeyPackage private keys, the local
/// message log, the client's own plaintexts (MLS cannot decrypt one's own messages) and the highest applied log entry
/// per channel. Secrets and content are sealed with <see cref="LocalSealer"/>.
/// </summary>
internal sealed class ChatStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _connectionString;
    private readonly LocalSealer _sealer;

    private ChatStore(string connectionString, LocalSealer sealer)
    {
        _connectionString = connectionString;
        _sealer = sealer;
    }

    public static async Task<ChatStore> OpenAsync(string path, LocalSealer sealer, CancellationToken ct)
    {
        var store = new ChatStore(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString(), sealer);
        await store.ExecuteAsync("""
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS chat_communities (id TEXT PRIMARY KEY, capability TEXT NOT NULL, peer TEXT, info TEXT);
            CREATE TABLE IF NOT EXISTS mls_groups (channel TEXT PRIMARY KEY, state BLOB NOT NULL, self_updated_ms INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS mls_key_packages (ref TEXT PRIMARY KEY, bundle BLOB NOT NULL, last_resort INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS chat_messages (channel TEXT NOT NULL, id TEXT NOT NULL, data BLOB NOT NULL, edit_lamport INTEGER NOT NULL DEFAULT 0, edit_author TEXT NOT NULL DEFAULT '', PRIMARY KEY (channel, id));
            CREATE TABLE IF NOT EXISTS chat_own_content (id TEXT PRIMARY KEY, content BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS chat_applied (channel TEXT PRIMARY KEY, seq INTEGER NOT NULL);
            """, null, ct);
        return store;
    }

    // Communities

    public Task PutCommunityAsync(StoredCommunity c, CancellationToken ct) =>
        ExecuteAsync("INSERT INTO chat_communities (id, capability, peer, info) VALUES ($id, $cap, $peer, $info) ON CONFLICT(id) DO UPDATE SET capability = excluded.capability, peer = COALESCE(excluded.peer, peer), info = COALESCE(excluded.info, info)", cmd =>
        {
            cmd.Parameters.AddWithValue("$id", c.Id);
            cmd.Parameters.AddWithValue("$cap", c.CapabilityId);
            cmd.Parameters.AddWithValue("$peer", (object?)c.Peer ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$info", (object?)c.InfoJson ?? DBNull.Value);
        }, ct);

    public Task DeleteCommunityAsync(string id, CancellationToken ct) =>
        ExecuteAsync("DELETE FROM chat_communities WHERE id = $id", cmd => cmd.Parameters.AddWithValue("$id", id), ct);

    public async Task<IReadOnlyList<StoredCommunity>> CommunitiesAsync(CancellationToken ct)
    {
        var result = new List<StoredCommunity>();
        await QueryAsync("SELECT id, capability, peer, info FROM chat_communities", null, r =>
            result.Add(new StoredCommunity(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3))), ct);
        return result;
    }

    // MLS groups

    public Task PutGroupAsync(string channelId, byte[] state, DateTimeOffset? selfUpdated, CancellationToken ct) =>
        ExecuteAsync(selfUpdated is null
                ? "INSERT INTO mls_groups (channel, state, self_updated_ms) VALUES ($c, $s, $t) ON CONFLICT(channel) DO UPDATE SET state = excluded.state"
                : "INSERT INTO mls_groups (channel, state, self_updated_ms) VALUES ($c, $s, $t) ON CONFLICT(channel) DO UPDATE SET state = excluded.state, self_updated_ms = excluded.self_updated_ms", cmd =>
        {
            cmd.Parameters.AddWithValue("$c", channelId);
            cmd.Parameters.AddWithValue("$s", _sealer.Seal("mls.group", channelId, state));
            cmd.Parameters.AddWithValue("$t", (selfUpdated ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds());
        }, ct);

    public async Task<(byte[] State, DateTimeOffset SelfUpdated)?> GetGroupAsync(string channelId, CancellationToken ct)
    {
        (byte[], DateTimeOffset)? result = null;
        await QueryAsync("SELECT state, self_updated_ms FROM mls_groups WHERE channel = $c", cmd => cmd.Parameters.AddWithValue("$c", channelId),
            r => result = (_sealer.Open("mls.group", channelId, (byte[])r[0]), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1))), ct);
        return result;
    }

    public Task DeleteGroupAsync(string channelId, CancellationToken ct) =>
        ExecuteAsync("DELETE FROM mls_groups WHERE channel = $c", cmd => cmd.Parameters.AddWithValue("$c", channelId), ct);

    public async Task<IReadOnlyList<(string ChannelId, DateTimeOffset SelfUpdated)>> GroupsAsync(CancellationToken ct)
    {
        var result = new List<(string, DateTimeOffset)>();
        await QueryAsync("SELECT channel, self_updated_ms FROM mls_groups", null, r => result.Add((r.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)))), ct);
        return result;
    }

    // KeyPackages

    public Task PutKeyPackageAsync(StoredKeyPackage kp, CancellationToken ct) =>
        ExecuteAsync("INSERT OR REPLACE INTO mls_key_packages (ref, bundle, last_resort) VALUES ($r, $b, $l)", cmd =>
        {
            cmd.Parameters.AddWithValue("$r", kp.Reference);
            cmd.Parameters.AddWithValue("$b", _sealer.Seal("mls.kp", kp.Reference, kp.Bundle));
            cmd.Parameters.AddWithValue("$l", kp.LastResort ? 1 : 0);
        }, ct);

    public async Task<StoredKeyPackage?> GetKeyPackageAsync(string reference, CancellationToken ct)
    {
        StoredKeyPackage? result = null;
        await QueryAsync("SELECT ref, bundle, last_resort FROM mls_key_packages WHERE ref = $r", cmd => cmd.Parameters.AddWithValue("$r", reference),
            r => result = new StoredKeyPackage(r.GetString(0), _sealer.Open("mls.kp", r.GetString(0), (byte[])r[1]), r.GetInt64(2) != 0), ct);
        return result;
    }

    public async Task<bool> HasLastResortAsync(CancellationToken ct)
    {
        var found = false;
        await QueryAsync("SELECT 1 FROM mls_key_packages WHERE last_resort = 1 LIMIT 1", null, _ => found = true, ct);
        return found;
    }

    public Task DeleteKeyPackageAsync(string reference, CancellationToken ct) =>
        ExecuteAsync("DELETE FROM mls_key_packages WHERE ref = $r", cmd => cmd.Parameters.AddWithValue("$r", reference), ct);

    // Messages

    public async Task<(ChatMessage Message, ulong EditLamport, string EditAuthor)?> GetMessageAsync(string channelId, string id, CancellationToken ct)
    {
        (ChatMessage, ulong, string)? result = null;
        await QueryAsync("SELECT data, edit_lamport, edit_author FROM chat_messages WHERE channel = $c AND id = $id", cmd =>
        {
            cmd.Parameters.AddWithValue("$c", channelId);
            cmd.Parameters.AddWithValue("$id", id);
        }, r => result = (OpenMessage(channelId, id, (byte[])r[0]), (ulong)r.GetInt64(1), r.GetString(2)), ct);
        return result;
    }

    public Task PutMessageAsync(ChatMessage message, ulong editLamport, string editAuthor, CancellationToken ct) =>
        ExecuteAsync("INSERT OR REPLACE INTO chat_messages (channel, id, data, edit_lamport, edit_author) VALUES ($c, $id, $d, $l, $a)", cmd =>
        {
            cmd.Parameters.AddWithValue("$c", message.ChannelId);
            cmd.Parameters.AddWithValue("$id", message.Id);
            cmd.Parameters.AddWithValue("$d", _sealer.Seal("chat.message", message.ChannelId + "\0" + message.Id, JsonSerializer.SerializeToUtf8Bytes(message, Json)));
            cmd.Parameters.AddWithValue("$l", (long)editLamport);
            cmd.Parameters.AddWithValue("$a", editAuthor);
        }, ct);

    public async Task<IReadOnlyList<ChatMessage>> MessagesAsync(string channelId, CancellationToken ct)
    {
        var result = new List<ChatMessage>();
        await QueryAsync("SELECT id, data FROM chat_messages WHERE channel = $c", cmd => cmd.Parameters.AddWithValue("$c", channelId),
            r => result.Add(OpenMessage(channelId, r.GetString(0), (byte[])r[1])), ct);
        return result;
    }

    public Task PutOwnContentAsync(string envelopeId, byte[] content, CancellationToken ct) =>
        ExecuteAsync("INSERT OR REPLACE INTO chat_own_content (id, content) VALUES ($id, $c)", cmd =>
        {
            cmd.Parameters.AddWithValue("$id", envelopeId);
            cmd.Parameters.AddWithValue("$c", _sealer.Seal("chat.own", envelopeId, content));
        }, ct);

    public async Task<byte[]?> GetOwnContentAsync(string envelopeId, CancellationToken ct)
    {
        byte[]? result = null;
        await QueryAsync("SELECT content FROM chat_own_content WHERE id = $id", cmd => cmd.Parameters.AddWithValue("$id", envelopeId),
            r => result = _sealer.Open("chat.own", envelopeId, (byte[])r[0]), ct);
        return result;
    }

    // Applied cursors

    public async Task<long> AppliedAsync(string channelId, CancellationToken ct)
    {
        long result = 0;
        await QueryAsync("SELECT seq FROM chat_applied WHERE channel = $c", cmd => cmd.Parameters.AddWithValue("$c", channelId), r => result = r.GetInt64(0), ct);
        return result;
    }

    public async Task<IReadOnlyDictionary<string, long>> AllAppliedAsync(CancellationToken ct)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await QueryAsync("SELECT channel, seq FROM chat_applied", null, r => result[r.GetString(0)] = r.GetInt64(1), ct);
        return result;
    }

    public Task SetAppliedAsync(string channelId, long seq, CancellationToken ct) =>
        ExecuteAsync("INSERT INTO chat_applied (channel, seq) VALUES ($c, $s) ON CONFLICT(channel) DO UPDATE SET seq = MAX(seq, excluded.seq)", cmd =>
        {
            cmd.Parameters.AddWithValue("$c", channelId);
            cmd.Parameters.AddWithValue("$s", seq);
        }, ct);

    private ChatMessage OpenMessage(string channelId, string id, byte[] data) =>
        JsonSerializer.Deserialize<ChatMessage>(_sealer.Open("chat.message", channelId + "\0" + id, data), Json)
        ?? throw new HarmonyClientException("client.store.sealed", "A stored message is empty.");

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private async Task ExecuteAsync(string sql, Action<SqliteCommand>? bind, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind?.Invoke(command);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task QueryAsync(string sql, Action<SqliteCommand>? bind, Action<SqliteDataReader> row, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind?.Invoke(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) row(reader);
    }
}
