import { HarmonyError } from '../crypto/errors';

/** A server refusal (docs/protocol.md §3, §4.6): one code, a message and, for RateLimited/SlowMode, retryAfterMs. */
export class ServerError extends HarmonyError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(code, message);
    this.name = 'ServerError';
  }
}

/** Parses the error JSON of §4.6 from a hub or HTTP error text (the JSON starts at the first '{'). */
export function parseServerError(text: string): ServerError {
  const start = text.indexOf('{');
  if (start >= 0) {
    try {
      const o = JSON.parse(text.slice(start)) as { code?: unknown; message?: unknown; retryAfterMs?: unknown };
      if (typeof o.code === 'string')
        return new ServerError(o.code, typeof o.message === 'string' ? o.message : o.code, typeof o.retryAfterMs === 'number' ? o.retryAfterMs : undefined);
    } catch {
      // not JSON: an internal error, reported below
    }
  }
  return new ServerError('Internal', text || 'The server failed; try again later.');
}

/** A short sentence for people, per error code. */
export function describeError(e: unknown): string {
  if (e instanceof ServerError) {
    const wait = e.retryAfterMs !== undefined ? ` Try again in ${Math.ceil(e.retryAfterMs / 1000)} s.` : '';
    switch (e.code) {
      case 'RateLimited':
        return 'You are sending too fast.' + wait;
      case 'SlowMode':
        return 'Slow mode is on in this channel.' + wait;
      case 'Banned':
        return 'You are banned from this community.';
      case 'Unauthorized':
        return 'Your session is not valid any more; signing in again.';
      case 'CapabilityInvalid':
        return 'You do not have permission to do that.';
      case 'TooLarge':
        return 'That is too large for this server.';
      default:
        return `${e.message} (${e.code})`;
    }
  }
  if (e instanceof HarmonyError) return `${e.message} (${e.code})`;
  return e instanceof Error ? e.message : String(e);
}
