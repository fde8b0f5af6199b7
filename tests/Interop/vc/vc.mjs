// Interop harness: issues and verifies VC Data Model 2.0 credentials and presentations with Digital Bazaar's
// @digitalbazaar/vc and the eddsa-jcs-2022 cryptosuite, fully offline.
//
// Usage: node vc.mjs <issue|verify|present|verify-presentation>, one JSON object on stdin, one JSON object on stdout.
//   issue:               {seedHex, credential, created?}                    -> signed credential
//   verify:              {credential, now?}                                 -> {verified, errors}
//   present:             {seedHex, credentials, challenge, domain, created?, now?} -> signed presentation
//   verify-presentation: {presentation, challenge, domain, now?}            -> {verified, errors}
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as DidKey from '@digitalbazaar/did-method-key';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {createSignCryptosuite, createVerifyCryptosuite} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';

const here = path.dirname(fileURLToPath(import.meta.url));
const contextDir = path.join(here, '..', '..', 'vectors', 'jsonld-contexts');

// Every context is served from the repository's vector copies: there is no network here.
const contextFiles = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://www.w3.org/2018/credentials/v1': 'credentials-v1.jsonld',
  'https://www.w3.org/ns/credentials/undefined-terms/v2': 'credentials-undefined-terms-v2.jsonld',
  'https://w3id.org/security/data-integrity/v1': 'data-integrity-v1.jsonld',
  'https://w3id.org/security/data-integrity/v2': 'data-integrity-v2.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld',
  'https://www.w3.org/ns/did/v1': 'did-v1.jsonld',
  'https://w3id.org/security/suites/ed25519-2020/v1': 'ed25519-signature-2020-v1.jsonld',
  'https://w3id.org/security/suites/x25519-2020/v1': 'x25519-key-agreement-2020-v1.jsonld',
  'https://w3id.org/zcap/v1': 'zcap-v1.jsonld',
};

const didKeyDriver = DidKey.driver();
didKeyDriver.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});

async function documentLoader(url) {
  const file = contextFiles[url];
  if(file) {
    const document = JSON.parse(readFileSync(path.join(contextDir, file), 'utf8'));
    return {contextUrl: null, documentUrl: url, document};
  }
  if(url.startsWith('did:key:')) {
    const document = await didKeyDriver.get({url});
    return {contextUrl: null, documentUrl: url, document};
  }
  throw new Error(`offline document loader: no document for ${url}`);
}

async function signingSuite(seedHex, created) {
  const seed = Uint8Array.from(Buffer.from(seedHex, 'hex'));
  const probe = await Ed25519Multikey.generate({seed});
  const controller = `did:key:${probe.publicKeyMultibase}`;
  const key = await Ed25519Multikey.generate({seed, controller});
  const suite = new DataIntegrityProof({signer: key.signer(), cryptosuite: createSignCryptosuite(), date: created});
  return {suite, controller};
}

function verifySuite() {
  return new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()});
}

function errorsOf(result) {
  const errors = [];
  const walk = r => {
    if(!r) return;
    if(r.error) errors.push(String(r.error.message ?? r.error));
    for(const x of r.results ?? []) walk(x);
    for(const x of r.credentialResults ?? []) walk(x);
    if(r.presentationResult) walk(r.presentationResult);
  };
  walk(result);
  return errors;
}

const commands = {
  async issue({seedHex, credential, created}) {
    const {suite} = await signingSuite(seedHex, created);
    return vc.issue({credential, suite, documentLoader});
  },
  async verify({credential, now}) {
    const result = await vc.verifyCredential({credential, suite: verifySuite(), documentLoader, now});
    return {verified: result.verified, errors: errorsOf(result)};
  },
  async present({seedHex, credentials, challenge, domain, created, now}) {
    const {suite, controller} = await signingSuite(seedHex, created);
    const presentation = vc.createPresentation({verifiableCredential: credentials, holder: controller, version: 2.0, now});
    return vc.signPresentation({presentation, suite, challenge, domain, documentLoader});
  },
  async 'verify-presentation'({presentation, challenge, domain, now}) {
    const result = await vc.verify({presentation, challenge, domain, suite: verifySuite(), documentLoader, now});
    return {verified: result.verified, errors: errorsOf(result)};
  },
};

const command = commands[process.argv[2]];
if(!command) {
  process.stderr.write(`unknown command ${process.argv[2]}\n`);
  process.exit(2);
}
const input = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(await command(input)));
