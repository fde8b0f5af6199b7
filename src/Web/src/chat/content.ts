import { fromUtf8, utf8 } from '../crypto/bytes';

/** What travels inside the MLS ciphertext: the text of a message or edit, or a reaction emoji. */
export interface Content {
  text?: string;
  emoji?: string;
}

export const encodeContent = (c: Content): Uint8Array => utf8(JSON.stringify(c));

export function decodeContent(bytes: Uint8Array): Content {
  const o = JSON.parse(fromUtf8(bytes)) as unknown;
  if (typeof o !== 'object' || o === null) throw new Error('content is not an object');
  const r = o as Record<string, unknown>;
  return { text: typeof r.text === 'string' ? r.text : undefined, emoji: typeof r.emoji === 'string' ? r.emoji : undefined } as Content;
}
