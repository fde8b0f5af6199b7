using System.Net;
using System.Net.Sockets;

namespace Harmony.Grains.Tests.Infrastructure;

/// <summary>Picks TCP ports that are free on the loopback interface right now (the OS assigns them).</summary>
public static class FreePorts
{
    /// <summary>Returns <paramref name="count"/> distinct free ports.</summary>
    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
