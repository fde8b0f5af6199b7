import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCommunity, inviteAndJoin, launch, mainMessage, onlineUser, sendWhenInGroup, shot } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('membership: a member other than the owner adds a later joiner; a kicked member cannot decrypt what follows; DM from the member list', async () => {
  const alice = await onlineUser(browser, 'alice mod passphrase');
  const bob = await onlineUser(browser, 'bob mod passphrase');
  const carol = await onlineUser(browser, 'carol mod passphrase');

  await createCommunity(alice.page, 'Garden');
  await inviteAndJoin(alice.page, bob.page);
  await sendWhenInGroup(bob.page, 'bob is in');
  await mainMessage(alice.page, 'bob is in').waitFor();

  // Alice goes offline: Carol joins and Bob's client (not the owner's) adds her to #general's group.
  const carolsLink = await (async () => {
    await alice.page.getByTestId('invite').click();
    await alice.page.getByTestId('invitee-did').fill(carol.did);
    await alice.page.getByRole('button', { name: 'Create invite link' }).click();
    const link = await alice.page.getByTestId('invite-link').inputValue();
    await alice.page.keyboard.press('Escape');
    return link;
  })();
  await alice.context.setOffline(true);
  await alice.page.getByTestId('connection').waitFor();
  await carol.page.getByTestId('add-community').click();
  await carol.page.getByTestId('invite-link-input').fill(carolsLink);
  await carol.page.getByTestId('join').click();
  await carol.page.getByRole('button', { name: /general/ }).waitFor();
  await sendWhenInGroup(carol.page, 'carol was added by bob');
  await mainMessage(bob.page, 'carol was added by bob').waitFor();
  await alice.context.setOffline(false);
  await mainMessage(alice.page, 'carol was added by bob').waitFor();
  await alice.page.getByText('Members — 3').waitFor();

  // Alice kicks Carol: Carol's leaf leaves the group at once; what Alice writes next is unreadable for Carol.
  const carolsRow = alice.page.locator(`[data-testid="member"][data-did="${carol.did}"]`);
  await carolsRow.hover();
  await carolsRow.getByRole('button', { name: /^Kick/ }).click();
  await alice.page.getByText('Members — 2').waitFor();
  await carol.page.getByTestId('notice').getByText('You were removed from Garden').waitFor();
  await alice.page.locator('.main').getByTestId('composer').fill('after the kick');
  await alice.page.locator('.main').getByTestId('send').click();
  await mainMessage(bob.page, 'after the kick').waitFor();
  const carolsCopy = carol.page.locator('.main [data-testid="message"]').last().getByTestId('decrypt-failed');
  await carolsCopy.waitFor();
  assert.match(await carolsCopy.textContent(), /Could not decrypt/);
  assert.equal(await mainMessage(carol.page, 'after the kick').count(), 0);
  // Carol cannot write to the channel's group either.
  await carol.page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  await carol.page.locator('.main').getByTestId('composer').fill('still here?');
  await carol.page.locator('.main').getByTestId('send').click();
  await carol.page.getByTestId('notice').getByText(/removed from this channel's encryption group/).waitFor();
  await shot(carol.page, '09-kicked');

  // A DM from the member list: Bob messages Alice.
  const alicesRow = bob.page.locator(`[data-testid="member"][data-did="${alice.did}"]`);
  await alicesRow.hover();
  await alicesRow.getByRole('button', { name: /^Message/ }).click();
  await bob.page.getByTestId('dm-item').waitFor();
  await sendWhenInGroup(bob.page, 'a word in private');
  await alice.page.getByTestId('open-dms').click();
  await alice.page.getByTestId('dm-item').click({ timeout: 30_000 });
  await mainMessage(alice.page, 'a word in private').waitFor();
  assert.deepEqual([...alice.page.errors, ...bob.page.errors, ...carol.page.errors], []);
  for (const u of [alice, bob, carol]) await u.context.close();
});
