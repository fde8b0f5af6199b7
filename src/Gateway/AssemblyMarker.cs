namespace Harmony.Gateway;

/// <summary>Marker for the Gateway assembly.</summary>
public static class AssemblyMarker;
