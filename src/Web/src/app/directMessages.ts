import { parseDidKey } from '../crypto/didKey';
import { HarmonyError } from '../crypto/errors';
import { communityTarget, delegateFromRoot, invoke, rootCapabilityId } from '../crypto/zcap';
import { describeError } from '../net/errors';
import { openChannel } from './chat';
import { newId, remember, requireHub } from './communities';
import { group, isActive, memberDids } from '../mls/groups';
import { converge, startChannelGroup } from './mlsMembership';
import { currentHub, me } from './session';
import { notify, setState, state } from './state';
import type { CommunityInfo, DirectMessageLink } from './types';

/** What the DM peer may do in the two-person channel (it never joins the community). */
export const DM_PEER_ACTIONS = ['Read', 'SendMessage', 'React', 'AddMember'] as const;
/** How long the peer's capability lasts; a DM is meant to stay open. */
const DM_CAPABILITY_LIFETIME_MS = 10 * 365 * 24 * 3600_000;

/** Loads this DID's DM conversations (GetDirectMessages); new ones opened by others appear here. */
export async function loadDirectMessages(): Promise<void> {
  const hub = currentHub();
  if (!hub) return;
  try {
    // Links without a capability (the older AddDirectMessage) cannot be read: there is nothing to open.
    const links = (await hub.call<Partial<DirectMessageLink>[]>('GetDirectMessages'))
      .filter((l): l is DirectMessageLink => !!l.peer && !!l.channelId && !!l.communityId && !!l.capabilityId);
    const known = new Set(state.dms.map((d) => d.channelId));
    setState('dms', links);
    // Watch new conversations so their Welcome and messages arrive without opening them first.
    for (const link of links) if (!known.has(link.channelId)) void openChannel(link.channelId, false);
    for (const link of links) void addPeerIfMissing(link);
  } catch (e) {
    notify('error', describeError(e));
  }
}

/**
 * Opens the DM with `peer`, or starts one: a closed community `dm-<random>` with one channel; Read, SendMessage,
 * React and AddMember delegated to the peer and registered; the channel's MLS group with the peer added (Commit and
 * Welcome as handshakes); then the hub's OpenDirectMessage indexes it for both sides.
 */
export async function openDirectMessage(peer: string): Promise<void> {
  peer = peer.trim();
  try {
    if (parseDidKey(peer).type !== 'Ed25519') throw new Error();
  } catch {
    throw new HarmonyError('dm.peer', 'That is not a Harmony DID (did:key:z6Mk…).');
  }
  if (peer === me().did) throw new HarmonyError('dm.peer', 'That is your own DID.');
  const existing = state.dms.find((d) => d.peer === peer);
  if (existing) {
    setState({ view: 'dms', currentChannel: existing.channelId });
    await openChannel(existing.channelId);
    return;
  }
  const hub = requireHub();
  const communityId = 'dm-' + newId();
  const target = communityTarget(communityId);
  const info = await hub.call<CommunityInfo>('CreateCommunity', communityId, 'Direct message', false,
    invoke(me(), { capability: rootCapabilityId(target), action: 'Create', target, members: { name: 'Direct message' } }));
  remember(communityId, info.rootCapabilityId);
  const channelId = newId();
  await hub.call('CreateChannel', communityId, channelId, 'dm', 0, null, 0,
    invoke(me(), { capability: info.rootCapabilityId, action: 'ManageChannels', target, members: { channel: channelId } }));
  const capability = delegateFromRoot(me(), {
    parentCapabilityId: info.rootCapabilityId,
    controller: peer,
    target,
    actions: DM_PEER_ACTIONS,
    expires: new Date(Date.now() + DM_CAPABILITY_LIFETIME_MS),
  });
  const capabilityId = await hub.call<string>('RegisterCapability', communityId, JSON.stringify(capability));
  await startChannelGroup(channelId);
  await converge(channelId, info.rootCapabilityId, () => ({ add: [peer], remove: [] }));
  // Listed once the server indexed it: GetDirectMessages (polled) would otherwise drop a link it does not know yet.
  const mine = await hub.call<DirectMessageLink>('OpenDirectMessage', peer, communityId, channelId, capabilityId);
  setState('dms', (list) => (list.some((d) => d.channelId === channelId) ? list : [...list, mine]));
  setState({ view: 'dms', currentChannel: channelId });
  await openChannel(channelId);
}

/** A peer that had no KeyPackage when the DM was opened is added once it has one. */
async function addPeerIfMissing(link: DirectMessageLink): Promise<void> {
  const current = await group(link.channelId);
  if (!current || !isActive(current) || memberDids(current).includes(link.peer)) return;
  try {
    await converge(link.channelId, link.capabilityId, () => ({ add: [link.peer], remove: [] }));
  } catch (e) {
    notify('error', `Could not add ${link.peer} to the DM's encryption group: ${describeError(e)}`);
  }
}

/** The peer of the DM carried by a channel, if it is one. */
export const dmOf = (channelId: string): DirectMessageLink | undefined => state.dms.find((d) => d.channelId === channelId);
