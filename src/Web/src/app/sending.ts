import { base64 } from '@scure/base';
import { encodeEnvelope, EnvelopeKind, signEnvelope } from '../crypto/envelope';
import { mlsCipher } from '../chat/cipher';
import { encodeContent, type Content } from '../chat/content';
import { dequeue, enqueue, queued } from '../chat/outbox';
import { cacheContent } from '../chat/plaintextCache';
import { describeError, ServerError } from '../net/errors';
import { serial } from './channelQueue';
import { channelCapability } from './communities';
import { sync, syncLater } from './chat';
import { tick } from './lamport';
import { currentHub, me } from './session';
import { notify, setState } from './state';

/** What the composer and message actions ask for. */
export interface Outgoing {
  channelId: string;
  kind: EnvelopeKind;
  content?: Content;
  target?: string;
  replyTo?: string;
  thread?: string;
}

/**
 * Encrypts (MLS), signs and sends an envelope; when offline it is kept in the IndexedDB outbox and sent on
 * reconnect (same bytes, same id: the server drops duplicates). Refusals are shown with their reason.
 */
export async function send(out: Outgoing): Promise<void> {
  const capabilityId = channelCapability(out.channelId);
  if (!capabilityId) {
    notify('error', 'You are not a member of this channel\'s community on this device.');
    return;
  }
  let ciphertext: Uint8Array;
  try {
    // No plaintext fallback: if the channel cannot be encrypted, nothing is sent.
    ciphertext = await serial(out.channelId, () => mlsCipher.encrypt(out.channelId, encodeContent(out.content ?? {})));
  } catch (e) {
    notify('error', `Not sent: ${describeError(e)}`);
    return;
  }
  await sendCiphertext(out, ciphertext, capabilityId);
}

const signed = (out: Outgoing, ciphertext: Uint8Array) =>
  signEnvelope(
    {
      channel: out.channelId, author: me().did, lamport: tick(), kind: out.kind, createdAtMs: BigInt(Date.now()),
      thread: out.thread, replyTo: out.replyTo, target: out.target, ciphertext,
    },
    me(),
  );

/**
 * Sends an MLS handshake (Commit or Welcome) at once, never through the outbox: a Commit is applied locally only
 * after the server logged it, and a refusal (EpochMismatch) reaches the caller, which resyncs and decides again.
 */
export async function sendHandshake(channelId: string, mlsMessage: Uint8Array, capabilityId: string): Promise<number> {
  const hub = currentHub();
  if (!hub) throw new ServerError('Offline', 'The server cannot be reached.');
  const envelope = signed({ channelId, kind: EnvelopeKind.Handshake }, mlsMessage);
  const result = await hub.call<{ seq: number }>('Send', toBase64(encodeEnvelope(envelope)), capabilityId, null);
  return result.seq;
}

/** Signs an envelope around ready content ciphertext, queues it and flushes the outbox. */
export async function sendCiphertext(out: Outgoing, ciphertext: Uint8Array, capabilityId: string): Promise<void> {
  const envelope = signed(out, ciphertext);
  // A sender cannot decrypt its own MLS messages: keep what it wrote.
  if (out.content && out.kind !== EnvelopeKind.Handshake) await cacheContent(envelope.id, out.content);
  await enqueue({ id: envelope.id, channelId: out.channelId, bytes: encodeEnvelope(envelope), capabilityId, queuedAt: Date.now() });
  await flushOutbox();
}

const toBase64 = (bytes: Uint8Array): string => base64.encode(bytes);

let flushing = false;
/** Set when envelopes were queued during a flush: they were not in its snapshot, so the flush runs again. */
let queuedWhileFlushing = false;

/** Sends queued envelopes in order; stops at the first transient failure and keeps the rest. */
export async function flushOutbox(): Promise<void> {
  if (flushing) {
    queuedWhileFlushing = true;
    return;
  }
  flushing = true;
  try {
    let stopped = false;
    do {
      queuedWhileFlushing = false;
      stopped = await flushOnce();
    } while (queuedWhileFlushing && !stopped);
    setState('outboxCount', (await queued()).length);
  } finally {
    flushing = false;
  }
}

let retryTimer: ReturnType<typeof setTimeout> | undefined;

/** One pending retry of the outbox at a time. */
function flushLater(delayMs: number): void {
  if (retryTimer !== undefined) return;
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    void flushOutbox();
  }, delayMs);
}

/** One pass over the outbox; true when a transient failure (or no connection) stopped it. */
async function flushOnce(): Promise<boolean> {
  const items = await queued();
  setState('outboxCount', items.length);
  for (const [key, item] of items) {
    const hub = currentHub();
    if (!hub) return true;
    let sent = false;
    try {
      // byte[] arguments travel as standard base64 in SignalR's JSON protocol (docs/protocol.md §4).
      await hub.call('Send', toBase64(item.bytes), item.capabilityId, null);
      sent = true;
      await dequeue(key);
      await sync(item.channelId);
    } catch (e) {
      if (e instanceof ServerError && ['RateLimited', 'SlowMode', 'Offline', 'Internal'].includes(e.code)) {
        notify('error', describeError(e));
        if (e.retryAfterMs !== undefined) {
          flushLater(e.retryAfterMs);
          // The Send went through and the Sync after it was refused: catch the channel up later. (Not when the Send
          // was refused: a Sync racing the retried Send for the next token would starve it.)
          if (sent) syncLater(item.channelId, e.retryAfterMs);
        }
        return true;
      }
      // A permanent refusal: drop it and say why.
      await dequeue(key);
      notify('error', `Not sent: ${describeError(e)}`);
    }
  }
  return false;
}

/** Typing signal (ephemeral). */
export async function sendTyping(channelId: string): Promise<void> {
  const cap = channelCapability(channelId);
  const hub = currentHub();
  if (hub && cap) await hub.call('Typing', channelId, cap).catch(() => undefined);
}
