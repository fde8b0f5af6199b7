using System.Runtime.InteropServices;

namespace Harmony.Core.Crypto;

/// <summary>
/// The two libsodium functions NSec does not expose. The native library is the one NSec already loads (NuGet package
/// libsodium, resolved by name through the runtime's native assets), so no new dependency is added.
/// </summary>
internal static class Sodium
{
    private const string Library = "libsodium";

    static Sodium()
    {
        // Idempotent: 0 on first call, 1 if NSec already initialized the library, -1 on failure.
        if (sodium_init() < 0) throw new InvalidOperationException("libsodium could not be initialized.");
    }

    /// <summary>libsodium's <c>crypto_core_ed25519_is_valid_point</c>: canonical, on the curve, in the prime-order subgroup, not small order.</summary>
    public static bool IsValidEd25519Point(ReadOnlySpan<byte> point)
    {
        var copy = point.ToArray();
        return crypto_core_ed25519_is_valid_point(copy) == 1;
    }

    /// <summary>libsodium's <c>crypto_sign_ed25519_pk_to_curve25519</c>; false when the key is refused.</summary>
    public static bool Ed25519PublicKeyToCurve25519(ReadOnlySpan<byte> ed25519PublicKey, byte[] curve25519PublicKey)
    {
        var copy = ed25519PublicKey.ToArray();
        return crypto_sign_ed25519_pk_to_curve25519(curve25519PublicKey, copy) == 0;
    }

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sodium_init();

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int crypto_core_ed25519_is_valid_point(byte[] p);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int crypto_sign_ed25519_pk_to_curve25519(byte[] curve25519Pk, byte[] ed25519Pk);
}
