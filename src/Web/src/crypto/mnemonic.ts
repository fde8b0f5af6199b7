import { entropyToMnemonic, mnemonicToSeedSync, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { HarmonyError } from './errors';

/** Word counts of new phrases (24 = 256 bits) and those accepted on restore (every BIP-39 length from 12 to 24). */
export const NEW_WORD_COUNT = 24;
export const ACCEPTED_WORD_COUNTS: readonly number[] = [12, 15, 18, 21, 24];

/** Normalizes a typed phrase: NFKD, lower case, single spaces. */
export function normalizePhrase(phrase: string): string {
  return phrase.normalize('NFKD').toLowerCase().trim().split(/\s+/u).filter(Boolean).join(' ');
}

/** A fresh recovery phrase from the platform CSPRNG. */
export function generatePhrase(words: number = NEW_WORD_COUNT): string {
  if (!ACCEPTED_WORD_COUNTS.includes(words)) throw new HarmonyError('bip39.word_count', `A phrase has 12, 15, 18, 21 or 24 words, not ${words}.`);
  return entropyToMnemonic(randomBytes((words / 3) * 4), wordlist);
}

/** Checks word count, words and checksum; throws a {@link HarmonyError} naming what is wrong. */
export function parsePhrase(phrase: string): string {
  const normalized = normalizePhrase(phrase);
  const words = normalized === '' ? [] : normalized.split(' ');
  if (!ACCEPTED_WORD_COUNTS.includes(words.length))
    throw new HarmonyError('bip39.word_count', `A recovery phrase has 12, 15, 18, 21 or 24 words; this one has ${words.length}.`);
  const unknown = words.findIndex((w) => !wordlist.includes(w));
  if (unknown >= 0) throw new HarmonyError('bip39.word', `Word ${unknown + 1} ("${words[unknown]}") is not in the BIP-39 English list.`);
  if (!validateMnemonic(normalized, wordlist)) throw new HarmonyError('bip39.checksum', 'The phrase checksum does not match: a word is wrong or out of order.');
  return normalized;
}

/** The 64-byte BIP-39 seed (PBKDF2-HMAC-SHA512, 2048 rounds, salt "mnemonic" ‖ passphrase). */
export function phraseToSeed(phrase: string, passphrase = ''): Uint8Array {
  return mnemonicToSeedSync(parsePhrase(phrase), passphrase.normalize('NFKD'));
}

/** The English word list, for autocompletion on the restore screen. */
export const englishWords: readonly string[] = wordlist;
