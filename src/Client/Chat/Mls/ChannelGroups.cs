using System.Collections.Concurrent;
using Harmony.Client.Chat.Storage;
using Harmony.Core.Mls;
using Harmony.Core.Mls.Codec;
using Harmony.Core.Mls.Crypto;
using Harmony.Core.Mls.Group;
using Harmony.Core.Mls.Messages;

namespace Harmony.Client.Chat.Mls;

/// <summary>
/// This client's MLS groups, one per channel and DM (group id = channel id; threads use their parent's group), and
/// its KeyPackages. The leaf signature key is the identity's Ed25519 key and the credential names its DID. States are
/// persisted (sealed) after every change, so a restarted client continues where it stopped.
/// </summary>
internal sealed class ChannelGroups
{
    private readonly ConcurrentDictionary<string, GroupSlot> _slots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ulong> _epochs = new(StringComparer.Ordinal);
    private readonly ChatStore _store;
    private readonly byte[] _seed;
    private readonly HarmonyChatOptions _options;

    public ChannelGroups(ChatStore store, string did, byte[] seed, HarmonyChatOptions options)
    {
        _store = store;
        _seed = seed;
        _options = options;
        Did = did;
        Suite = CipherSuite.FromId(options.CipherSuite);
        GroupOptions = new MlsGroupOptions
        {
            RetainedEpochs = options.RetainedEpochs,
            RetainedEpochLifetime = options.RetainedEpochLifetime,
            Time = options.Time,
            RatchetTreeInWelcome = true,
        };
    }

    public string Did { get; }

    public CipherSuite Suite { get; }

    public MlsGroupOptions GroupOptions { get; }

    /// <summary>The channel whose group encrypts <paramref name="channelId"/>: threads use their parent's.</summary>
    public static string GroupChannel(string channelId)
    {
        var at = channelId.IndexOf("/thread/", StringComparison.Ordinal);
        return at < 0 ? channelId : channelId[..at];
    }

    /// <summary>Locks a channel's group (loading it from the database on first use).</summary>
    public async Task<GroupLease> AcquireAsync(string channelId, CancellationToken ct)
    {
        channelId = GroupChannel(channelId);
        var slot = _slots.GetOrAdd(channelId, _ => new GroupSlot());
        await slot.Gate.WaitAsync(ct);
        try
        {
            if (!slot.Loaded)
            {
                if (await _store.GetGroupAsync(channelId, ct) is { } saved)
                {
                    slot.Group = MlsGroup.ImportState(saved.State, GroupOptions);
                    slot.SelfUpdated = saved.SelfUpdated;
                    _epochs[channelId] = slot.Group.Epoch;
                }
                slot.Loaded = true;
            }
        }
        catch
        {
            slot.Gate.Release();
            throw;
        }
        return new GroupLease(slot, this, channelId);
    }

    internal Task SaveAsync(string channelId, GroupSlot slot, DateTimeOffset? selfUpdated, CancellationToken ct)
    {
        if (slot.Group is { } g) _epochs[channelId] = g.Epoch;
        else _epochs.TryRemove(channelId, out _);
        return slot.Group is { } group ? _store.PutGroupAsync(channelId, group.ExportState(), selfUpdated, ct) : _store.DeleteGroupAsync(channelId, ct);
    }

    /// <summary>The epoch of the channel's group as last saved (without taking its lock), or null.</summary>
    public ulong? LastSavedEpoch(string channelId) => _epochs.TryGetValue(GroupChannel(channelId), out var epoch) ? epoch : null;

    /// <summary>Whether this client is an active member of the channel's group.</summary>
    public async Task<bool> IsMemberAsync(string channelId, CancellationToken ct)
    {
        using var lease = await AcquireAsync(channelId, ct);
        return lease.Group is { IsActive: true };
    }

    /// <summary>Creates the channel's group with this client as its only member (no-op when it exists).</summary>
    public async Task CreateAsync(string channelId, CancellationToken ct)
    {
        using var lease = await AcquireAsync(channelId, ct);
        if (lease.Group is { IsActive: true }) return;
        var bundle = NewBundle();
        lease.Set(MlsGroup.Create(Suite, System.Text.Encoding.UTF8.GetBytes(lease.ChannelId), bundle, null, GroupOptions));
        await lease.SaveAsync(ct, _options.Time.GetUtcNow());
    }

    /// <summary>Encrypts content as an MLS PrivateMessage of the channel group's current epoch.</summary>
    /// <exception cref="HarmonyClientException"><c>client.mls.no_group</c> when this client is not in the group.</exception>
    public async Task<byte[]> EncryptAsync(string channelId, ReadOnlyMemory<byte> plaintext, CancellationToken ct)
    {
        using var lease = await AcquireAsync(channelId, ct);
        if (lease.Group is not { IsActive: true } group)
            throw new HarmonyClientException(ChatErrorCodes.NoGroup, $"This client is not in the encryption group of '{lease.ChannelId}' (yet): a member adds it when online. Nothing was sent.");
        byte[] bytes;
        try { bytes = group.EncryptApplication(plaintext.Span).ToBytes(); }
        catch (MlsException e) { throw new HarmonyClientException(ChatErrorCodes.EncryptFailed, $"MLS could not encrypt: [{e.Code}] {e.Message}. Nothing was sent.", e); }
        await lease.SaveAsync(ct);
        return bytes;
    }

    /// <summary>Decrypts an application message and checks that its MLS sender is <paramref name="author"/>.</summary>
    /// <exception cref="HarmonyClientException">Not in the group, sender mismatch; <see cref="MlsException"/> when MLS refuses it.</exception>
    public async Task<byte[]> DecryptAsync(string channelId, byte[] ciphertext, string author, CancellationToken ct)
    {
        using var lease = await AcquireAsync(channelId, ct);
        // A removed member keeps its group to read late messages of its retained epochs (MLS refuses newer ones).
        if (lease.Group is not { } group)
            throw new HarmonyClientException(ChatErrorCodes.NoGroup, "This client was not in the channel's encryption group when the message was sent.");
        var message = MlsMessage.Parse(ciphertext, GroupOptions.Limits);
        if (message.WireFormat != WireFormat.PrivateMessage) throw new HarmonyClientException("client.mls.not_private", "The ciphertext is not an MLS PrivateMessage.");
        var processed = group.Process(message);
        await lease.SaveAsync(ct);
        if (processed.Kind != ProcessedMessageKind.Application || processed.ApplicationData is null)
            throw new HarmonyClientException("client.mls.not_application", "The ciphertext is not an application message.");
        var sender = group.Members.FirstOrDefault(m => m.Leaf == processed.SenderLeaf).Credential;
        if (sender is null || MemberCredentials.DidOf(sender) != author)
            throw new HarmonyClientException(ChatErrorCodes.SenderMismatch, "The MLS sender of the message is not the envelope's author.");
        return processed.ApplicationData;
    }

    /// <summary>Applies a handshake envelope: a Welcome for one of our KeyPackages joins; a Commit or Proposal advances the group.</summary>
    public async Task<HandshakeOutcome> ApplyHandshakeAsync(string channelId, string author, byte[] ciphertext, CancellationToken ct)
    {
        MlsMessage message;
        try { message = MlsMessage.Parse(ciphertext, GroupOptions.Limits); }
        catch (MlsException) { return HandshakeOutcome.Refused; }
        using var lease = await AcquireAsync(channelId, ct);
        if (message.WireFormat == WireFormat.Welcome) return await JoinAsync(lease, message.Welcome!, ct);
        if (lease.Group is not { IsActive: true } group) return HandshakeOutcome.Ignored;
        var epoch = message.PublicMessage?.Content.Epoch ?? message.PrivateMessage?.Epoch;
        // Own commits are merged when the server accepts them; one whose answer was lost is still pending, and the
        // group recognises its echo by its bytes and merges it now.
        if (epoch != group.Epoch) return HandshakeOutcome.Ignored;
        try
        {
            if (author != Did) MemberCredentials.CheckCommit(message);
            group.Process(message);
        }
        catch (Exception e) when (e is MlsException or HarmonyClientException)
        {
            return HandshakeOutcome.Refused;
        }
        await lease.SaveAsync(ct);
        return group.IsActive ? HandshakeOutcome.Applied : HandshakeOutcome.Removed;
    }

    private async Task<HandshakeOutcome> JoinAsync(GroupLease lease, Welcome welcome, CancellationToken ct)
    {
        if (lease.Group is { IsActive: true }) return HandshakeOutcome.Ignored;
        foreach (var secrets in welcome.Secrets)
        {
            var reference = Convert.ToHexString(secrets.NewMember);
            if (await _store.GetKeyPackageAsync(reference, ct) is not { } stored) continue;
            MlsGroup group;
            try
            {
                group = MlsGroup.Join(welcome, DecodeBundle(stored.Bundle), null, GroupOptions);
                MemberCredentials.CheckGroup(group);
            }
            catch (Exception e) when (e is MlsException or HarmonyClientException)
            {
                return HandshakeOutcome.Refused;
            }
            lease.Set(group);
            await lease.SaveAsync(ct, _options.Time.GetUtcNow());
            if (!stored.LastResort) await _store.DeleteKeyPackageAsync(reference, ct);
            return HandshakeOutcome.Joined;
        }
        return HandshakeOutcome.Ignored;
    }

    /// <summary>Creates, stores (private keys sealed) and returns a KeyPackage as a TLS-encoded MLSMessage.</summary>
    public async Task<byte[]> NewKeyPackageAsync(bool lastResort, CancellationToken ct)
    {
        var bundle = NewBundle();
        var encoded = new MlsMessage { WireFormat = WireFormat.KeyPackage, KeyPackage = bundle.KeyPackage }.ToBytes();
        var writer = new TlsWriter(512);
        writer.WriteOpaque(encoded);
        writer.WriteOpaque(bundle.InitPrivateKey);
        writer.WriteOpaque(bundle.EncryptionPrivateKey);
        await _store.PutKeyPackageAsync(new StoredKeyPackage(Convert.ToHexString(bundle.KeyPackage.Reference(Suite)), writer.ToArray(), lastResort), ct);
        return encoded;
    }

    /// <summary>Parses a claimed KeyPackage and checks its credential against its signature key.</summary>
    public KeyPackage ParseClaimed(byte[] encoded)
    {
        var message = MlsMessage.Parse(encoded, GroupOptions.Limits);
        var keyPackage = message.KeyPackage ?? throw new HarmonyClientException("client.mls.key_package", "A claimed KeyPackage is not an MLS KeyPackage message.");
        MemberCredentials.Check(keyPackage.LeafNode);
        return keyPackage;
    }

    private KeyPackageBundle NewBundle() =>
        KeyPackageBundle.Create(Suite, MemberCredentials.For(Did), _seed, DateTimeOffset.UtcNow.AddMinutes(-5), _options.KeyPackageLifetime);

    private KeyPackageBundle DecodeBundle(byte[] data)
    {
        var reader = new TlsReader(data, GroupOptions.Limits);
        var encoded = reader.ReadOpaque();
        var init = reader.ReadOpaque();
        var encryption = reader.ReadOpaque();
        var keyPackage = MlsMessage.Parse(encoded, GroupOptions.Limits).KeyPackage
            ?? throw new HarmonyClientException("client.store.key_package", "A stored KeyPackage is malformed.");
        return new KeyPackageBundle(keyPackage, init, encryption, _seed);
    }
}
