import { base64urlnopad } from '@scure/base';

/** Byte helpers shared by the crypto modules. */
const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes of a string. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** Decodes UTF-8, throwing on invalid sequences. */
export const fromUtf8 = (bytes: Uint8Array): string => strictDecoder.decode(bytes);

/** Concatenates byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** base64url without padding (RFC 4648 §5), as used for ids and keystore fields. */
export const toBase64Url = (bytes: Uint8Array): string => base64urlnopad.encode(bytes);

/** Inverse of {@link toBase64Url}; throws on bad input. */
export const fromBase64Url = (text: string): Uint8Array => base64urlnopad.decode(text);

/** Lower-case hex. */
export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Parses lower- or upper-case hex. */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error('invalid hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Overwrites secret bytes once they are no longer needed. */
export function wipe(bytes: Uint8Array): void {
  bytes.fill(0);
}
