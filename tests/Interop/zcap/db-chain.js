// Makes a ZCAP chain with @digitalbazaar/zcap: a root zcap, delegations (each signed by the previous controller)
// and optionally an invocation proof on a document by the tail's controller.
// stdin: {rootTarget, rootSeedHex, delegations: [{seedHex, target, actions, expires, created, id}],
//         invocation?: {document, action, target, created, nonce}}
// Each delegation's controller is the did:key of the NEXT party: delegations[i].seedHex is the delegatee's seed;
// the signer of delegation i is the root key (i = 0) or the delegatee of delegation i-1.
import jsigs from 'jsonld-signatures';
import {CapabilityDelegation, CapabilityInvocation, createRootCapability} from '@digitalbazaar/zcap';
import {documentLoader, keyFromSeedHex, readStdinJson, signSuite, ZCAP_CONTEXT, DI_CONTEXT} from './lib.js';

const input = await readStdinJson();
const rootKey = await keyFromSeedHex(input.rootSeedHex);
const root = createRootCapability({controller: rootKey.did, invocationTarget: input.rootTarget});
const loader = documentLoader({[root.id]: root});

let parent = root;
let signer = rootKey;
const capabilities = [];
for(const d of input.delegations) {
  const delegatee = await keyFromSeedHex(d.seedHex);
  const unsigned = {
    '@context': [ZCAP_CONTEXT, DI_CONTEXT],
    id: d.id,
    parentCapability: parent.id,
    invocationTarget: d.target,
    controller: delegatee.did,
    expires: d.expires
  };
  if(d.actions) unsigned.allowedAction = d.actions;
  const signed = await jsigs.sign(unsigned, {
    suite: signSuite(signer.key, {date: d.created}),
    purpose: new CapabilityDelegation({parentCapability: parent}),
    documentLoader: loader
  });
  capabilities.push(signed);
  parent = signed;
  signer = delegatee;
}

let invocation = null;
if(input.invocation) {
  const inv = input.invocation;
  invocation = await jsigs.sign(structuredClone(inv.document), {
    suite: signSuite(signer.key, {date: inv.created, nonce: inv.nonce}),
    purpose: new CapabilityInvocation({
      // a root zcap is referenced by id, a delegated one embedded in full
      capability: parent === root ? root.id : parent,
      capabilityAction: inv.action,
      invocationTarget: inv.target
    }),
    documentLoader: loader
  });
}

process.stdout.write(JSON.stringify({root, capabilities, invocation, dids: {root: rootKey.did}}));
