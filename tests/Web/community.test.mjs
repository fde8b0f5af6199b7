import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, createIdentity, launch, newPage, shot } from './browser.mjs';

let browser;
let hasGateway;
before(async () => {
  browser = await launch();
  // The gateway (login + hub, docs/protocol.md §4) may not be part of the node yet; the test then checks the
  // client's "unavailable" state instead of the server flows.
  const res = await fetch(`${baseUrl}/api/auth/challenge`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  hasGateway = res.status !== 404 && res.status !== 405;
});
after(async () => {
  await browser?.close();
});

test('communities: create, invite a second browser, join, members, no plaintext fallback when MLS is unavailable', async () => {
  const alice = await newPage(browser);
  await createIdentity(alice.page, 'alice passphrase');
  if (!hasGateway) {
    await alice.page.getByTestId('connection').getByText('does not offer chat yet').waitFor();
    await alice.page.getByTestId('add-community').click();
    await alice.page.getByTestId('community-name').fill('Offline club');
    await alice.page.getByTestId('community-create').click();
    await alice.page.getByRole('alert').getByText(/offline/i).waitFor();
    await alice.context.close();
    return;
  }
  await alice.page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ state: 'attached' });
  await alice.page.getByTestId('add-community').click();
  await alice.page.getByTestId('community-name').fill('Book club');
  await alice.page.getByLabel('Anyone with the link can join').check();
  await alice.page.getByTestId('community-create').click();
  await alice.page.getByRole('button', { name: /general/ }).waitFor();
  await alice.page.getByTestId('invite').click();
  await alice.page.getByRole('button', { name: 'Create invite link' }).click();
  const link = await alice.page.getByTestId('invite-link').inputValue();
  assert.match(link, /#\/join\//);
  await alice.page.keyboard.press('Escape');

  const bob = await newPage(browser);
  await createIdentity(bob.page, 'bob passphrase');
  await bob.page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ state: 'attached' });
  await bob.page.getByTestId('add-community').click();
  await bob.page.getByTestId('invite-link-input').fill(link);
  await bob.page.getByTestId('join').click();
  await bob.page.getByRole('button', { name: /general/ }).waitFor();
  await bob.page.getByText('Members — 2').waitFor();

  await bob.page.getByTestId('composer').fill('hello **alice**');
  await bob.page.getByTestId('send').click();
  await bob.page.getByTestId('notice').getByText(/Not sent: .*MLS/).waitFor();
  await shot(bob.page, '07-community');

  await alice.page.reload();
  await alice.page.getByTestId('passphrase').fill('alice passphrase');
  await alice.page.getByTestId('passphrase-submit').click();
  await alice.page.getByRole('button', { name: /general/ }).waitFor();
  await alice.page.getByText('Members — 2').waitFor();
  await alice.context.close();
  await bob.context.close();
});
