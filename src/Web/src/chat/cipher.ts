import { HarmonyError } from '../crypto/errors';

/**
 * Encrypts and decrypts channel content with the channel's MLS group (RFC 9420). The MLS group state (ts-mls,
 * interoperating with Harmony.Core.Mls) is not wired into the web client yet, so both directions fail with a clear
 * reason: Harmony never falls back to plaintext.
 */
export interface ChannelCipher {
  encrypt(channelId: string, plaintext: Uint8Array): Promise<Uint8Array>;
  decrypt(channelId: string, ciphertext: Uint8Array): Promise<Uint8Array>;
}

const unavailable = (): HarmonyError =>
  new HarmonyError('mls.unavailable', 'This browser has no MLS group state for the channel yet (MLS is not available in the web client yet).');

/** The cipher of this build: refuses rather than sending or showing anything unencrypted. */
export const mlsCipher: ChannelCipher = {
  encrypt: () => Promise.reject(unavailable()),
  decrypt: () => Promise.reject(unavailable()),
};
