import { argon2idAsync } from '@noble/hashes/argon2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { fromBase64Url, fromUtf8, toBase64Url, utf8, wipe } from './bytes';
import { HarmonyError } from './errors';
import { parsePhrase } from './mnemonic';

/**
 * The keystore format of Harmony.Core.Crypto.Keystore (docs/identity.md), so a browser keystore can be exported
 * and opened by the `harmony` CLI and vice versa: the recovery phrase sealed with XChaCha20-Poly1305 (associated
 * data "harmony.keystore.v1") under an Argon2id key from the passphrase (NFKD, UTF-8).
 */
export interface KeystoreJson {
  version: 1;
  kdf: { alg: 'argon2id'; salt: string; memoryKiB: number; iterations: number; parallelism: number };
  cipher: 'xchacha20-poly1305';
  nonce: string;
  ciphertext: string;
}

/** Argon2id cost of new keystores and the bounds accepted when opening one. */
export interface KeystoreOptions {
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
  readonly maxMemoryKiB: number;
  readonly maxIterations: number;
  readonly minPassphraseLength: number;
}

/** Same cost as the .NET keystore (64 MiB, 3 passes, 1 lane). */
export const DEFAULT_KEYSTORE_OPTIONS: KeystoreOptions = {
  memoryKiB: 64 * 1024,
  iterations: 3,
  parallelism: 1,
  maxMemoryKiB: 1024 * 1024,
  maxIterations: 16,
  minPassphraseLength: 1,
};

const AD = utf8('harmony.keystore.v1');
const SALT_SIZE = 16;
const NONCE_SIZE = 24;

async function deriveKey(passphrase: string, salt: Uint8Array, m: number, t: number, p: number, o: KeystoreOptions): Promise<Uint8Array> {
  if (!Number.isInteger(m) || !Number.isInteger(t) || !Number.isInteger(p) || p !== 1 || t < 1 || t > o.maxIterations || m < 8 || m > o.maxMemoryKiB)
    throw new HarmonyError('keystore.kdf_parameters', 'The keystore asks for Argon2id parameters outside the accepted bounds.');
  const pass = utf8(passphrase.normalize('NFKD'));
  try {
    return await argon2idAsync(pass, salt, { m, t, p, dkLen: 32 });
  } finally {
    wipe(pass);
  }
}

/** Seals a recovery phrase under a passphrase. */
export async function encryptKeystore(phrase: string, passphrase: string, o: KeystoreOptions = DEFAULT_KEYSTORE_OPTIONS): Promise<KeystoreJson> {
  if (passphrase.length < o.minPassphraseLength)
    throw new HarmonyError('keystore.passphrase', `The passphrase must have at least ${o.minPassphraseLength} characters.`);
  const normalized = parsePhrase(phrase);
  const salt = randomBytes(SALT_SIZE);
  const nonce = randomBytes(NONCE_SIZE);
  const key = await deriveKey(passphrase, salt, o.memoryKiB, o.iterations, o.parallelism, o);
  const plaintext = utf8(normalized);
  try {
    const ciphertext = xchacha20poly1305(key, nonce, AD).encrypt(plaintext);
    return {
      version: 1,
      kdf: { alg: 'argon2id', salt: toBase64Url(salt), memoryKiB: o.memoryKiB, iterations: o.iterations, parallelism: o.parallelism },
      cipher: 'xchacha20-poly1305',
      nonce: toBase64Url(nonce),
      ciphertext: toBase64Url(ciphertext),
    };
  } finally {
    wipe(key);
    wipe(plaintext);
  }
}

function field(obj: unknown, name: string): unknown {
  return typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>)[name] : undefined;
}

function b64(obj: unknown, name: string, size?: number): Uint8Array {
  const v = field(obj, name);
  if (typeof v !== 'string') throw new HarmonyError('keystore.format', `The keystore field '${name}' must be a string.`);
  let out: Uint8Array;
  try {
    out = fromBase64Url(v);
  } catch {
    throw new HarmonyError('keystore.format', `The keystore field '${name}' must be base64url without padding.`);
  }
  if (size !== undefined && out.length !== size) throw new HarmonyError('keystore.format', `The keystore ${name} must be ${size} bytes.`);
  return out;
}

/** Opens a keystore; a wrong passphrase (or altered file) is HarmonyError('keystore.passphrase'). */
export async function decryptKeystore(json: unknown, passphrase: string, o: KeystoreOptions = DEFAULT_KEYSTORE_OPTIONS): Promise<string> {
  if (field(json, 'version') !== 1) throw new HarmonyError('keystore.version', 'Unsupported keystore version; this build reads version 1.');
  const kdf = field(json, 'kdf');
  if (field(kdf, 'alg') !== 'argon2id') throw new HarmonyError('keystore.unsupported', 'Unsupported keystore KDF; expected argon2id.');
  if (field(json, 'cipher') !== 'xchacha20-poly1305') throw new HarmonyError('keystore.unsupported', 'Unsupported keystore cipher; expected xchacha20-poly1305.');
  const salt = b64(kdf, 'salt', SALT_SIZE);
  const nonce = b64(json, 'nonce', NONCE_SIZE);
  const ciphertext = b64(json, 'ciphertext');
  if (ciphertext.length < 16 || ciphertext.length > 4096) throw new HarmonyError('keystore.format', 'The keystore ciphertext has an impossible length.');
  const key = await deriveKey(passphrase, salt, Number(field(kdf, 'memoryKiB')), Number(field(kdf, 'iterations')), Number(field(kdf, 'parallelism')), o);
  let plaintext: Uint8Array;
  try {
    plaintext = xchacha20poly1305(key, nonce, AD).decrypt(ciphertext);
  } catch {
    throw new HarmonyError('keystore.passphrase', 'Wrong passphrase, or the keystore was altered.');
  } finally {
    wipe(key);
  }
  try {
    return parsePhrase(fromUtf8(plaintext));
  } catch {
    throw new HarmonyError('keystore.format', 'The keystore decrypted but does not hold a valid recovery phrase.');
  } finally {
    wipe(plaintext);
  }
}
