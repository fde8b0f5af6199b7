import { describe, expect, it } from 'vitest';
import { authMessage } from '../src/net/auth';
import { describeError, parseServerError } from '../src/net/errors';

describe('protocol §4 helpers', () => {
  it('the login message is "harmony-auth-v1\\n" origin "\\n" did "\\n" nonce, origin lower-cased', () => {
    expect(new TextDecoder().decode(authMessage('HTTP://127.0.0.1:5000', 'did:key:z6MkX', 'n0nce'))).toBe('harmony-auth-v1\nhttp://127.0.0.1:5000\ndid:key:z6MkX\nn0nce');
  });

  it('parses hub error JSON after a client prefix, with retryAfterMs', () => {
    const e = parseServerError('An unexpected error occurred invoking \'Send\' on the server. HubException: {"code":"SlowMode","message":"wait","retryAfterMs":2500}');
    expect(e.code).toBe('SlowMode');
    expect(e.retryAfterMs).toBe(2500);
    expect(describeError(e)).toBe('Slow mode is on in this channel. Try again in 3 s.');
    expect(describeError(parseServerError('{"code":"RateLimited","message":"x","retryAfterMs":1000}'))).toBe('You are sending too fast. Try again in 1 s.');
  });

  it('a non-JSON error is an internal error', () => {
    expect(parseServerError('boom').code).toBe('Internal');
  });
});
