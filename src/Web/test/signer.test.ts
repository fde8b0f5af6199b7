import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { decodeMlsMessage } from 'ts-mls';
import { utf8 } from '../src/crypto/bytes';
import { identityFromEd25519Seed } from '../src/crypto/identity';
import { HarmonyError } from '../src/crypto/errors';
import { checkedKeyPackage, newKeyPackages } from '../src/mls/groups';
import { credentialMatchesKey, DID_KEY_MARKER, useMlsSigner } from '../src/mls/signer';
import { suite } from '../src/mls/suite';

const alice = identityFromEd25519Seed(new Uint8Array(32).fill(1));
const bob = identityFromEd25519Seed(new Uint8Array(32).fill(2));
const basic = (did: string) => ({ credentialType: 'basic' as const, identity: utf8(did) });

describe('MLS leaves signed with the DID key', () => {
  it('accepts a credential only when its did:key is the signature key', () => {
    expect(credentialMatchesKey(basic(alice.did), alice.publicKey)).toBe(true);
    expect(credentialMatchesKey(basic(alice.did), bob.publicKey)).toBe(false);
    expect(credentialMatchesKey(basic('did:key:not-a-key'), alice.publicKey)).toBe(false);
    expect(credentialMatchesKey(basic(alice.keyAgreementKeyId.split('#')[1]!), alice.publicKey)).toBe(false);
    expect(credentialMatchesKey(basic('did:web:example.org'), alice.publicKey)).toBe(false);
  });

  it('signs with the unlocked identity when ts-mls hands over the marker, and refuses when locked', async () => {
    const cs = await suite();
    const message = utf8('hello');
    useMlsSigner(alice);
    const signature = await cs.signature.sign(DID_KEY_MARKER, message);
    expect(await cs.signature.verify(alice.publicKey, message, signature)).toBe(true);
    useMlsSigner(undefined);
    await expect(cs.signature.sign(DID_KEY_MARKER, message)).rejects.toThrow(HarmonyError);
  });

  it('makes KeyPackages whose leaf key is the DID key, stored without the private key', async () => {
    useMlsSigner(alice);
    const [bytes] = await newKeyPackages(1);
    const kp = checkedKeyPackage(bytes!, alice.did);
    expect(kp.leafNode.signaturePublicKey).toEqual(alice.publicKey);
    // Claimed for someone else, the same package is refused.
    expect(() => checkedKeyPackage(bytes!, bob.did)).toThrow(/not signed with that DID's key/);
    const decoded = decodeMlsMessage(bytes!, 0)?.[0];
    expect(decoded?.wireformat).toBe('mls_key_package');
    useMlsSigner(undefined);
  });
});
