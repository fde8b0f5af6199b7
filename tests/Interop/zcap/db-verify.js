// Verifies with @digitalbazaar/zcap: a delegated zcap (CapabilityDelegation purpose) or an invocation
// (CapabilityInvocation purpose) against a trusted root zcap.
// stdin: {root, capability?, invocation?, expectedTarget?, expectedAction?, date, allowTargetAttenuation}
// stdout: {verified, errors: [messages]}
import jsigs from 'jsonld-signatures';
import {CapabilityDelegation, CapabilityInvocation} from '@digitalbazaar/zcap';
import {documentLoader, errorMessages, readStdinJson, verifySuite} from './lib.js';

const input = await readStdinJson();
const loader = documentLoader({[input.root.id]: input.root});
const common = {
  suite: verifySuite(),
  expectedRootCapability: input.root.id,
  date: input.date,
  allowTargetAttenuation: input.allowTargetAttenuation ?? true
};

let result;
if(input.invocation) {
  result = await jsigs.verify(input.invocation, {
    suite: verifySuite(),
    purpose: new CapabilityInvocation({
      ...common,
      expectedTarget: input.expectedTarget,
      expectedAction: input.expectedAction
    }),
    documentLoader: loader
  });
} else {
  result = await jsigs.verify(input.capability, {
    suite: verifySuite(),
    purpose: new CapabilityDelegation(common),
    documentLoader: loader
  });
}
const errors = errorMessages(result.error).concat(
  (result.results ?? []).flatMap(r => errorMessages(r.error).concat(errorMessages(r.purposeResult?.error))));
process.stdout.write(JSON.stringify({verified: result.verified, errors}));
