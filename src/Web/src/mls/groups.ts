import {
  acceptAll, createApplicationMessage, createCommit, createGroup, decodeGroupState, decodeMlsMessage, defaultCapabilities,
  defaultLifetime, emptyPskIndex, encodeGroupState, encodeMlsMessage, generateKeyPackageWithKey, joinGroup, processMessage,
  type ClientState, type KeyPackage, type PrivateKeyPackage,
} from 'ts-mls';
import { makeKeyPackageRef } from 'ts-mls/keyPackage.js';
import { utf8 } from '../crypto/bytes';
import { HarmonyError } from '../crypto/errors';
import { dbDelete, dbEntries, dbGet, dbPut } from '../storage/db';
import { credentialDid, credentialMatchesKey, DID_KEY_MARKER, harmonyClientConfig, mlsSigner } from './signer';
import { suite } from './suite';

/**
 * One MLS group (RFC 9420, via ts-mls) per channel; group id = the channel id. Group states and KeyPackage private
 * keys live in IndexedDB (store `kv`, keys `mls.group.*` and `mls.kp.*`) so they survive reloads. The leaf credential
 * is a basic credential whose identity is the member's DID, and the leaf signature key is that DID's Ed25519 key
 * (signer.ts): leaves whose DID does not own their signature key are refused.
 */
interface StoredKeyPackage {
  publicPackage: Uint8Array;
  privatePackage: PrivateKeyPackage;
  /** The last-resort package is handed out again when the pool is empty, so it is kept after a join. */
  lastResort?: boolean;
}

const groups = new Map<string, ClientState>();
const GROUP = 'mls.group.';
const KP = 'mls.kp.';

const mlsError = (why: string): HarmonyError => new HarmonyError('mls.unavailable', why);

async function save(channelId: string, state: ClientState): Promise<void> {
  groups.set(channelId, state);
  await dbPut('kv', GROUP + channelId, encodeGroupState(state));
}

/** Forgets the in-memory group cache (on lock: the next identity reads its own states). */
export function clearGroupCache(): void {
  groups.clear();
}

/** The channel's group state, from memory or IndexedDB. */
export async function group(channelId: string): Promise<ClientState | undefined> {
  const cached = groups.get(channelId);
  if (cached) return cached;
  const bytes = await dbGet<Uint8Array>('kv', GROUP + channelId);
  if (!bytes) return undefined;
  const decoded = decodeGroupState(bytes, 0);
  if (!decoded) return undefined;
  const state: ClientState = { ...decoded[0], clientConfig: harmonyClientConfig };
  groups.set(channelId, state);
  return state;
}

/** True while this device is a member of the group (not removed from it). */
export const isActive = (state: ClientState): boolean => state.groupActiveState.kind === 'active';

/** DIDs of the group's members (leaf credentials). */
export function memberDids(state: ClientState): string[] {
  const out: string[] = [];
  for (const node of state.ratchetTree) {
    if (node?.nodeType !== 'leaf') continue;
    const did = credentialDid(node.leaf.credential);
    if (did) out.push(did);
  }
  return out;
}

/** Leaf indexes of a DID's leaves. */
function leafIndexesOf(state: ClientState, did: string): number[] {
  const out: number[] = [];
  state.ratchetTree.forEach((node, nodeIndex) => {
    if (node?.nodeType === 'leaf' && credentialDid(node.leaf.credential) === did) out.push(nodeIndex / 2);
  });
  return out;
}

/** A KeyPackage whose leaf is signed with this device's DID key (and, as the credential, names the DID). */
async function ownKeyPackage() {
  const signer = mlsSigner();
  return generateKeyPackageWithKey({ credentialType: 'basic', identity: utf8(signer.did) }, defaultCapabilities(), defaultLifetime, [],
    { signKey: DID_KEY_MARKER, publicKey: signer.publicKey }, await suite());
}

/** Fresh KeyPackages for this DID; private parts kept locally, public ones returned TLS-encoded for UploadKeyPackages. */
export async function newKeyPackages(count: number, lastResort = false): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const kp = await ownKeyPackage();
    const encoded = encodeMlsMessage({ keyPackage: kp.publicPackage, wireformat: 'mls_key_package', version: 'mls10' });
    await dbPut('kv', KP + crypto.randomUUID(), { publicPackage: encoded, privatePackage: kp.privatePackage, lastResort } satisfies StoredKeyPackage);
    out.push(encoded);
  }
  return out;
}

/** Creates the channel's group with this DID as its only member. */
export async function createChannelGroup(channelId: string): Promise<void> {
  if (await group(channelId)) return;
  const kp = await ownKeyPackage();
  await save(channelId, await createGroup(utf8(channelId), kp.publicPackage, kp.privatePackage, [], await suite(), harmonyClientConfig));
}

/**
 * Decodes a claimed KeyPackage and checks it belongs to `did`: the credential names the DID and the DID's key signs
 * the leaf (ts-mls checks the signatures themselves when the Commit is built and processed).
 */
export function checkedKeyPackage(bytes: Uint8Array, did: string): KeyPackage {
  const decoded = decodeMlsMessage(bytes, 0)?.[0];
  if (!decoded || decoded.wireformat !== 'mls_key_package') throw new HarmonyError('mls.malformed', 'A claimed KeyPackage is malformed.');
  const leaf = decoded.keyPackage.leafNode;
  if (credentialDid(leaf.credential) !== did || !credentialMatchesKey(leaf.credential, leaf.signaturePublicKey))
    throw new HarmonyError('mls.credential', `The KeyPackage offered for ${did} is not signed with that DID's key; it was not added.`);
  return decoded.keyPackage;
}

/** A Commit built on the current epoch, not applied yet: apply it with {@link applyPendingCommit} once the server logged it. */
export interface PendingCommit {
  readonly commit: Uint8Array;
  readonly welcome?: Uint8Array | undefined;
  readonly newState: ClientState;
}

/**
 * Builds one Commit adding `keyPackages` and removing every leaf of `removeDids` (a PublicMessage, so the delivery
 * service can check Adds). Nothing changes locally until {@link applyPendingCommit}: if the server refuses it
 * (EpochMismatch), the group stays as it was.
 */
export async function prepareCommit(channelId: string, keyPackages: KeyPackage[], removeDids: string[]): Promise<PendingCommit | undefined> {
  const state = await group(channelId);
  if (!state || !isActive(state)) return undefined;
  const proposals = [
    ...keyPackages.map((keyPackage) => ({ proposalType: 'add' as const, add: { keyPackage } })),
    ...removeDids.flatMap((did) => leafIndexesOf(state, did)).map((removed) => ({ proposalType: 'remove' as const, remove: { removed } })),
  ];
  if (proposals.length === 0) return undefined;
  const result = await createCommit({ state, cipherSuite: await suite() }, { extraProposals: proposals, ratchetTreeExtension: true, wireAsPublicMessage: true });
  return {
    commit: encodeMlsMessage(result.commit),
    welcome: result.welcome ? encodeMlsMessage({ welcome: result.welcome, wireformat: 'mls_welcome', version: 'mls10' }) : undefined,
    newState: result.newState,
  };
}

/** Moves the group to the epoch of a Commit the server accepted. */
export const applyPendingCommit = (channelId: string, pending: PendingCommit): Promise<void> => save(channelId, pending.newState);

/** Adds members by their claimed KeyPackages and applies the Commit at once (no delivery service involved: tests, interop). */
export async function addMembers(channelId: string, keyPackages: Uint8Array[]): Promise<{ commit: Uint8Array; welcome: Uint8Array } | undefined> {
  const decoded = keyPackages.map((bytes) => {
    const kp = decodeMlsMessage(bytes, 0)?.[0];
    if (!kp || kp.wireformat !== 'mls_key_package') throw new HarmonyError('mls.malformed', 'A claimed KeyPackage is malformed.');
    return checkedKeyPackage(bytes, credentialDid(kp.keyPackage.leafNode.credential) ?? '');
  });
  const pending = await prepareCommit(channelId, decoded, []);
  if (!pending?.welcome) return undefined;
  await applyPendingCommit(channelId, pending);
  return { commit: pending.commit, welcome: pending.welcome };
}

/** What applying a handshake did. */
export type HandshakeOutcome = 'joined' | 'advanced' | 'ignored';

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Applies a handshake envelope's MLSMessage: a Welcome joins the group when it names one of our KeyPackages (others
 * are ignored); a Commit advances the epoch of a group we are in. A Welcome into a group with a leaf whose DID does
 * not own its signature key is refused (HarmonyError `mls.credential`).
 */
export async function applyHandshake(channelId: string, bytes: Uint8Array): Promise<HandshakeOutcome> {
  const decoded = decodeMlsMessage(bytes, 0)?.[0];
  if (!decoded) return 'ignored';
  const cs = await suite();
  if (decoded.wireformat === 'mls_welcome') {
    const existing = await group(channelId);
    if (existing && isActive(existing)) return 'ignored';
    for (const [key, kp] of await dbEntries<StoredKeyPackage>('kv')) {
      if (!key.startsWith(KP)) continue;
      const pub = decodeMlsMessage(kp.publicPackage, 0)?.[0];
      if (!pub || pub.wireformat !== 'mls_key_package') continue;
      const ref = await makeKeyPackageRef(pub.keyPackage, cs.hash);
      if (!decoded.welcome.secrets.some((s) => equalBytes(s.newMember, ref))) continue;
      let state: ClientState;
      try {
        state = await joinGroup(decoded.welcome, pub.keyPackage, kp.privatePackage, emptyPskIndex, cs, undefined, undefined, harmonyClientConfig);
      } catch (e) {
        throw new HarmonyError('mls.credential', `Refused to join the channel's encryption group: ${e instanceof Error ? e.message : String(e)}`);
      }
      await save(channelId, state);
      if (!kp.lastResort) await dbDelete('kv', key);
      return 'joined';
    }
    return 'ignored';
  }
  const state = await group(channelId);
  if (!state || !isActive(state) || (decoded.wireformat !== 'mls_public_message' && decoded.wireformat !== 'mls_private_message')) return 'ignored';
  try {
    const processed = await processMessage(decoded, state, emptyPskIndex, acceptAll, cs);
    await save(channelId, processed.newState);
    return 'advanced';
  } catch {
    // our own Commit (already applied) or one from an epoch we are not in
    return 'ignored';
  }
}

/** Threads are encrypted with their parent channel's group. */
export const groupChannel = (channelId: string): string => channelId.split('/thread/')[0]!;

/** Encrypts content for the channel's current epoch (an MLS PrivateMessage). */
export async function encrypt(channelId: string, plaintext: Uint8Array): Promise<Uint8Array> {
  channelId = groupChannel(channelId);
  const state = await group(channelId);
  if (!state) throw mlsError('You are not in this channel\'s encryption group yet: a member adds you when they are online.');
  if (!isActive(state)) throw new HarmonyError('mls.removed', 'You were removed from this channel\'s encryption group.');
  const result = await createApplicationMessage(state, plaintext, await suite());
  await save(channelId, result.newState);
  return encodeMlsMessage({ privateMessage: result.privateMessage, wireformat: 'mls_private_message', version: 'mls10' });
}

/** Decrypts an application message of the channel. */
export async function decrypt(channelId: string, ciphertext: Uint8Array): Promise<Uint8Array> {
  channelId = groupChannel(channelId);
  const state = await group(channelId);
  if (!state) throw mlsError('This device is not in the channel\'s encryption group (messages from before you joined cannot be read).');
  const decoded = decodeMlsMessage(ciphertext, 0)?.[0];
  if (!decoded || decoded.wireformat !== 'mls_private_message') throw new HarmonyError('mls.malformed', 'The ciphertext is not an MLS PrivateMessage.');
  let processed;
  try {
    processed = await processMessage(decoded, state, emptyPskIndex, acceptAll, await suite());
  } catch (e) {
    const why = isActive(state) ? (e instanceof Error ? e.message : String(e)) : 'you were removed from this channel\'s encryption group';
    throw new HarmonyError('mls.decrypt', `MLS could not decrypt it: ${why}`);
  }
  if (processed.kind !== 'applicationMessage') throw new HarmonyError('mls.malformed', 'Not an application message.');
  await save(channelId, processed.newState);
  return processed.message;
}
