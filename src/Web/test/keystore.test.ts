import { describe, expect, it } from 'vitest';
import { decryptKeystore, DEFAULT_KEYSTORE_OPTIONS, encryptKeystore, type KeystoreOptions } from '../src/crypto/keystore';
import { generatePhrase } from '../src/crypto/mnemonic';
import { HarmonyError } from '../src/crypto/errors';

// Light Argon2id cost keeps most tests fast; one test uses the production default.
const light: KeystoreOptions = { ...DEFAULT_KEYSTORE_OPTIONS, memoryKiB: 256, iterations: 1 };

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'none';
  } catch (e) {
    return e instanceof HarmonyError ? e.code : String(e);
  }
};

describe('keystore (Argon2id + XChaCha20-Poly1305, Harmony.Core format)', () => {
  it('round-trips with the default cost and never holds the phrase in clear', async () => {
    const phrase = generatePhrase();
    const ks = await encryptKeystore(phrase, 'correct horse');
    expect(ks.kdf).toMatchObject({ alg: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 });
    expect(JSON.stringify(ks)).not.toContain(phrase.split(' ')[0]! + ' ');
    expect(await decryptKeystore(ks, 'correct horse')).toBe(phrase);
  });

  it('a wrong passphrase or an altered file is keystore.passphrase', async () => {
    const ks = await encryptKeystore(generatePhrase(), 'pw', light);
    expect(await codeOf(decryptKeystore(ks, 'pW', light))).toBe('keystore.passphrase');
    const altered = { ...ks, nonce: ks.nonce.slice(0, -2) + (ks.nonce.endsWith('AA') ? 'BA' : 'AA') };
    expect(await codeOf(decryptKeystore(altered, 'pw', light))).toBe('keystore.passphrase');
  });

  it('rejects unknown versions, ciphers and out-of-bounds Argon2id costs before any work', async () => {
    const ks = await encryptKeystore(generatePhrase(), 'pw', light);
    expect(await codeOf(decryptKeystore({ ...ks, version: 2 }, 'pw', light))).toBe('keystore.version');
    expect(await codeOf(decryptKeystore({ ...ks, cipher: 'aes' }, 'pw', light))).toBe('keystore.unsupported');
    expect(await codeOf(decryptKeystore({ ...ks, kdf: { ...ks.kdf, memoryKiB: 1 << 30 } }, 'pw', light))).toBe('keystore.kdf_parameters');
    expect(await codeOf(decryptKeystore({ ...ks, nonce: 'x' }, 'pw', light))).toBe('keystore.format');
    expect(await codeOf(encryptKeystore(generatePhrase(), '', light))).toBe('keystore.passphrase');
  });
});
