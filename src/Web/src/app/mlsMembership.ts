import { base64 } from '@scure/base';
import type { KeyPackage } from 'ts-mls';
import { applyPendingCommit, checkedKeyPackage, createChannelGroup, group, isActive, memberDids, newKeyPackages, prepareCommit } from '../mls/groups';
import { describeError, ServerError } from '../net/errors';
import { serial } from './channelQueue';
import { communityOf, syncNow } from './chat';
import { capabilityFor, loadMembers } from './communities';
import { sendHandshake } from './sending';
import { currentHub, me } from './session';
import { notify, state } from './state';
import type { CommunityInfo, MemberInfo, MembershipEvent } from './types';

const MIN_KEY_PACKAGES = 3;
const UPLOAD_BATCH = 5;
/** Commit attempts per change: each EpochMismatch means another member's Commit won; after processing it we retry. */
const MAX_COMMIT_ATTEMPTS = 6;
const EPOCH_RETRY_DELAY_MS = 250;
const toBytes = (b: string | Uint8Array): Uint8Array => (typeof b === 'string' ? base64.decode(b) : b);

/**
 * Keeps a few KeyPackages on the server so others can add this DID to channel groups, plus (once per device) a
 * last-resort package for when the pool runs dry.
 */
export async function ensureKeyPackages(): Promise<void> {
  const hub = currentHub();
  if (!hub) return;
  try {
    const lastResortKey = `harmony.mls.lastResort.${me().did}`;
    const needsLastResort = localStorage.getItem(lastResortKey) === null;
    if ((await hub.call<number>('CountKeyPackages')) >= MIN_KEY_PACKAGES && !needsLastResort) return;
    const packages = await newKeyPackages(UPLOAD_BATCH);
    const lastResort = needsLastResort ? (await newKeyPackages(1, true))[0]! : undefined;
    await hub.call<number>('UploadKeyPackages', packages.map((p) => base64.encode(p)), lastResort ? base64.encode(lastResort) : null);
    if (needsLastResort) localStorage.setItem(lastResortKey, '1');
  } catch (e) {
    notify('error', `Could not publish encryption keys: ${describeError(e)}`);
  }
}

/** A new channel starts as a one-member MLS group of its creator. */
export const startChannelGroup = (channelId: string): Promise<void> => createChannelGroup(channelId);

/** Who should be in a channel's group: DIDs to add when missing, DIDs whose leaves must go. */
export interface GroupTarget {
  add: readonly string[];
  remove: readonly string[];
}

/**
 * Brings one channel group to `target()` with at most one Commit (Adds and Removes together, Welcome after it),
 * sent as handshake envelopes. Runs in the channel's queue after catching up with the log. When another member's
 * Commit for the same epoch wins (EpochMismatch), nothing was applied here: sync, process the winner, and try again
 * only if the change is still needed. The group never forks.
 */
export function converge(channelId: string, capabilityId: string, target: (inGroup: readonly string[]) => GroupTarget): Promise<void> {
  return serial(channelId, async () => {
    const hub = currentHub();
    if (!hub) return;
    for (let attempt = 0; attempt < MAX_COMMIT_ATTEMPTS; attempt++) {
      await syncNow(channelId);
      const current = await group(channelId);
      if (!current || !isActive(current)) return;
      const dids = memberDids(current);
      const inGroup = new Set(dids);
      const wanted = target(dids);
      const toAdd = wanted.add.filter((d) => !inGroup.has(d) && d !== me().did);
      const toRemove = wanted.remove.filter((d) => inGroup.has(d) && d !== me().did);
      if (toAdd.length === 0 && toRemove.length === 0) return;
      const packages: KeyPackage[] = [];
      for (const did of toAdd) {
        const claim = await hub.call<{ keyPackage: string | Uint8Array } | null>('ClaimKeyPackage', did);
        if (!claim) continue; // no KeyPackage yet: added when they next come online
        try {
          packages.push(checkedKeyPackage(toBytes(claim.keyPackage), did));
        } catch (e) {
          notify('error', describeError(e));
        }
      }
      const pending = await prepareCommit(channelId, packages, toRemove);
      if (!pending) return;
      try {
        await sendHandshake(channelId, pending.commit, capabilityId);
      } catch (e) {
        if (e instanceof ServerError && e.code === 'EpochMismatch') {
          // The winning Commit may not be durable (readable) yet: give it a moment before catching up.
          await new Promise((resolve) => setTimeout(resolve, EPOCH_RETRY_DELAY_MS * (attempt + 1)));
          continue;
        }
        throw e;
      }
      await applyPendingCommit(channelId, pending);
      if (pending.welcome) await sendHandshake(channelId, pending.welcome, capabilityId);
      return;
    }
  });
}

const jitter = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 2000));

/**
 * Makes every channel group of a community this device is in match the roster: members missing from a group are
 * added, leaves of DIDs no longer in the roster are removed. Every member does this; the owner at once, others
 * after a short random delay, so usually one Commit is enough.
 */
export async function reconcileCommunity(community: CommunityInfo, members: MemberInfo[]): Promise<void> {
  const capabilityId = capabilityFor(community.id);
  if (!capabilityId) return;
  const roster = new Set(members.map((m) => m.did));
  if (!roster.has(me().did)) return;
  if (community.owner !== me().did) await jitter();
  for (const channel of community.channels) {
    const current = await group(channel.id);
    if (!current || !isActive(current)) continue;
    try {
      await converge(channel.id, capabilityId, (inGroup) => ({ add: [...roster], remove: inGroup.filter((d) => !roster.has(d)) }));
    } catch (e) {
      notify('error', `Could not update the encryption group of #${channel.name}: ${describeError(e)}`);
    }
  }
}

/** After a kick or ban: removes the member's leaves from every channel group of the community now. */
export async function removeFromAllGroups(community: CommunityInfo, did: string): Promise<void> {
  const capabilityId = capabilityFor(community.id);
  if (!capabilityId) return;
  for (const channel of community.channels) {
    try {
      await converge(channel.id, capabilityId, () => ({ add: [], remove: [did] }));
    } catch (e) {
      notify('error', `Could not remove the member from #${channel.name}'s encryption group: ${describeError(e)}`);
    }
  }
}

const pendingRoster = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * Hub event `membership`: a member joined or left one of the communities whose channels this connection watches.
 * The roster (reloaded once per burst: the event comes once per watched channel) drives the groups.
 */
export function onMembership(e: MembershipEvent): void {
  const communityId = communityOf(e.channelId);
  if (!communityId) return;
  if (e.did === state.did) {
    if (!e.joined) {
      const name = state.communities.find((c) => c.id === communityId)?.name ?? communityId;
      notify('error', `You were removed from ${name}. New messages there cannot be decrypted on this device.`);
    }
    return;
  }
  clearTimeout(pendingRoster.get(communityId));
  pendingRoster.set(communityId, setTimeout(() => {
    pendingRoster.delete(communityId);
    void loadMembers(communityId);
  }, 300));
}
