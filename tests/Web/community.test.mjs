import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pbkdf2Sync } from 'node:crypto';
import { createIdentity, launch, newPage, sendWhenInGroup, shot, shownDid } from './browser.mjs';

/** The Ed25519 seed of a phrase (docs/identity.md): the first 32 bytes of the BIP-39 seed, as hex. */
const ed25519SeedHex = (phrase) => pbkdf2Sync(phrase.normalize('NFKD'), 'mnemonic', 2048, 64, 'sha512').subarray(0, 32).toString('hex');

/** Every byte array in the `kv` store (MLS group states, KeyPackage private keys, decrypted content), as hex. */
const storedBytesHex = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('harmony');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const all = open.result.transaction('kv').objectStore('kv').getAll();
    all.onerror = () => reject(all.error);
    all.onsuccess = () => {
      const parts = [];
      const walk = (v) => {
        if (v instanceof Uint8Array) parts.push([...v].map((b) => b.toString(16).padStart(2, '0')).join(''));
        else if (v instanceof ArrayBuffer) walk(new Uint8Array(v));
        else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
      };
      walk(all.result);
      resolve(parts.join(' '));
    };
  };
}));

let browser;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('communities and chat: create, invite a second browser, join, MLS-encrypted messages both ways, reaction, edit, thread, delete, offline queue, history after reload', async () => {
  const alice = await newPage(browser);
  const alicePhrase = await createIdentity(alice.page, 'alice passphrase');
  await alice.page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ state: 'attached' });
  const bob = await newPage(browser);
  await createIdentity(bob.page, 'bob passphrase');
  await bob.page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ state: 'attached' });
  const bobDid = await shownDid(bob.page);

  await alice.page.getByTestId('add-community').click();
  await alice.page.getByTestId('community-name').fill('Book club');
  await alice.page.getByTestId('community-create').click();
  await alice.page.getByRole('button', { name: /general/ }).waitFor();
  // A closed community: the invite is a capability delegated to Bob's DID, carried in the link.
  await alice.page.getByTestId('invite').click();
  await alice.page.getByTestId('invitee-did').fill(bobDid);
  await alice.page.getByRole('button', { name: 'Create invite link' }).click();
  const link = await alice.page.getByTestId('invite-link').inputValue();
  assert.match(link, /#\/join\/[^/]+\/[A-Za-z0-9_-]+$/);
  await alice.page.keyboard.press('Escape');

  await bob.page.getByTestId('add-community').click();
  await bob.page.getByTestId('invite-link-input').fill(link);
  await bob.page.getByTestId('join').click();
  await bob.page.getByRole('button', { name: /general/ }).waitFor();
  await bob.page.getByText('Members — 2').waitFor();

  // Alice's client adds Bob to the channel's MLS group (Commit + Welcome in the log) on the `membership` event;
  // until then a send is refused with the reason, never sent in plaintext.
  await sendWhenInGroup(bob.page, 'hello **alice**');
  await alice.page.locator('[data-testid="message"]', { hasText: 'hello alice' }).waitFor();
  assert.equal(await alice.page.locator('[data-testid="message"] strong', { hasText: 'alice' }).count() >= 1, true);
  await alice.page.getByTestId('composer').fill('hi bob');
  await alice.page.getByTestId('send').click();
  await bob.page.locator('[data-testid="message"]', { hasText: 'hi bob' }).waitFor();

  // Reaction, edit and delete, seen by the other side.
  const bobsView = bob.page.locator('[data-testid="message"]', { hasText: 'hi bob' });
  await bobsView.hover();
  await bobsView.getByRole('button', { name: 'React 👍' }).click();
  await alice.page.locator('[data-testid="message"]', { hasText: 'hi bob' }).getByRole('button', { name: /👍 1/ }).waitFor();
  const alicesOwn = alice.page.locator('[data-testid="message"]', { hasText: 'hi bob' });
  await alicesOwn.hover();
  await alicesOwn.getByRole('button', { name: 'Edit' }).click();
  await alice.page.getByTestId('composer').fill('hi bob, edited');
  await alice.page.getByTestId('send').click();
  await bob.page.locator('[data-testid="message"]', { hasText: 'hi bob, edited' }).getByText('edited', { exact: true }).waitFor();
  // A thread on Alice's message: Bob replies in it, Alice opens it and reads the reply.
  const root = bob.page.locator('.main [data-testid="message"]', { hasText: 'hi bob, edited' });
  await root.hover();
  await root.getByRole('button', { name: 'Thread' }).click();
  const bobsThread = bob.page.getByTestId('thread-pane');
  await bobsThread.getByTestId('composer').fill('a reply in the thread');
  await bobsThread.getByTestId('send').click();
  await bobsThread.locator('[data-testid="message"]', { hasText: 'a reply in the thread' }).waitFor();
  const aliceRoot = alice.page.locator('.main [data-testid="message"]', { hasText: 'hi bob, edited' });
  await aliceRoot.hover();
  await aliceRoot.getByRole('button', { name: 'Thread' }).click();
  await alice.page.getByTestId('thread-pane').locator('[data-testid="message"]', { hasText: 'a reply in the thread' }).waitFor();

  const bobsOwn = bob.page.locator('.main [data-testid="message"]', { hasText: 'hello alice' });
  await bobsOwn.hover();
  await bobsOwn.getByRole('button', { name: 'Delete' }).click();
  await alice.page.getByText('Message deleted').waitFor();
  await bob.page.mouse.move(5, 5);
  await shot(bob.page, '07-community');

  // Offline: a message is encrypted and queued, the banner says so, and it is delivered after reconnecting.
  await alice.context.setOffline(true);
  await alice.page.getByTestId('connection').waitFor();
  await alice.page.getByTestId('composer').first().fill('sent while offline');
  await alice.page.getByTestId('send').first().click();
  await alice.page.getByTestId('connection').getByText('1 message(s) queued').waitFor();
  await alice.context.setOffline(false);
  await bob.page.locator('.main [data-testid="message"]', { hasText: 'sent while offline' }).waitFor();

  await alice.page.reload();
  await alice.page.getByTestId('passphrase').fill('alice passphrase');
  await alice.page.getByTestId('passphrase-submit').click();
  await alice.page.getByRole('button', { name: /general/ }).waitFor();
  await alice.page.getByText('Members — 2').waitFor();
  // History survives the reload (decrypted content is kept on the device; MLS keys are used once).
  await alice.page.locator('[data-testid="message"]', { hasText: 'hi bob, edited' }).waitFor();
  // MLS signs with the DID key, yet the stored group states hold only a marker in its place, never the key.
  const stored = await storedBytesHex(alice.page);
  assert.ok(stored.includes(Buffer.from('harmony.did-key.v1').toString('hex')), 'group states are stored');
  assert.equal(stored.includes(ed25519SeedHex(alicePhrase)), false, 'the identity key is not in IndexedDB');
  await alice.context.close();
  await bob.context.close();
});
