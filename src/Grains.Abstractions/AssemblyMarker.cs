namespace Harmony.Grains.Abstractions;

/// <summary>Marker for the Grains.Abstractions assembly.</summary>
public static class AssemblyMarker;
