import { decrypt, encrypt } from '../mls/groups';

/**
 * Encrypts and decrypts channel content with the channel's MLS group (RFC 9420, src/mls). When the device is not in
 * the group the call fails with the reason: Harmony never falls back to plaintext.
 */
export interface ChannelCipher {
  encrypt(channelId: string, plaintext: Uint8Array): Promise<Uint8Array>;
  decrypt(channelId: string, ciphertext: Uint8Array): Promise<Uint8Array>;
}

export const mlsCipher: ChannelCipher = { encrypt, decrypt };
