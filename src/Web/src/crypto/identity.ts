import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { didFromEd25519, didFromX25519 } from './didKey';
import { phraseToSeed } from './mnemonic';
import { HarmonyError } from './errors';
import { wipe } from './bytes';

/**
 * A Harmony identity, derived exactly as Harmony.Core.Identity.HarmonyIdentity does: the Ed25519 seed is the first
 * 32 bytes of the BIP-39 seed; the X25519 key-agreement key is the Ed25519 key under the birational map; the DID is
 * the did:key of the Ed25519 public key.
 */
export interface Identity {
  readonly did: string;
  readonly publicKey: Uint8Array;
  readonly keyAgreementPublicKey: Uint8Array;
  /** did:key:z6Mk…#z6LS… */
  readonly keyAgreementKeyId: string;
  sign(message: Uint8Array): Uint8Array;
  /** X25519 shared secret with a peer's public key. */
  agree(peerPublicKey: Uint8Array): Uint8Array;
  /** Drops the secret keys from memory. */
  dispose(): void;
}

/** Derives the identity from a 32-byte Ed25519 seed. */
export function identityFromEd25519Seed(seed: Uint8Array): Identity {
  if (seed.length !== 32) throw new HarmonyError('crypto.key_length', 'An Ed25519 seed is 32 bytes.');
  const secret = seed.slice();
  const publicKey = ed25519.getPublicKey(secret);
  const xSecret = ed25519.utils.toMontgomerySecret(secret);
  const keyAgreementPublicKey = ed25519.utils.toMontgomery(publicKey);
  const did = didFromEd25519(publicKey);
  const xDid = didFromX25519(keyAgreementPublicKey);
  return {
    did,
    publicKey,
    keyAgreementPublicKey,
    keyAgreementKeyId: did + '#' + xDid.slice('did:key:'.length),
    sign: (message) => ed25519.sign(message, secret),
    agree: (peer) => x25519.getSharedSecret(xSecret, peer),
    dispose: () => {
      wipe(secret);
      wipe(xSecret);
    },
  };
}

/** Derives the identity from a 64-byte BIP-39 seed (first 32 bytes). */
export function identityFromBip39Seed(seed: Uint8Array): Identity {
  if (seed.length !== 64) throw new HarmonyError('crypto.key_length', 'A BIP-39 seed is 64 bytes.');
  return identityFromEd25519Seed(seed.subarray(0, 32));
}

/** Restores an identity from a recovery phrase and optional BIP-39 passphrase. */
export function identityFromPhrase(phrase: string, passphrase = ''): Identity {
  const seed = phraseToSeed(phrase, passphrase);
  try {
    return identityFromBip39Seed(seed);
  } finally {
    wipe(seed);
  }
}

/** Verifies an Ed25519 signature (strict RFC 8032 decoding; false on any malformed input). */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
