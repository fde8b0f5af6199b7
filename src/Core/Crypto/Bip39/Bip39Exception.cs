using Harmony.Core.Errors;

namespace Harmony.Core.Crypto.Bip39;

/// <summary>
/// A mnemonic or its entropy is invalid. Codes: <c>bip39.word_count</c>, <c>bip39.unknown_word</c>,
/// <c>bip39.checksum</c>, <c>bip39.entropy_length</c>, <c>bip39.too_long</c>. Messages name word positions, never the words themselves.
/// </summary>
public sealed class Bip39Exception(string code, string message) : HarmonyException(code, message);
