namespace Harmony.Grains;

/// <summary>Marker for the Grains assembly.</summary>
public static class AssemblyMarker;
