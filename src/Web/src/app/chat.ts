import { decodeEnvelope, EnvelopeKind, verifyEnvelope, type SignedEnvelope } from '../crypto/envelope';
import { HarmonyError } from '../crypto/errors';
import { mlsCipher } from '../chat/cipher';
import { decodeContent, type Content } from '../chat/content';
import { cacheContent, cachedContent } from '../chat/plaintextCache';
import { applyHandshake } from '../mls/groups';
import { serial } from './channelQueue';
import { describeError, ServerError } from '../net/errors';
import type { EnvelopeEvent, PresenceEvent, TypingEvent } from '../net/hub';
import { channelCapability } from './communities';
import { observeLamport } from './lamport';
import { currentHub } from './session';
import { notify, setState, state } from './state';
import type { ChatMessage, LogPage } from './types';

const lastSeq: Record<string, number> = {};
const watched = new Set<string>();
const PAGE = 100;

/** Hub bytes arrive as base64 (JSON protocol) or Uint8Array (MessagePack). */
const toBytes = (b: string | Uint8Array): Uint8Array =>
  typeof b === 'string' ? Uint8Array.from(atob(b), (c) => c.charCodeAt(0)) : b;

export const communityOf = (channelId: string): string | undefined =>
  state.communities.find((c) => c.channels.some((ch) => ch.id === channelId.split('/thread/')[0]))?.id;

/**
 * Handshakes seen while this device was not in the channel's group. A Commit by another member can be logged
 * between the Commit that added us and our Welcome; after joining, these are replayed so we reach the current epoch.
 */
const beforeJoin: Record<string, Uint8Array[]> = {};
const MAX_BUFFERED_HANDSHAKES = 64;

async function applyHandshakeEnvelope(channelId: string, ciphertext: Uint8Array): Promise<void> {
  let outcome;
  try {
    outcome = await applyHandshake(channelId, ciphertext);
  } catch (e) {
    notify('error', reason(e));
    return;
  }
  if (outcome === 'ignored') {
    const list = (beforeJoin[channelId] ??= []);
    list.push(ciphertext);
    if (list.length > MAX_BUFFERED_HANDSHAKES) list.shift();
  } else if (outcome === 'joined') {
    const replay = beforeJoin[channelId] ?? [];
    delete beforeJoin[channelId];
    for (const bytes of replay) await applyHandshake(channelId, bytes).catch(() => undefined);
  }
}

function order(a: ChatMessage, b: ChatMessage): number {
  if (a.lamport !== b.lamport) return a.lamport < b.lamport ? -1 : 1;
  if (a.author !== b.author) return a.author < b.author ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Why a ciphertext could not be read, for the "decryption failed" state. */
function reason(e: unknown): string {
  return e instanceof HarmonyError ? `${e.message} [${e.code}]` : String(e);
}

async function apply(channelId: string, seq: number, env: SignedEnvelope): Promise<void> {
  if (!verifyEnvelope(env)) {
    notify('error', `Dropped an envelope with a bad signature in this channel (${env.id.slice(0, 8)}).`);
    return;
  }
  observeLamport(env.lamport);
  if (env.kind === EnvelopeKind.Handshake) {
    if (env.author !== state.did) await applyHandshakeEnvelope(channelId, env.ciphertext);
    lastSeq[channelId] = Math.max(lastSeq[channelId] ?? 0, seq);
    return;
  }
  let content: Content | undefined = await cachedContent(env.id);
  let error: string | undefined;
  if (!content) {
    try {
      content = decodeContent(await mlsCipher.decrypt(channelId, env.ciphertext));
      await cacheContent(env.id, content);
    } catch (e) {
      error = reason(e);
    }
  }
  const text = content?.text;
  const emoji = content?.emoji;
  const list = [...(state.messages[channelId] ?? [])];
  const at = (id: string | undefined) => list.findIndex((m) => m.id === id);
  switch (env.kind) {
    case EnvelopeKind.Message: {
      const existing = at(env.id);
      const msg: ChatMessage = {
        id: env.id, seq, channelId, author: env.author, lamport: env.lamport, createdAtMs: Number(env.createdAtMs),
        text, error, replyTo: env.replyTo, thread: env.thread, edited: false, deleted: false, pinned: false, reactions: {}, pending: false,
      };
      if (existing >= 0) list[existing] = { ...list[existing]!, seq, pending: false };
      else list.push(msg);
      list.sort(order);
      break;
    }
    case EnvelopeKind.Edit: {
      const i = at(env.target);
      if (i >= 0 && list[i]!.author === env.author) list[i] = { ...list[i]!, text, error, edited: true };
      break;
    }
    case EnvelopeKind.Delete: {
      const i = at(env.target);
      if (i >= 0) list[i] = { ...list[i]!, deleted: true, text: undefined };
      break;
    }
    case EnvelopeKind.ReactionAdd:
    case EnvelopeKind.ReactionRemove: {
      const i = at(env.target);
      if (i >= 0 && emoji) {
        const who = new Set(list[i]!.reactions[emoji] ?? []);
        if (env.kind === EnvelopeKind.ReactionAdd) who.add(env.author);
        else who.delete(env.author);
        list[i] = { ...list[i]!, reactions: { ...list[i]!.reactions, [emoji]: [...who] } };
      }
      break;
    }
    case EnvelopeKind.Pin:
    case EnvelopeKind.Unpin: {
      const i = at(env.target);
      if (i >= 0) list[i] = { ...list[i]!, pinned: env.kind === EnvelopeKind.Pin };
      break;
    }
    default:
      break;
  }
  setState('messages', channelId, list);
  lastSeq[channelId] = Math.max(lastSeq[channelId] ?? 0, seq);
}

/** Reads the log after the last applied seq until caught up. */
export const sync = (channelId: string): Promise<void> => serial(channelId, () => syncNow(channelId));

/** {@link sync} for callers already running in the channel's queue. */
export async function syncNow(channelId: string): Promise<void> {
  const hub = currentHub();
  const cap = channelCapability(channelId);
  if (!hub || !cap) return;
  for (;;) {
    const page = await hub.call<LogPage>('Sync', channelId, lastSeq[channelId] ?? 0, PAGE, cap);
    for (const entry of page.entries) await apply(channelId, entry.seq, decodeEnvelope(toBytes(entry.envelope)));
    if (page.entries.length === 0 || (lastSeq[channelId] ?? 0) >= page.lastSeq) break;
  }
}

/** The channel id of the thread rooted at a message (docs/protocol.md §4.4 CreateThread). */
export const threadChannelId = (channelId: string, rootId: string): string => `${channelId}/thread/${rootId}`;

/** Starts (or reopens) the thread of a message and shows it beside the channel. */
export async function openThread(channelId: string, rootId: string): Promise<void> {
  const hub = currentHub();
  const cap = channelCapability(channelId);
  if (!hub || !cap) return;
  try {
    await hub.call('CreateThread', channelId, rootId, cap, null);
    setState('currentThread', { channelId: threadChannelId(channelId, rootId), rootId });
    await openChannel(threadChannelId(channelId, rootId), false);
  } catch (e) {
    notify('error', describeError(e));
  }
}

/** Starts receiving a channel's events and catches up. */
export async function openChannel(channelId: string, makeCurrent = true): Promise<void> {
  if (makeCurrent) setState('currentChannel', channelId);
  const hub = currentHub();
  const cap = channelCapability(channelId);
  if (!hub || !cap) return;
  try {
    if (!watched.has(channelId)) {
      await hub.call('Watch', channelId, cap);
      watched.add(channelId);
    }
    await sync(channelId);
  } catch (e) {
    notify('error', describeError(e));
  }
}

/** After a reconnect: watch again and sync every channel seen. */
export async function resyncWatched(): Promise<void> {
  const channels = [...watched];
  watched.clear();
  for (const c of channels) await openChannel(c, false);
  if (state.currentChannel && !channels.includes(state.currentChannel)) await openChannel(state.currentChannel);
}

export async function onEnvelopeEvent(e: EnvelopeEvent): Promise<void> {
  try {
    await serial(e.channelId, async () => {
      const expected = (lastSeq[e.channelId] ?? 0) + 1;
      if (e.seq > expected) await syncNow(e.channelId);
      else if (e.seq === expected) await apply(e.channelId, e.seq, decodeEnvelope(toBytes(e.envelope)));
    });
  } catch (err) {
    notify('error', describeError(err));
    if (err instanceof ServerError && err.retryAfterMs !== undefined) syncLater(e.channelId, err.retryAfterMs);
  }
}

const MAX_SYNC_RETRIES = 5;
const pendingSyncs = new Set<string>();

/**
 * Catches up a channel once the server allows it again (after RateLimited), so no logged entry stays unseen. One
 * pending retry per channel: retries must not multiply and eat the budget they wait for.
 */
export function syncLater(channelId: string, delayMs: number, attempt = 1): void {
  if (pendingSyncs.has(channelId)) return;
  pendingSyncs.add(channelId);
  setTimeout(() => {
    pendingSyncs.delete(channelId);
    sync(channelId).catch((e: unknown) => {
      if (e instanceof ServerError && e.retryAfterMs !== undefined && attempt < MAX_SYNC_RETRIES) syncLater(channelId, e.retryAfterMs, attempt + 1);
    });
  }, delayMs);
}

const typingTimers: Record<string, ReturnType<typeof setTimeout>> = {};
export function onTyping(e: TypingEvent): void {
  const key = `${e.channelId} ${e.did}`;
  setState('typing', e.channelId, (list = []) => (list.includes(e.did) ? list : [...list, e.did]));
  clearTimeout(typingTimers[key]);
  typingTimers[key] = setTimeout(() => setState('typing', e.channelId, (list = []) => list.filter((d) => d !== e.did)), 6000);
}

export function onPresence(e: PresenceEvent): void {
  setState('presence', e.did, e.online);
}

