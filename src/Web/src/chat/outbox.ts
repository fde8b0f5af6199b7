import { dbDelete, dbEntries, dbPut } from '../storage/db';

/** A signed envelope waiting to be sent (kept in IndexedDB so it survives reloads while offline). */
export interface QueuedEnvelope {
  id: string;
  channelId: string;
  bytes: Uint8Array;
  capabilityId: string;
  queuedAt: number;
}

export const enqueue = (e: QueuedEnvelope): Promise<void> => dbPut('outbox', `${e.queuedAt.toString().padStart(15, '0')}:${e.id}`, e);

export async function queued(): Promise<[string, QueuedEnvelope][]> {
  return dbEntries<QueuedEnvelope>('outbox');
}

export const dequeue = (key: string): Promise<void> => dbDelete('outbox', key);
