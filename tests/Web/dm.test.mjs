import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, onlineUser, sendWhenInGroup, shot } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('direct messages: one browser opens a DM with a DID, the other finds it and both read each other', async () => {
  const alice = await onlineUser(browser, 'alice dm passphrase');
  const bob = await onlineUser(browser, 'bob dm passphrase');

  // Alice starts the DM from Bob's DID: a dm-… community, a capability delegated to Bob, the MLS group with Bob.
  await alice.page.getByTestId('open-dms').click();
  await alice.page.getByTestId('new-dm').click();
  await alice.page.getByTestId('dm-peer').fill('did:key:not-a-did');
  await alice.page.getByTestId('dm-start').click();
  await alice.page.getByRole('alert').getByText('not a Harmony DID').waitFor();
  await alice.page.getByTestId('dm-peer').fill(bob.did);
  await alice.page.getByTestId('dm-start').click();
  await alice.page.getByTestId('dm-item').waitFor();
  await sendWhenInGroup(alice.page, 'hi bob, this is **private**');
  // The DM is not a community: the rail shows no new community.
  assert.equal(await alice.page.locator('.rail-item[title="Direct message"]').count(), 0);

  // Bob's client finds it (GetDirectMessages), joins the group from the Welcome and reads the message.
  await bob.page.getByTestId('open-dms').click();
  await bob.page.getByTestId('dm-item').waitFor({ timeout: 30_000 });
  assert.equal(await bob.page.getByTestId('dm-item').getAttribute('title'), alice.did);
  await bob.page.getByTestId('dm-item').click();
  await bob.page.locator('.main [data-testid="message"]', { hasText: 'hi bob, this is private' }).waitFor();
  assert.equal(await bob.page.locator('.main [data-testid="message"] strong', { hasText: 'private' }).count(), 1);
  await sendWhenInGroup(bob.page, 'hello alice, got it');
  await alice.page.locator('.main [data-testid="message"]', { hasText: 'hello alice, got it' }).waitFor();
  assert.equal(await alice.page.getByTestId('decrypt-failed').count(), 0);
  assert.equal(await bob.page.getByTestId('decrypt-failed').count(), 0);
  await shot(bob.page, '08-dm');

  // Opening the DM again from the same DID reuses the conversation.
  await alice.page.getByTestId('new-dm').click();
  await alice.page.getByTestId('dm-peer').fill(bob.did);
  await alice.page.getByTestId('dm-start').click();
  await alice.page.locator('.main [data-testid="message"]', { hasText: 'hello alice, got it' }).waitFor();
  assert.equal(await alice.page.getByTestId('dm-item').count(), 1);
  assert.deepEqual([...alice.page.errors, ...bob.page.errors], []);
  await alice.context.close();
  await bob.context.close();
});
