/**
 * The client's IndexedDB database. Stores: `keystore` (the encrypted keystore JSON, never a plaintext key),
 * `outbox` (signed envelopes waiting for the connection), `kv` (small settings: session, cursors, last read).
 */
export const DB_NAME = 'harmony';
const DB_VERSION = 1;
export type StoreName = 'keystore' | 'outbox' | 'kv';

let opened: Promise<IDBDatabase> | undefined;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens (and on first use creates) the database. */
export function openDb(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of ['keystore', 'outbox', 'kv'] as const) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
  return opened;
}

/** Forgets the cached connection (tests, or after deleting the database). */
export function closeDb(): void {
  void opened?.then((db) => db.close());
  opened = undefined;
}

/** Reads one value. */
export async function dbGet<T>(store: StoreName, key: string): Promise<T | undefined> {
  const db = await openDb();
  return (await request(db.transaction(store).objectStore(store).get(key))) as T | undefined;
}

/** Writes one value (structured clone). */
export async function dbPut(store: StoreName, key: string, value: unknown): Promise<void> {
  const db = await openDb();
  await request(db.transaction(store, 'readwrite').objectStore(store).put(value, key));
}

/** Deletes one value. */
export async function dbDelete(store: StoreName, key: string): Promise<void> {
  const db = await openDb();
  await request(db.transaction(store, 'readwrite').objectStore(store).delete(key));
}

/** All entries of a store, in key order. */
export async function dbEntries<T>(store: StoreName): Promise<[string, T][]> {
  const db = await openDb();
  const os = db.transaction(store).objectStore(store);
  const [keys, values] = await Promise.all([request(os.getAllKeys()), request(os.getAll())]);
  return keys.map((k, i) => [String(k), values[i] as T]);
}
