import { getCiphersuiteFromName, getCiphersuiteImpl, type CiphersuiteImpl } from 'ts-mls';

/** Harmony's MLS cipher suite (DESIGN.md): MLS_128_DHKEMX25519_CHACHA20POLY1305_SHA256_Ed25519 (0x0003). */
export const SUITE_NAME = 'MLS_128_DHKEMX25519_CHACHA20POLY1305_SHA256_Ed25519' as const;

let impl: Promise<CiphersuiteImpl> | undefined;

/** The cipher-suite implementation (ts-mls over @noble and @hpke). */
export const suite = (): Promise<CiphersuiteImpl> => (impl ??= getCiphersuiteImpl(getCiphersuiteFromName(SUITE_NAME)));
