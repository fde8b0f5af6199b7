import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { forgetIdentity, loadStoredIdentity, saveIdentity, unlockPhrase } from '../src/storage/keystoreStore';
import { generatePhrase } from '../src/crypto/mnemonic';
import { identityFromPhrase } from '../src/crypto/identity';
import { HarmonyError } from '../src/crypto/errors';

describe('IndexedDB keystore', () => {
  it('stores only ciphertext and unlocks with the passphrase', async () => {
    const phrase = generatePhrase();
    const did = identityFromPhrase(phrase).did;
    await saveIdentity(did, phrase, 'pass phrase');
    const stored = await loadStoredIdentity();
    expect(stored?.did).toBe(did);
    const raw = JSON.stringify(stored);
    // Values only: a member name such as "salt" is also a BIP-39 word, and would match by chance.
    const values: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') values.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(stored);
    for (const word of new Set(phrase.split(' '))) expect(values.some((v) => v === word || v.split(' ').includes(word))).toBe(false);
    expect(raw).not.toContain(phrase);
    expect(await unlockPhrase(stored!, 'pass phrase')).toBe(phrase);
    await expect(unlockPhrase(stored!, 'wrong')).rejects.toBeInstanceOf(HarmonyError);
    await forgetIdentity();
    expect(await loadStoredIdentity()).toBeUndefined();
  });
});
