import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePhrase } from '../src/crypto/mnemonic';
import { identityFromPhrase } from '../src/crypto/identity';
import { decryptKeystore, DEFAULT_KEYSTORE_OPTIONS, encryptKeystore } from '../src/crypto/keystore';
import { harmony } from './cli';

// Cross-language: the .NET `harmony` CLI (Harmony.Core) and this client derive the same DID from the same phrase
// and open each other's keystores.
describe('interop with the harmony CLI (Harmony.Core)', () => {
  it('the same phrase gives the same DID; TS opens the CLI keystore and the CLI opens the TS keystore', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harmony-web-'));
    try {
      const phrase = generatePhrase();
      const env = { HARMONY_TEST_PASS: 'interop pass' };
      const restored = harmony(['keys', 'restore', '--keystore', join(dir, 'cli.json'), '--passphrase-env', 'HARMONY_TEST_PASS'], phrase, env);
      expect(restored.stderr + restored.code).toBe('0');
      const cliDid = (JSON.parse(restored.stdout) as { did: string }).did;
      const identity = identityFromPhrase(phrase);
      expect(cliDid).toBe(identity.did);

      const cliKeystore: unknown = JSON.parse(readFileSync(join(dir, 'cli.json'), 'utf8'));
      expect(await decryptKeystore(cliKeystore, 'interop pass')).toBe(phrase);

      writeFileSync(join(dir, 'web.json'), JSON.stringify(await encryptKeystore(phrase, 'web pass', { ...DEFAULT_KEYSTORE_OPTIONS, memoryKiB: 1024, iterations: 2 })));
      const shown = harmony(['keys', 'show', '--keystore', join(dir, 'web.json'), '--passphrase-env', 'HARMONY_TEST_PASS'], '', { HARMONY_TEST_PASS: 'web pass' });
      expect(shown.stderr + shown.code).toBe('0');
      expect(JSON.parse(shown.stdout)).toEqual({ did: identity.did, keyAgreement: identity.keyAgreementKeyId });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a 12-word phrase (the vector phrase) gives the same DID in both', () => {
    const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    const dir = mkdtempSync(join(tmpdir(), 'harmony-web-'));
    try {
      const r = harmony(['keys', 'restore', '--keystore', join(dir, 'k.json'), '--passphrase-env', 'P'], phrase, { P: 'x' });
      expect(r.stderr + r.code).toBe('0');
      expect((JSON.parse(r.stdout) as { did: string }).did).toBe(identityFromPhrase(phrase).did);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
