namespace Harmony.Core.Mls.Group;

/// <summary>Settings of an <see cref="MlsGroup"/>; every limit has a safe default.</summary>
public sealed record MlsGroupOptions
{
    /// <summary>Shared default instance.</summary>
    public static MlsGroupOptions Default { get; } = new();

    /// <summary>Decoding and processing limits.</summary>
    public MlsLimits Limits { get; init; } = MlsLimits.Default;

    /// <summary>Clock used for KeyPackage lifetime checks and the expiry of retained past epochs.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether KeyPackage and leaf lifetimes are enforced against <see cref="Time"/>.</summary>
    public bool CheckLifetimes { get; init; } = true;

    /// <summary>External PSKs the client knows.</summary>
    public PskStore ExternalPsks { get; init; } = new();

    /// <summary>Whether Welcome messages carry the ratchet tree in a GroupInfo extension.</summary>
    public bool RatchetTreeInWelcome { get; init; } = true;

    /// <summary>Whether own commits and proposals are sent as PrivateMessages instead of PublicMessages.</summary>
    public bool EncryptHandshakeMessages { get; init; }

    /// <summary>Application ciphertexts are padded to a multiple of this many bytes (1 disables padding).</summary>
    public int PaddingBlock { get; init; } = 32;

    /// <summary>
    /// How many past epochs stay available for decrypting late application messages (0 keeps only the current epoch,
    /// the strictest forward secrecy). A retained epoch keeps only its secret tree, sender-data secret and members'
    /// signature keys; it is included in <see cref="MlsGroup.ExportState"/>. Handshake messages must always be for
    /// the current epoch.
    /// </summary>
    public int RetainedEpochs { get; init; } = 3;

    /// <summary>
    /// How long a past epoch stays readable after the group left it (measured with <see cref="Time"/>); older ones are
    /// erased even if fewer than <see cref="RetainedEpochs"/> are kept.
    /// </summary>
    public TimeSpan RetainedEpochLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How many past epochs' resumption PSKs are retained.</summary>
    public int RetainedResumptionEpochs { get; init; } = 8;
}
