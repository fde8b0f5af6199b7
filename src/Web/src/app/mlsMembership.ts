import { base64 } from '@scure/base';
import { EnvelopeKind } from '../crypto/envelope';
import { addMembers, createChannelGroup, group, memberDids, newKeyPackages } from '../mls/groups';
import { describeError } from '../net/errors';
import { capabilityFor } from './communities';
import { sendCiphertext } from './sending';
import { currentHub, me } from './session';
import { notify } from './state';
import type { CommunityInfo, MemberInfo } from './types';

const MIN_KEY_PACKAGES = 3;
const UPLOAD_BATCH = 5;
const toBytes = (b: string | Uint8Array): Uint8Array => (typeof b === 'string' ? base64.decode(b) : b);

/** Keeps a few KeyPackages on the server so others can add this DID to channel groups. */
export async function ensureKeyPackages(): Promise<void> {
  const hub = currentHub();
  if (!hub) return;
  try {
    if ((await hub.call<number>('CountKeyPackages')) >= MIN_KEY_PACKAGES) return;
    const packages = await newKeyPackages(me().did, UPLOAD_BATCH);
    await hub.call<number>('UploadKeyPackages', packages.map((p) => base64.encode(p)), null);
  } catch (e) {
    notify('error', `Could not publish encryption keys: ${describeError(e)}`);
  }
}

/** A new channel starts as a one-member MLS group of its creator. */
export const startChannelGroup = (channelId: string): Promise<void> => createChannelGroup(channelId, me().did);

let adding = Promise.resolve();

/**
 * Adds community members who are not yet in a channel's group (claiming one KeyPackage each): the Commit and then
 * the Welcome go into the channel log as handshake envelopes. Runs one at a time so this device never forks a group.
 */
export function addMissingMembers(community: CommunityInfo, members: MemberInfo[]): Promise<void> {
  adding = adding.then(() => addNow(community, members)).catch((e: unknown) => notify('error', `Could not add members to encryption: ${describeError(e)}`));
  return adding;
}

async function addNow(community: CommunityInfo, members: MemberInfo[]): Promise<void> {
  const hub = currentHub();
  const capabilityId = capabilityFor(community.id);
  if (!hub || !capabilityId) return;
  for (const channel of community.channels) {
    const state = await group(channel.id);
    if (!state) continue;
    const inGroup = new Set(memberDids(state));
    const missing = members.filter((m) => !inGroup.has(m.did));
    if (missing.length === 0) continue;
    const packages: Uint8Array[] = [];
    for (const m of missing) {
      const claim = await hub.call<{ keyPackage: string | Uint8Array } | null>('ClaimKeyPackage', m.did);
      if (claim) packages.push(toBytes(claim.keyPackage));
    }
    const result = await addMembers(channel.id, packages);
    if (!result) continue;
    await sendCiphertext({ channelId: channel.id, kind: EnvelopeKind.Handshake }, result.commit, capabilityId);
    await sendCiphertext({ channelId: channel.id, kind: EnvelopeKind.Handshake }, result.welcome, capabilityId);
  }
}
