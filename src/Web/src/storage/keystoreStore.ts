import { decryptKeystore, encryptKeystore, type KeystoreJson } from '../crypto/keystore';
import { dbDelete, dbGet, dbPut } from './db';

/** The stored identity: its DID (public, shown on the lock screen) and the encrypted keystore. */
export interface StoredIdentity {
  readonly did: string;
  readonly keystore: KeystoreJson;
  readonly createdAt: number;
}

const KEY = 'identity';

/** Encrypts the phrase under the passphrase and stores only the ciphertext. */
export async function saveIdentity(did: string, phrase: string, passphrase: string): Promise<StoredIdentity> {
  const stored: StoredIdentity = { did, keystore: await encryptKeystore(phrase, passphrase), createdAt: Date.now() };
  await dbPut('keystore', KEY, stored);
  return stored;
}

/** The stored identity, if any. */
export const loadStoredIdentity = (): Promise<StoredIdentity | undefined> => dbGet<StoredIdentity>('keystore', KEY);

/** Decrypts the stored phrase (throws HarmonyError('keystore.passphrase') on a wrong passphrase). */
export async function unlockPhrase(stored: StoredIdentity, passphrase: string): Promise<string> {
  return decryptKeystore(stored.keystore, passphrase);
}

/** Removes the identity from this browser. */
export const forgetIdentity = (): Promise<void> => dbDelete('keystore', KEY);
