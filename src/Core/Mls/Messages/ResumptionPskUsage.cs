namespace Harmony.Core.Mls.Messages;

/// <summary>Uses of a resumption PSK (RFC 9420 §8.4).</summary>
public enum ResumptionPskUsage : byte
{
    /// <summary>Application use.</summary>
    Application = 1,

    /// <summary>Group re-initialisation.</summary>
    ReInit = 2,

    /// <summary>Subgroup branching.</summary>
    Branch = 3,
}
