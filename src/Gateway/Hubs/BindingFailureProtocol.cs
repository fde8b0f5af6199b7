using System.Buffers;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Harmony.Gateway.Hubs;

/// <summary>
/// Wraps a hub protocol so that an invocation the server cannot bind (unknown method, wrong argument count or
/// types) is dispatched to <see cref="HarmonyHub.InvalidCall"/>, which answers with a typed <c>BadRequest</c> error
/// instead of SignalR's untyped text. Everything else passes through unchanged.
/// </summary>
public sealed class BindingFailureProtocol(IHubProtocol inner) : IHubProtocol
{
    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public int Version => inner.Version;

    /// <inheritdoc />
    public TransferFormat TransferFormat => inner.TransferFormat;

    /// <inheritdoc />
    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    /// <inheritdoc />
    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    /// <inheritdoc />
    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    /// <inheritdoc />
    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message)
    {
        if (!inner.TryParseMessage(ref input, binder, out message)) return false;
        if (message is InvocationBindingFailureMessage failure)
        {
            // The binder's own text is not part of the protocol; the client gets one stable reason.
            const string reason = "unknown method, or arguments that do not match its parameters.";
            message = new InvocationMessage(failure.InvocationId, HarmonyHub.InvalidCallMethod, [Truncate(failure.Target), reason]);
        }
        return true;
    }

    private static string Truncate(string target) => target.Length <= 128 ? target : target[..128];
}
