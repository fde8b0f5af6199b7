namespace Harmony.Core.Mls.Messages;

/// <summary>PSK types (RFC 9420 §8.4).</summary>
public enum PskType : byte
{
    /// <summary>An externally provisioned PSK.</summary>
    External = 1,

    /// <summary>A resumption PSK from an earlier epoch.</summary>
    Resumption = 2,
}
