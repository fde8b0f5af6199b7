import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { base58 } from '@scure/base';
import { concat, toBase64Url, utf8 } from './bytes';
import type { Identity } from './identity';
import { canonicalize } from './jcs';

/** ZCAP vocabulary (w3c-ccg zcap spec), as in Harmony.Core.Capabilities.ZcapVocabulary. */
export const ZCAP_CONTEXT = 'https://w3id.org/zcap/v1';
export const DATA_INTEGRITY_CONTEXT = 'https://w3id.org/security/data-integrity/v2';

/** The root capability id of a target: "urn:zcap:root:" + encodeURIComponent(target). */
export const rootCapabilityId = (target: string): string => 'urn:zcap:root:' + encodeURIComponent(target);

/** The invocation target of a community. */
export const communityTarget = (communityId: string): string => `urn:harmony:community:${communityId}`;

/** What to invoke: a root capability id or a delegated capability (JSON object), an action and a target. */
export interface InvocationRequest {
  readonly capability: string | Record<string, unknown>;
  readonly action: string;
  readonly target: string;
  /** Document members naming the call's arguments (docs/protocol.md §4.3). */
  readonly members?: Record<string, string>;
  readonly now?: Date;
}

const xsdDate = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Signs an invocation document with an eddsa-jcs-2022 Data Integrity proof (proofPurpose capabilityInvocation),
 * the layout Harmony.Core.Capabilities.CapabilityIssuer.Invoke produces. Returns the JSON text.
 */
export function invoke(identity: Identity, request: InvocationRequest): string {
  const context = [ZCAP_CONTEXT, DATA_INTEGRITY_CONTEXT];
  const document: Record<string, unknown> = { '@context': context, ...(request.members ?? {}) };
  const proof: Record<string, unknown> = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: xsdDate(request.now ?? new Date()),
    verificationMethod: `${identity.did}#${identity.did.slice('did:key:'.length)}`,
    proofPurpose: 'capabilityInvocation',
    nonce: toBase64Url(randomBytes(16)),
    capability: request.capability,
    invocationTarget: request.target,
    capabilityAction: request.action,
    '@context': context,
  };
  const hash = concat(sha256(utf8(canonicalize(proof))), sha256(utf8(canonicalize(document))));
  proof.proofValue = 'z' + base58.encode(identity.sign(hash));
  return JSON.stringify({ ...document, proof });
}

/** What to delegate: a capability to `controller` for `actions` on `target`, until `expires`. */
export interface DelegationRequest {
  readonly parentCapabilityId: string;
  readonly controller: string;
  readonly target: string;
  readonly actions: readonly string[];
  readonly expires: Date;
  readonly now?: Date;
}

/**
 * Delegates the root capability (the community owner's) to another DID, the layout of
 * Harmony.Core.Capabilities.CapabilityIssuer.Delegate for a root parent. Returns the capability JSON object.
 */
export function delegateFromRoot(identity: Identity, request: DelegationRequest): Record<string, unknown> {
  const context = [ZCAP_CONTEXT, DATA_INTEGRITY_CONTEXT];
  const document: Record<string, unknown> = {
    '@context': context,
    id: 'urn:uuid:' + crypto.randomUUID(),
    parentCapability: request.parentCapabilityId,
    invocationTarget: request.target,
    controller: request.controller,
    allowedAction: [...request.actions],
    expires: xsdDate(request.expires),
  };
  const proof: Record<string, unknown> = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: xsdDate(request.now ?? new Date()),
    verificationMethod: `${identity.did}#${identity.did.slice('did:key:'.length)}`,
    proofPurpose: 'capabilityDelegation',
    capabilityChain: [request.parentCapabilityId],
    '@context': context,
  };
  const hash = concat(sha256(utf8(canonicalize(proof))), sha256(utf8(canonicalize(document))));
  proof.proofValue = 'z' + base58.encode(identity.sign(hash));
  return { ...document, proof };
}
