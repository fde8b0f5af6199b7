import { dbGet, dbPut } from '../storage/db';
import type { Content } from './content';

/**
 * Decrypted content by envelope id, kept on this device only (IndexedDB). MLS consumes each message key once and
 * a sender cannot decrypt its own messages, so history after a reload comes from here.
 */
export const cachedContent = (envelopeId: string): Promise<Content | undefined> => dbGet<Content>('kv', 'pt.' + envelopeId);

export const cacheContent = (envelopeId: string, content: Content): Promise<void> => dbPut('kv', 'pt.' + envelopeId, content);
