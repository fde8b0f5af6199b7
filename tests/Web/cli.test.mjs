// A `harmony` CLI user (the .NET client SDK: Harmony.Core MLS) and a browser user (ts-mls) in one channel and in a DM.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseUrl, createCommunity, launch, mainMessage, onlineUser, sendWhenInGroup, shot } from './browser.mjs';

const cliDll = process.env.HARMONY_CLI_DLL
  ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'Cli', 'bin', 'Debug', 'net10.0', 'harmony.dll');

/** A CLI user: its own home folder, a random identity handed over in an environment variable, the node as server. */
async function cliUser() {
  const home = mkdtempSync(join(tmpdir(), 'harmony-web-cli-'));
  const env = { ...process.env, HARMONY_HOME: home, HARMONY_WEB_TEST_SEED: randomBytes(32).toString('hex') };
  const run = (args) => new Promise((resolve) => {
    execFile('dotnet', [cliDll, ...args], { env, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }));
  });
  const added = await run(['server', 'add', baseUrl, '--name', 'web-tests']);
  assert.equal(added.code, 0, added.stderr);
  const user = {
    home,
    /** `harmony <args> --json` with the key: the parsed JSON, or the failure. */
    async json(...args) {
      const r = await run([...args, '--json', '--seed-hex-env', 'HARMONY_WEB_TEST_SEED']);
      return { ...r, value: r.stdout.trim() ? JSON.parse(r.stdout) : undefined };
    },
    /** Retries a command until `accept(json)` holds (the CLI reaches MLS groups on connect): up to 90 s. */
    async until(accept, ...args) {
      const deadline = Date.now() + 90_000;
      for (;;) {
        const r = await user.json(...args);
        if (r.code === 0 && accept(r.value)) return r.value;
        if (Date.now() > deadline) throw new Error(`harmony ${args.join(' ')} never succeeded: exit ${r.code}\n${r.stdout}\n${r.stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
    },
  };
  user.did = (await user.until((v) => typeof v?.did === 'string', 'whoami')).did;
  return user;
}

let browser;
let cli;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (cli) rmSync(cli.home, { recursive: true, force: true });
});

test('CLI and browser: one channel read both ways, and a DM both ways', async () => {
  cli = await cliUser();
  const alice = await onlineUser(browser, 'alice cli passphrase');

  // The browser owns the community and invites the CLI user's DID; the CLI joins with the same link format.
  await createCommunity(alice.page, 'Interop');
  await alice.page.getByTestId('invite').click();
  await alice.page.getByTestId('invitee-did').fill(cli.did);
  await alice.page.getByRole('button', { name: 'Create invite link' }).click();
  const link = await alice.page.getByTestId('invite-link').inputValue();
  await alice.page.keyboard.press('Escape');
  const joined = await cli.json('community', 'join', link);
  assert.equal(joined.code, 0, joined.stdout + joined.stderr);
  await alice.page.getByText('Members — 2').waitFor();

  // The browser adds the CLI user to #general's group (membership event); the CLI joins from the Welcome and writes.
  await cli.until((v) => v?.id, 'send', 'Interop/#general', 'hello from the **cli**');
  await mainMessage(alice.page, 'hello from the cli').waitFor();
  await sendWhenInGroup(alice.page, 'hello cli, from the browser');
  const history = await cli.until((v) => Array.isArray(v) && v.some((m) => m.text === 'hello cli, from the browser'), 'history', 'Interop/#general');
  assert.ok(history.every((m) => m.decryptionError === null || m.decryptionError === undefined), JSON.stringify(history));

  // A DM opened by the CLI: the browser finds it, reads it and answers; the CLI reads the answer.
  await cli.until((v) => v?.id, 'dm', alice.did, 'a dm from the cli');
  await alice.page.getByTestId('open-dms').click();
  await alice.page.locator('[data-testid="dm-item"]', { hasText: cli.did.slice(0, 14) }).click({ timeout: 30_000 });
  await mainMessage(alice.page, 'a dm from the cli').waitFor();
  await sendWhenInGroup(alice.page, 'a dm reply from the browser');
  await cli.until((v) => Array.isArray(v) && v.some((m) => m.text === 'a dm reply from the browser'), 'dm', alice.did);
  await shot(alice.page, '12-cli-dm');
  assert.equal(await alice.page.getByTestId('decrypt-failed').count(), 0);
  assert.deepEqual(alice.page.errors, []);
  await alice.context.close();
});
