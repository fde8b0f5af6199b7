using System.Text;
using Harmony.Core.Errors;

namespace Harmony.Cli.Commands;

/// <summary>Reads passphrases and recovery phrases from an environment variable, stdin or a no-echo terminal prompt.</summary>
internal static class SecretInput
{
    /// <summary>
    /// The passphrase from <paramref name="envVar"/> when given, else a terminal prompt without echo (asked twice
    /// when <paramref name="confirm"/>). Fails with <c>cli.passphrase</c> when neither is possible.
    /// </summary>
    public static string Passphrase(string? envVar, bool confirm)
    {
        if (!string.IsNullOrEmpty(envVar))
        {
            return Environment.GetEnvironmentVariable(envVar)
                ?? throw new HarmonyException("cli.passphrase", $"The environment variable {envVar} is not set.");
        }
        if (Console.IsInputRedirected)
            throw new HarmonyException("cli.passphrase", "No terminal to ask for the passphrase; pass --passphrase-env VAR.");
        var first = Prompt("Keystore passphrase: ");
        if (confirm && Prompt("Repeat the passphrase: ") != first)
            throw new HarmonyException("cli.passphrase", "The two passphrases differ.");
        return first;
    }

    /// <summary>The recovery phrase: stdin when redirected (bounded by <c>Mnemonic.MaxPhraseLength</c>), else a no-echo prompt.</summary>
    public static string RecoveryPhrase()
    {
        if (Console.IsInputRedirected)
        {
            // Bounded read: one character past the limit is enough for Mnemonic.Parse to refuse oversized input.
            var buffer = new char[Harmony.Core.Crypto.Bip39.Mnemonic.MaxPhraseLength + 1];
            var read = Console.In.ReadBlock(buffer, 0, buffer.Length);
            return new string(buffer, 0, read);
        }
        return Prompt("Recovery phrase (input hidden): ");
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0) text.Length--;
            }
            else if (key.KeyChar != '\0')
            {
                text.Append(key.KeyChar);
            }
        }
        Console.Error.WriteLine();
        return text.ToString();
    }
}
