import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCommunity, launch, mainMessage, onlineUser, shot } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('slow mode: a second message within the interval is refused with the time to wait, and sent after it', async () => {
  const alice = await onlineUser(browser, 'alice slow passphrase');
  await createCommunity(alice.page, 'Calm');
  await alice.page.getByTestId('add-channel').click();
  await alice.page.getByTestId('channel-name').fill('slow');
  await alice.page.getByTestId('channel-slow-mode').selectOption('5');
  await alice.page.getByTestId('channel-add').click();
  await alice.page.getByRole('button', { name: /slow/ }).waitFor();
  await alice.page.locator('.main').getByRole('heading', { name: /slow/ }).waitFor();
  const composer = alice.page.locator('.main').getByTestId('composer');
  await composer.fill('first');
  await composer.press('Enter');
  await mainMessage(alice.page, 'first').waitFor();
  await composer.fill('second');
  await composer.press('Enter');
  await alice.page.getByTestId('notice').getByText(/Slow mode is on in this channel\. Try again in [1-5] s\./).waitFor();
  await shot(alice.page, '11-slow-mode');
  await mainMessage(alice.page, 'second').waitFor({ timeout: 30_000 });
  assert.deepEqual(alice.page.errors, []);
  await alice.context.close();
});
