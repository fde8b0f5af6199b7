import { describe, expect, it } from 'vitest';
import { generatePhrase, parsePhrase, phraseToSeed } from '../src/crypto/mnemonic';
import { toHex } from '../src/crypto/bytes';
import { entropyToMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { fromHex } from '../src/crypto/bytes';
import { vectorJson } from './vectors';
import { HarmonyError } from '../src/crypto/errors';

type Vector = [entropy: string, phrase: string, seed: string, xprv: string];
const vectors = vectorJson<{ english: Vector[] }>('bip39', 'vectors.json').english;

describe('BIP-39 (Trezor vectors, passphrase "TREZOR")', () => {
  it('has the 24 English vectors', () => expect(vectors.length).toBe(24));

  it('every vector: entropy → phrase and phrase → seed', () => {
    const failures: string[] = [];
    vectors.forEach(([entropy, phrase, seed], i) => {
      if (entropyToMnemonic(fromHex(entropy), wordlist) !== phrase) failures.push(`#${i} phrase`);
      if (toHex(phraseToSeed(phrase, 'TREZOR')) !== seed) failures.push(`#${i} seed`);
      if (parsePhrase(phrase.toUpperCase().replaceAll(' ', '  ')) !== phrase) failures.push(`#${i} normalize`);
    });
    console.log(`bip39 vectors: ${vectors.length * 3 - failures.length}/${vectors.length * 3} checks passed`);
    expect(failures).toEqual([]);
  });
});

describe('phrases', () => {
  it('new phrases have 24 valid words and differ', () => {
    const a = generatePhrase();
    expect(a.split(' ')).toHaveLength(24);
    expect(parsePhrase(a)).toBe(a);
    expect(generatePhrase()).not.toBe(a);
  });

  it('accepts 12 to 24 words', () => {
    for (const n of [12, 15, 18, 21, 24]) expect(parsePhrase(generatePhrase(n)).split(' ')).toHaveLength(n);
  });

  const code = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return e instanceof HarmonyError ? e.code : 'other';
    }
    return 'none';
  };

  it('rejects wrong counts, unknown words and bad checksums with typed codes', () => {
    const twelve = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
    expect(code(() => parsePhrase('abandon abandon'))).toBe('bip39.word_count');
    expect(code(() => parsePhrase(twelve.replace('about', 'aboutx')))).toBe('bip39.word');
    expect(code(() => parsePhrase(twelve.replace('about', 'abandon')))).toBe('bip39.checksum');
    expect(code(() => generatePhrase(13))).toBe('bip39.word_count');
  });
});
