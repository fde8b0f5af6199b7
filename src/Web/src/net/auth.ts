import { toBase64Url, utf8 } from '../crypto/bytes';
import type { Identity } from '../crypto/identity';
import { parseServerError, ServerError } from './errors';

/** A session from POST /api/auth/session (docs/protocol.md §4.1–4.2). */
export interface Session {
  readonly token: string;
  readonly expiresAt: string;
  readonly did: string;
  readonly instance: string;
}

/** The message a client signs to log in: "harmony-auth-v1\n" origin "\n" did "\n" nonce. */
export const authMessage = (origin: string, did: string, nonce: string): Uint8Array =>
  utf8(`harmony-auth-v1\n${origin.toLowerCase()}\n${did}\n${nonce}`);

async function post<T>(base: string, path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new ServerError('Offline', 'The server cannot be reached.');
  }
  const text = await res.text();
  if (!res.ok) {
    if (res.status === 404 || res.status === 405) throw new ServerError('NotSupported', 'This server has no login endpoint yet.');
    throw parseServerError(text);
  }
  return JSON.parse(text) as T;
}

/** Challenge → signed response → session token. */
export async function login(identity: Identity, base = '', origin = location.origin): Promise<Session> {
  const { nonce } = await post<{ nonce: string }>(base, '/api/auth/challenge', { did: identity.did });
  const signature = toBase64Url(identity.sign(authMessage(origin, identity.did, nonce)));
  return post<Session>(base, '/api/auth/session', { did: identity.did, nonce, signature });
}
