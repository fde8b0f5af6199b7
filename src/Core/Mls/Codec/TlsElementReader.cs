namespace Harmony.Core.Mls.Codec;

/// <summary>Reads one element of a vector; used with <see cref="TlsReader.ReadVector{T}"/>.</summary>
public delegate T TlsElementReader<out T>(ref TlsReader reader);
