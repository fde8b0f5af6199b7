import { base58 } from '@scure/base';
import { concat } from './bytes';
import { HarmonyError } from './errors';

/** Multicodec varint prefixes of the key types did:key uses here. */
const ED25519_PUB = new Uint8Array([0xed, 0x01]);
const X25519_PUB = new Uint8Array([0xec, 0x01]);

/** The key type a did:key names. */
export type DidKeyType = 'Ed25519' | 'X25519';

/** A parsed did:key. */
export interface DidKey {
  readonly did: string;
  readonly type: DidKeyType;
  readonly publicKey: Uint8Array;
  /** The multibase (z…) part, also the verification-method fragment. */
  readonly multibase: string;
}

function make(prefix: Uint8Array, publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new HarmonyError('did.key_length', 'A did:key public key is 32 bytes.');
  return 'did:key:z' + base58.encode(concat(prefix, publicKey));
}

/** did:key of an Ed25519 public key (multicodec 0xed, base58btc). */
export const didFromEd25519 = (publicKey: Uint8Array): string => make(ED25519_PUB, publicKey);

/** did:key of an X25519 public key (multicodec 0xec, base58btc). */
export const didFromX25519 = (publicKey: Uint8Array): string => make(X25519_PUB, publicKey);

/** Parses a did:key of an Ed25519 or X25519 key; throws HarmonyError('did.syntax' | 'did.unsupported'). */
export function parseDidKey(did: string): DidKey {
  if (!did.startsWith('did:key:z')) throw new HarmonyError('did.syntax', 'Not a base58btc did:key.');
  const multibase = did.slice('did:key:'.length);
  let raw: Uint8Array;
  try {
    raw = base58.decode(multibase.slice(1));
  } catch {
    throw new HarmonyError('did.syntax', 'The did:key is not valid base58btc.');
  }
  const prefix = raw.subarray(0, 2);
  const key = raw.slice(2);
  if (key.length !== 32) throw new HarmonyError('did.syntax', 'The did:key does not hold a 32-byte key.');
  if (prefix[0] === 0xed && prefix[1] === 0x01) return { did, type: 'Ed25519', publicKey: key, multibase };
  if (prefix[0] === 0xec && prefix[1] === 0x01) return { did, type: 'X25519', publicKey: key, multibase };
  throw new HarmonyError('did.unsupported', 'Only Ed25519 and X25519 did:keys are supported.');
}
