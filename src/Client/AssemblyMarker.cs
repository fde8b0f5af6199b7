namespace Harmony.Client;

/// <summary>Marker for the Client assembly.</summary>
public static class AssemblyMarker;
