import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeEnvelope, encodeEnvelope, EnvelopeKind, signEnvelope, signingBytes, verifyEnvelope, type EnvelopeFields } from '../src/crypto/envelope';
import { identityFromEd25519Seed } from '../src/crypto/identity';
import { toBase64Url, toHex } from '../src/crypto/bytes';
import { HarmonyError } from '../src/crypto/errors';

const alice = identityFromEd25519Seed(new Uint8Array(32).fill(1));
const bob = identityFromEd25519Seed(new Uint8Array(32).fill(2));

const fields = (over: Partial<EnvelopeFields> = {}): EnvelopeFields => ({
  channel: 'ch',
  author: alice.did,
  lamport: 5n,
  kind: EnvelopeKind.Edit,
  createdAtMs: -2n,
  replyTo: 'r',
  target: 't',
  ciphertext: new Uint8Array([0xaa, 0xbb]),
  ...over,
});

describe('envelope encoding (docs/protocol.md §2.2)', () => {
  it('signing bytes are exactly the documented layout', () => {
    const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
    const len = (n: number) => n.toString(16).padStart(8, '0');
    const author = alice.did;
    const expected =
      hex('harmony.envelope.v1') + '00' +
      '01' + len(2) + hex('ch') + len(author.length) + hex(author) +
      '0000000000000005' + '02' + 'fffffffffffffffe' +
      '00' + '01' + len(1) + hex('r') + '01' + len(1) + hex('t') +
      len(2) + 'aabb';
    expect(toHex(signingBytes(fields()))).toBe(expected);
  });

  it('id is base64url(SHA-256(signing bytes)) and the encoding round-trips', () => {
    const signed = signEnvelope(fields({ thread: 'θ-thread' }), alice);
    expect(signed.id).toBe(toBase64Url(sha256(signingBytes(signed))));
    expect(signed.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const decoded = decodeEnvelope(encodeEnvelope(signed));
    expect(decoded).toEqual(signed);
    expect(verifyEnvelope(decoded)).toBe(true);
  });

  it('a tampered field or signature fails verification', () => {
    const signed = signEnvelope(fields(), alice);
    expect(verifyEnvelope({ ...signed, lamport: 6n })).toBe(false);
    expect(verifyEnvelope({ ...signed, author: bob.did })).toBe(false);
    const bytes = encodeEnvelope(signed);
    bytes[bytes.length - 1]! ^= 1;
    expect(verifyEnvelope(decodeEnvelope(bytes))).toBe(false);
  });

  it('refuses to sign for another author', () => {
    expect(() => signEnvelope(fields({ author: bob.did }), alice)).toThrow(HarmonyError);
  });

  it('malformed bytes are InvalidEnvelope, oversize is TooLarge', () => {
    const bytes = encodeEnvelope(signEnvelope(fields(), alice));
    const codeOf = (b: Uint8Array, max?: number): string => {
      try {
        decodeEnvelope(b, max ? { maxEnvelopeBytes: max, maxIdentifierBytes: 512 } : undefined);
        return 'none';
      } catch (e) {
        return (e as HarmonyError).code;
      }
    };
    expect(codeOf(bytes.subarray(0, 10))).toBe('InvalidEnvelope');
    const badVersion = bytes.slice();
    badVersion[0] = 2;
    expect(codeOf(badVersion)).toBe('InvalidEnvelope');
    const extra = new Uint8Array(bytes.length + 1);
    extra.set(bytes.subarray(0, bytes.length - 64));
    extra.set(bytes.subarray(bytes.length - 64), bytes.length - 64 + 1);
    expect(codeOf(extra)).toBe('InvalidEnvelope');
    expect(codeOf(bytes, 50)).toBe('TooLarge');
  });
});
