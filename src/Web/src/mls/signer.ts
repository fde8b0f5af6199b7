import type { AuthenticationService, Credential } from 'ts-mls';
import { defaultClientConfig, type ClientConfig } from 'ts-mls/clientConfig.js';
import { fromUtf8, utf8 } from '../crypto/bytes';
import { parseDidKey } from '../crypto/didKey';
import { HarmonyError } from '../crypto/errors';

/**
 * MLS leaves are signed with the member's DID key (credential = basic, identity = the DID), so a leaf's signature
 * key proves who it is. The secret key never enters ts-mls state (which is stored in IndexedDB): group states and
 * KeyPackages hold {@link DID_KEY_MARKER} as their signature "private key", and the cipher suite (suite.ts) signs
 * with the unlocked identity whenever it meets the marker.
 */
export interface MlsSigner {
  readonly did: string;
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

/** Stands in for the signature private key in ts-mls state; not a key (18 bytes, neither a seed nor PKCS#8). */
export const DID_KEY_MARKER = utf8('harmony.did-key.v1');

let signer: MlsSigner | undefined;

/** Sets (or, when locking, clears) the identity that signs MLS messages. */
export function useMlsSigner(value: MlsSigner | undefined): void {
  signer = value;
}

/** The unlocked identity that signs MLS messages. */
export function mlsSigner(): MlsSigner {
  if (!signer) throw new HarmonyError('mls.locked', 'Unlock Harmony first: MLS messages are signed with your identity key.');
  return signer;
}

export const isDidKeyMarker = (key: Uint8Array): boolean =>
  key.length === DID_KEY_MARKER.length && key.every((b, i) => b === DID_KEY_MARKER[i]);

/** The DID a basic credential names, or undefined for other credential types. */
export const credentialDid = (credential: Credential): string | undefined =>
  credential.credentialType === 'basic' ? fromUtf8(credential.identity) : undefined;

/** True when the credential is a basic credential naming an Ed25519 did:key whose key is `signaturePublicKey`. */
export function credentialMatchesKey(credential: Credential, signaturePublicKey: Uint8Array): boolean {
  const did = credentialDid(credential);
  if (!did) return false;
  try {
    const key = parseDidKey(did);
    return key.type === 'Ed25519' && key.publicKey.length === signaturePublicKey.length && key.publicKey.every((b, i) => b === signaturePublicKey[i]);
  } catch {
    return false;
  }
}

/** ts-mls consults this for every leaf it validates (joining, commits, adds): the DID must own the signature key. */
export const didAuthenticationService: AuthenticationService = {
  validateCredential: (credential, signaturePublicKey) => Promise.resolve(credentialMatchesKey(credential, signaturePublicKey)),
};

/** ts-mls client configuration: defaults plus the DID-bound credential check. */
export const harmonyClientConfig: ClientConfig = { ...defaultClientConfig, authService: didAuthenticationService };
