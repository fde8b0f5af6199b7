import {
  acceptAll, createApplicationMessage, createCommit, createGroup, decodeGroupState, decodeMlsMessage, defaultCapabilities,
  defaultLifetime, emptyPskIndex, encodeGroupState, encodeMlsMessage, generateKeyPackage, joinGroup, processMessage,
  type ClientState, type KeyPackage, type PrivateKeyPackage,
} from 'ts-mls';
import { defaultClientConfig } from 'ts-mls/clientConfig.js';
import { fromUtf8, utf8 } from '../crypto/bytes';
import { HarmonyError } from '../crypto/errors';
import { dbDelete, dbEntries, dbGet, dbPut } from '../storage/db';
import { suite } from './suite';

/**
 * One MLS group (RFC 9420, via ts-mls) per channel; group id = the channel id. Group states and KeyPackage private
 * keys live in IndexedDB (store `kv`, keys `mls.group.*` and `mls.kp.*`) so they survive reloads. The leaf credential
 * is a basic credential whose identity is the member's DID.
 */
interface StoredKeyPackage {
  publicPackage: Uint8Array;
  privatePackage: PrivateKeyPackage;
}

const groups = new Map<string, ClientState>();
const GROUP = 'mls.group.';
const KP = 'mls.kp.';

const mlsError = (why: string): HarmonyError => new HarmonyError('mls.unavailable', why);

async function save(channelId: string, state: ClientState): Promise<void> {
  groups.set(channelId, state);
  await dbPut('kv', GROUP + channelId, encodeGroupState(state));
}

/** The channel's group state, from memory or IndexedDB. */
export async function group(channelId: string): Promise<ClientState | undefined> {
  const cached = groups.get(channelId);
  if (cached) return cached;
  const bytes = await dbGet<Uint8Array>('kv', GROUP + channelId);
  if (!bytes) return undefined;
  const decoded = decodeGroupState(bytes, 0);
  if (!decoded) return undefined;
  const state: ClientState = { ...decoded[0], clientConfig: defaultClientConfig };
  groups.set(channelId, state);
  return state;
}

/** DIDs of the group's members (leaf credentials). */
export function memberDids(state: ClientState): string[] {
  const out: string[] = [];
  for (const node of state.ratchetTree) {
    if (node?.nodeType === 'leaf' && node.leaf.credential.credentialType === 'basic') out.push(fromUtf8(node.leaf.credential.identity));
  }
  return out;
}

/** Fresh KeyPackages for this DID; private parts kept locally, public ones returned TLS-encoded for UploadKeyPackages. */
export async function newKeyPackages(did: string, count: number): Promise<Uint8Array[]> {
  const cs = await suite();
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const kp = await generateKeyPackage({ credentialType: 'basic', identity: utf8(did) }, defaultCapabilities(), defaultLifetime, [], cs);
    const encoded = encodeMlsMessage({ keyPackage: kp.publicPackage, wireformat: 'mls_key_package', version: 'mls10' });
    await dbPut('kv', KP + crypto.randomUUID(), { publicPackage: encoded, privatePackage: kp.privatePackage } satisfies StoredKeyPackage);
    out.push(encoded);
  }
  return out;
}

/** Creates the channel's group with this DID as its only member. */
export async function createChannelGroup(channelId: string, did: string): Promise<void> {
  if (await group(channelId)) return;
  const cs = await suite();
  const kp = await generateKeyPackage({ credentialType: 'basic', identity: utf8(did) }, defaultCapabilities(), defaultLifetime, [], cs);
  await save(channelId, await createGroup(utf8(channelId), kp.publicPackage, kp.privatePackage, [], cs));
}

/** Adds members by their claimed KeyPackages: returns the Commit and the Welcome (TLS-encoded MLSMessages). */
export async function addMembers(channelId: string, keyPackages: Uint8Array[]): Promise<{ commit: Uint8Array; welcome: Uint8Array } | undefined> {
  const state = await group(channelId);
  if (!state || keyPackages.length === 0) return undefined;
  const cs = await suite();
  const proposals = keyPackages.map((bytes) => {
    const decoded = decodeMlsMessage(bytes, 0)?.[0];
    if (!decoded || decoded.wireformat !== 'mls_key_package') throw mlsError('A claimed KeyPackage is malformed.');
    return { proposalType: 'add' as const, add: { keyPackage: decoded.keyPackage } };
  });
  const result = await createCommit({ state, cipherSuite: cs }, { extraProposals: proposals, ratchetTreeExtension: true, wireAsPublicMessage: true });
  if (!result.welcome) return undefined;
  await save(channelId, result.newState);
  return {
    commit: encodeMlsMessage(result.commit),
    welcome: encodeMlsMessage({ welcome: result.welcome, wireformat: 'mls_welcome', version: 'mls10' }),
  };
}

/**
 * Applies a handshake envelope's MLSMessage: a Welcome joins the group when one of our KeyPackages is in it
 * (others are ignored); a Commit advances the epoch of a group we are in.
 */
export async function applyHandshake(channelId: string, bytes: Uint8Array): Promise<void> {
  const decoded = decodeMlsMessage(bytes, 0)?.[0];
  if (!decoded) return;
  const cs = await suite();
  if (decoded.wireformat === 'mls_welcome') {
    if (await group(channelId)) return;
    for (const [key, kp] of await dbEntries<StoredKeyPackage>('kv')) {
      if (!key.startsWith(KP)) continue;
      const pub = decodeMlsMessage(kp.publicPackage, 0)?.[0];
      if (!pub || pub.wireformat !== 'mls_key_package') continue;
      try {
        const state = await joinGroup(decoded.welcome, pub.keyPackage as KeyPackage, kp.privatePackage, emptyPskIndex, cs);
        await save(channelId, state);
        await dbDelete('kv', key);
        return;
      } catch {
        // not for this KeyPackage
      }
    }
    return;
  }
  const state = await group(channelId);
  if (!state || (decoded.wireformat !== 'mls_public_message' && decoded.wireformat !== 'mls_private_message')) return;
  try {
    const processed = await processMessage(decoded, state, emptyPskIndex, acceptAll, cs);
    await save(channelId, processed.newState);
  } catch {
    // our own Commit (already applied) or one from an epoch we are not in
  }
}

/** Threads are encrypted with their parent channel's group. */
const groupChannel = (channelId: string): string => channelId.split('/thread/')[0]!;

/** Encrypts content for the channel's current epoch (an MLS PrivateMessage). */
export async function encrypt(channelId: string, plaintext: Uint8Array): Promise<Uint8Array> {
  channelId = groupChannel(channelId);
  const state = await group(channelId);
  if (!state) throw mlsError('You are not in this channel\'s encryption group yet: the channel owner adds you when they are online.');
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
    throw new HarmonyError('mls.decrypt', `MLS could not decrypt it: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (processed.kind !== 'applicationMessage') throw new HarmonyError('mls.malformed', 'Not an application message.');
  await save(channelId, processed.newState);
  return processed.message;
}
