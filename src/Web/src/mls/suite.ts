import { getCiphersuiteFromName, getCiphersuiteImpl, type CiphersuiteImpl } from 'ts-mls';
import { isDidKeyMarker, mlsSigner } from './signer';

/** Harmony's MLS cipher suite (DESIGN.md): MLS_128_DHKEMX25519_CHACHA20POLY1305_SHA256_Ed25519 (0x0003). */
export const SUITE_NAME = 'MLS_128_DHKEMX25519_CHACHA20POLY1305_SHA256_Ed25519' as const;

let impl: Promise<CiphersuiteImpl> | undefined;

/**
 * The cipher-suite implementation (ts-mls over @noble and @hpke), whose Ed25519 signer uses the DID key when ts-mls
 * hands it the DID-key marker (signer.ts) instead of a private key.
 */
export const suite = (): Promise<CiphersuiteImpl> =>
  (impl ??= getCiphersuiteImpl(getCiphersuiteFromName(SUITE_NAME)).then((base) => ({
    ...base,
    signature: {
      ...base.signature,
      sign: async (key: Uint8Array, message: Uint8Array) => (isDidKeyMarker(key) ? mlsSigner().sign(message) : base.signature.sign(key, message)),
    },
  })));
