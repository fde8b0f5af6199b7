import { identityFromPhrase, type Identity } from '../crypto/identity';
import { login, type Session } from '../net/auth';
import { Hub } from '../net/hub';
import { describeError, ServerError } from '../net/errors';
import { setState, state } from './state';
import { onEnvelopeEvent, onPresence, onTyping, resyncWatched } from './chat';
import { flushOutbox } from './sending';
import { loadCommunities } from './communities';
import { ensureKeyPackages, onMembership } from './mlsMembership';
import { loadDirectMessages } from './directMessages';
import { useMlsSigner } from '../mls/signer';
import { clearGroupCache } from '../mls/groups';

let identity: Identity | undefined;
let session: Session | undefined;
let hub: Hub | undefined;
let retry: ReturnType<typeof setTimeout> | undefined;
let housekeeping: ReturnType<typeof setInterval> | undefined;
/** New DMs opened by others and KeyPackages claimed by others are noticed this often (no event exists for them). */
const HOUSEKEEPING_MS = 5000;

/** The unlocked identity (throws when locked). */
export function me(): Identity {
  if (!identity) throw new Error('locked');
  return identity;
}

/** The hub when connected, else undefined (callers queue or show the offline state). */
export const currentHub = (): Hub | undefined => (hub?.online ? hub : undefined);

async function token(): Promise<string> {
  if (!session || Date.parse(session.expiresAt) - Date.now() < 60_000) session = await login(me());
  return session.token;
}

/** Unlocks with a decrypted phrase and connects. */
export async function start(phrase: string): Promise<void> {
  identity = identityFromPhrase(phrase);
  useMlsSigner(identity);
  setState({ did: identity.did, phase: 'ready', displayName: localStorage.getItem('harmony.displayName') ?? '' });
  await connect();
}

/** Logs in and opens the hub; on failure shows why and retries with backoff. */
export async function connect(attempt = 0): Promise<void> {
  clearTimeout(retry);
  setState({ connection: 'connecting', connectionDetail: undefined });
  try {
    await token();
    hub = new Hub('', token, {
      envelope: (e) => void onEnvelopeEvent(e),
      typing: onTyping,
      presence: onPresence,
      membership: onMembership,
      state: (s) => {
        setState('connection', s === 'offline' ? 'offline' : s);
        if (s === 'online') void afterConnect();
        if (s === 'offline') scheduleRetry(0);
      },
    });
    await hub.start();
    setState('connection', 'online');
    await afterConnect();
  } catch (e) {
    hub = undefined;
    const unavailable = e instanceof ServerError && e.code === 'NotSupported';
    setState({ connection: unavailable ? 'unavailable' : 'offline', connectionDetail: describeError(e) });
    scheduleRetry(attempt + 1);
  }
}

function scheduleRetry(attempt: number): void {
  if (!identity) return;
  const delay = Math.min(30_000, 2_000 * 2 ** Math.min(attempt, 4));
  retry = setTimeout(() => void connect(attempt), delay);
}

async function afterConnect(): Promise<void> {
  await ensureKeyPackages();
  await loadDirectMessages();
  await loadCommunities();
  await resyncWatched();
  await flushOutbox();
  clearInterval(housekeeping);
  housekeeping = setInterval(() => {
    if (!isOnline()) return;
    void loadDirectMessages();
    void ensureKeyPackages();
  }, HOUSEKEEPING_MS);
}

/** Locks: forgets keys and the session, closes the connection. */
export async function lock(): Promise<void> {
  clearTimeout(retry);
  clearInterval(housekeeping);
  await hub?.stop().catch(() => undefined);
  identity?.dispose();
  identity = undefined;
  useMlsSigner(undefined);
  clearGroupCache();
  session = undefined;
  hub = undefined;
  setState({ phase: 'locked', connection: 'offline', communities: [], dms: [], messages: {} });
}

export const isOnline = (): boolean => state.connection === 'online' && hub?.online === true;
