// Runs against a node with a small per-connection hub budget (BrowserTests starts it with
// Harmony:Gateway:ConnectionRate = 20 calls, 2 per second).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCommunity, launch, mainMessage, onlineUser, shot } from '../browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('rate limited: a burst of messages is refused with the retry time shown, then delivered after it', async () => {
  const alice = await onlineUser(browser, 'alice limited passphrase');
  await createCommunity(alice.page, 'Busy');
  const composer = alice.page.locator('.main').getByTestId('composer');
  await alice.page.locator('.main').getByText('No messages yet').waitFor();
  for (let i = 1; i <= 20; i++) {
    await composer.fill(`burst ${i}`);
    await composer.press('Enter');
  }
  const notice = alice.page.getByTestId('notice').getByText(/You are sending too fast\. Try again in \d+ s\./);
  await notice.waitFor();
  await shot(alice.page, '10-rate-limited');
  // Nothing is lost: the outbox retries after the time the server gave.
  await mainMessage(alice.page, 'burst 20').waitFor({ timeout: 90_000 });
  assert.equal(await alice.page.locator('.main [data-testid="message"]').count(), 20);
  assert.deepEqual(alice.page.errors, []);
  await alice.context.close();
});
