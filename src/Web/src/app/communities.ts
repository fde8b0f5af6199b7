import { communityTarget, delegateFromRoot, invoke, rootCapabilityId } from '../crypto/zcap';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from '../crypto/bytes';
import { describeError } from '../net/errors';
import { currentHub, me } from './session';
import { notify, setState, state } from './state';
import type { CommunityInfo, MemberInfo } from './types';
import { reconcileCommunity, removeFromAllGroups, startChannelGroup } from './mlsMembership';

/** Capability id this DID uses in a community: the root for the owner, the joined-with capability otherwise. */
const capabilities: Record<string, string> = JSON.parse(localStorage.getItem('harmony.capabilities') ?? '{}') as Record<string, string>;
export const capabilityFor = (communityId: string): string | undefined => capabilities[communityId];
export function remember(communityId: string, capabilityId: string): void {
  capabilities[communityId] = capabilityId;
  localStorage.setItem('harmony.capabilities', JSON.stringify(capabilities));
}

/** The capability a channel (or a thread of it) is read and written with: a DM's link, else the community's. */
export function channelCapability(channelId: string): string | undefined {
  const base = channelId.split('/thread/')[0]!;
  const dm = state.dms.find((d) => d.channelId === base);
  if (dm) return dm.capabilityId;
  const community = state.communities.find((c) => c.channels.some((ch) => ch.id === base));
  return community ? capabilityFor(community.id) : undefined;
}

/** Communities created to carry a DM (docs/protocol.md OpenDirectMessage) are listed as DMs, not in the rail. */
export const isDmCommunity = (communityId: string): boolean =>
  communityId.startsWith('dm-') || state.dms.some((d) => d.communityId === communityId);

export const newId = (): string => toBase64Url(crypto.getRandomValues(new Uint8Array(9)));

export function requireHub() {
  const hub = currentHub();
  if (!hub) throw new Error('You are offline; this needs the server.');
  return hub;
}

/** Loads the communities this DID belongs to. */
export async function loadCommunities(): Promise<void> {
  const hub = currentHub();
  if (!hub) return;
  try {
    const ids = await hub.call<string[]>('GetMemberships');
    const list = await Promise.all(ids.map((id) => hub.call<CommunityInfo>('GetCommunity', id)));
    for (const c of list) if (c.owner === me().did) remember(c.id, c.rootCapabilityId);
    const shown = list.filter((c) => !isDmCommunity(c.id));
    setState('communities', shown);
    if (!state.currentCommunity && shown[0]) setState('currentCommunity', shown[0].id);
  } catch (e) {
    notify('error', describeError(e));
  }
}

/** Creates a community owned by this DID with a #general channel. */
export async function createCommunity(name: string, open: boolean): Promise<void> {
  const hub = requireHub();
  const id = newId();
  const target = communityTarget(id);
  const root = rootCapabilityId(target);
  const info = await hub.call<CommunityInfo>('CreateCommunity', id, name, open,
    invoke(me(), { capability: root, action: 'Create', target, members: { name } }));
  remember(id, info.rootCapabilityId);
  const channelId = newId();
  await startChannelGroup(channelId);
  await hub.call('CreateChannel', id, channelId, 'general', 0, null, 0,
    invoke(me(), { capability: info.rootCapabilityId, action: 'ManageChannels', target, members: { channel: channelId } }));
  await loadCommunities();
  setState({ view: 'community', currentCommunity: id, currentChannel: channelId });
}

/** Adds a text channel (owner only in this build: invoked on the root capability); `slowModeSeconds` 0 = off. */
export async function createChannel(communityId: string, name: string, categoryId?: string, slowModeSeconds = 0): Promise<void> {
  const hub = requireHub();
  const channelId = newId();
  const community = state.communities.find((c) => c.id === communityId);
  if (!community) return;
  await startChannelGroup(channelId);
  await hub.call('CreateChannel', communityId, channelId, name, 0, categoryId ?? null, slowModeSeconds,
    invoke(me(), { capability: community.rootCapabilityId, action: 'ManageChannels', target: communityTarget(communityId), members: { channel: channelId } }));
  await loadCommunities();
  setState('currentChannel', channelId);
  // Members who are already in the community join the new channel's encryption group.
  const updated = state.communities.find((c) => c.id === communityId);
  if (updated) void reconcileCommunity(updated, state.members[communityId] ?? []);
}

/** What an invitee may do: join, read, write, react, and add later joiners to channel encryption groups. */
export const INVITE_ACTIONS = ['Join', 'Read', 'SendMessage', 'React', 'AddMember'] as const;

/**
 * An invite link. Open communities: the link names the community. Closed ones: the owner delegates a capability
 * ({@link INVITE_ACTIONS}) to the invitee's DID for 7 days and registers it; the link carries it.
 */
export async function createInvite(communityId: string, inviteeDid?: string): Promise<string> {
  const community = state.communities.find((c) => c.id === communityId);
  if (!community) throw new Error('Unknown community.');
  const base = `${location.origin}/#/join/${encodeURIComponent(communityId)}`;
  if (community.open || !inviteeDid) return base;
  const capability = delegateFromRoot(me(), {
    parentCapabilityId: community.rootCapabilityId,
    controller: inviteeDid,
    target: communityTarget(communityId),
    actions: INVITE_ACTIONS,
    expires: new Date(Date.now() + 7 * 24 * 3600_000),
  });
  await requireHub().call<string>('RegisterCapability', communityId, JSON.stringify(capability));
  return `${base}/${toBase64Url(utf8(JSON.stringify(capability)))}`;
}

/** Joins from an invite link's parts. */
export async function joinCommunity(communityId: string, encodedCapability?: string): Promise<void> {
  const hub = requireHub();
  const target = communityTarget(communityId);
  const capability = encodedCapability
    ? (JSON.parse(fromUtf8(fromBase64Url(encodedCapability))) as Record<string, unknown>)
    : rootCapabilityId(target);
  const member = await hub.call<MemberInfo>('Join', communityId, invoke(me(), { capability, action: 'Join', target }), null);
  remember(communityId, member.capabilityId ?? (typeof capability === 'string' ? capability : String(capability.id)));
  await loadCommunities();
  setState({ view: 'community', currentCommunity: communityId });
}

/** Loads the member list of a community and brings its channel groups in line with it (add joiners, drop leavers). */
export async function loadMembers(communityId: string): Promise<void> {
  const hub = currentHub();
  if (!hub) return;
  try {
    const members = await hub.call<MemberInfo[]>('GetMembers', communityId);
    setState('members', communityId, members);
    const community = state.communities.find((c) => c.id === communityId);
    if (community) void reconcileCommunity(community, members);
    // Presence: the current state now, then `presence` events for changes.
    for (const m of members) {
      void hub.call('WatchPresence', m.did).catch(() => undefined);
      void hub.call<{ online: boolean }>('GetPresence', m.did).then((p) => setState('presence', m.did, p.online)).catch(() => undefined);
    }
  } catch (e) {
    notify('error', describeError(e));
  }
}

/**
 * Kicks or bans a member (owner: invoked on the root capability), then removes the member's leaves from every channel
 * group of the community at once, so they cannot read anything written afterwards.
 */
export async function removeMember(communityId: string, did: string, how: 'Kick' | 'Ban'): Promise<void> {
  const community = state.communities.find((c) => c.id === communityId);
  if (!community) return;
  await requireHub().call(how, communityId, did,
    invoke(me(), { capability: community.rootCapabilityId, action: how, target: communityTarget(communityId), members: { member: did } }));
  setState('members', communityId, (list = []) => list.filter((m) => m.did !== did));
  await removeFromAllGroups(community, did);
}
