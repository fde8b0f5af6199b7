// Shared helpers of the ZCAP interop harness: did:key documents built locally from the key in the DID, an offline
// document loader (contexts from tests/vectors/jsonld-contexts, the trusted root zcap given by the caller) and the
// eddsa-jcs-2022 Data Integrity suites. Nothing here touches the network.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {createSignCryptosuite, createVerifyCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';

const here = path.dirname(fileURLToPath(import.meta.url));
const contextsDir = path.join(here, '..', '..', 'vectors', 'jsonld-contexts');

const CONTEXT_FILES = {
  'https://w3id.org/zcap/v1': 'zcap-v1.jsonld',
  'https://w3id.org/security/data-integrity/v2': 'data-integrity-v2.jsonld',
  'https://w3id.org/security/data-integrity/v1': 'data-integrity-v1.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld',
  'https://www.w3.org/ns/did/v1': 'did-v1.jsonld',
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld'
};

const contexts = new Map(Object.entries(CONTEXT_FILES).map(
  ([url, file]) => [url, JSON.parse(readFileSync(path.join(contextsDir, file), 'utf8'))]));

export const ZCAP_CONTEXT = 'https://w3id.org/zcap/v1';
export const DI_CONTEXT = 'https://w3id.org/security/data-integrity/v2';

// The DID document of an Ed25519 did:key, as the did:key method specifies it (Multikey form).
export function didKeyDocument(did) {
  const key = did.slice('did:key:'.length);
  const vmId = `${did}#${key}`;
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [{id: vmId, type: 'Multikey', controller: did, publicKeyMultibase: key}],
    authentication: [vmId],
    assertionMethod: [vmId],
    capabilityDelegation: [vmId],
    capabilityInvocation: [vmId]
  };
}

// Offline loader: known contexts, did:key documents and their verification methods, and extra documents (the
// trusted root zcaps) passed by the caller. Anything else is an error, so a test can never reach the network.
export function documentLoader(extra = {}) {
  return async url => {
    if(contexts.has(url)) {
      return {contextUrl: null, documentUrl: url, document: contexts.get(url), tag: 'static'};
    }
    if(Object.hasOwn(extra, url)) {
      return {contextUrl: null, documentUrl: url, document: extra[url]};
    }
    if(url.startsWith('did:key:')) {
      const [did, fragment] = url.split('#');
      const doc = didKeyDocument(did);
      if(fragment === undefined) {
        return {contextUrl: null, documentUrl: url, document: doc};
      }
      const vm = doc.verificationMethod.find(m => m.id === url);
      if(!vm) {
        throw new Error(`No verification method ${url}.`);
      }
      return {contextUrl: null, documentUrl: url,
        document: {'@context': 'https://w3id.org/security/multikey/v1', ...vm}};
    }
    throw new Error(`Offline document loader: ${url} is not available.`);
  };
}

// A signing key from a 32-byte hex seed, with its did:key and verification method id.
export async function keyFromSeedHex(seedHex) {
  const seed = Uint8Array.from(Buffer.from(seedHex, 'hex'));
  const probe = await Ed25519Multikey.generate({seed});
  const did = `did:key:${probe.publicKeyMultibase}`;
  const key = await Ed25519Multikey.generate({seed, controller: did});
  return {key, did, vmId: key.id};
}

export function signSuite(key, {date, nonce} = {}) {
  const suite = new DataIntegrityProof({signer: key.signer(), date, cryptosuite: createSignCryptosuite()});
  if(nonce !== undefined) {
    // DataIntegrityProof starts every proof from a shallow copy of `suite.proof`, the hook for extra members.
    suite.proof = {nonce};
  }
  return suite;
}

export function verifySuite() {
  return new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()});
}

export async function readStdinJson() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

// Errors of jsonld-signatures may be arrays or nested; flatten to messages.
export function errorMessages(error) {
  if(!error) return [];
  if(Array.isArray(error)) return error.flatMap(errorMessages);
  const own = error.message ? [error.message] : [String(error)];
  return own.concat(errorMessages(error.errors));
}
