// Shared helpers for the browser tests: Debian's Chromium through playwright-core (no browser download).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const baseUrl = process.env.HARMONY_BASE_URL ?? 'http://127.0.0.1:5000';
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const outputDir = process.env.HARMONY_TEST_OUTPUT ?? join(repoRoot, 'test-output', 'web');
mkdirSync(outputDir, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser context (its own IndexedDB) with console errors collected. */
export async function newPage(browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, baseURL: baseUrl });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.setDefaultTimeout(60_000);
  return { context, page };
}

export const shot = (page, name) => page.screenshot({ path: join(outputDir, `${name}.png`) });

/** Goes through "create identity": returns the phrase shown once. */
export async function createIdentity(page, passphrase) {
  await page.goto('/');
  await page.getByTestId('create-identity').click();
  const words = await page.getByTestId('phrase-word').allTextContents();
  await page.getByTestId('phrase-written').check();
  await page.getByTestId('phrase-continue').click();
  for (const input of await page.locator('[data-testid^="confirm-word-"]').all()) {
    const position = Number((await input.getAttribute('data-testid')).split('-').pop());
    await input.fill(words[position - 1]);
  }
  await page.getByTestId('confirm-continue').click();
  await page.getByTestId('passphrase').fill(passphrase);
  await page.getByTestId('passphrase-again').fill(passphrase);
  await page.getByTestId('passphrase-submit').click();
  await page.getByTestId('my-did').waitFor({ state: 'attached' });
  return words.join(' ');
}

/** The full DID shown in the sidebar (title attribute). */
export const shownDid = async (page) => {
  await page.getByTestId('my-did').waitFor({ state: 'attached' });
  return page.getByTestId('my-did').getAttribute('title');
};

/** A new identity in a fresh context, connected to the node. */
export async function onlineUser(browser, passphrase) {
  const user = await newPage(browser);
  await createIdentity(user.page, passphrase);
  await user.page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ state: 'attached' });
  user.did = await shownDid(user.page);
  return user;
}

/** Creates a closed community with #general. */
export async function createCommunity(page, name) {
  await page.getByTestId('add-community').click();
  await page.getByTestId('community-name').fill(name);
  await page.getByTestId('community-create').click();
  await page.getByRole('button', { name: /general/ }).waitFor();
}

/** The owner invites `did` (a capability delegated to it, in the link); the invitee joins with the link. */
export async function inviteAndJoin(owner, invitee) {
  await owner.getByTestId('invite').click();
  await owner.getByTestId('invitee-did').fill(await shownDid(invitee));
  await owner.getByRole('button', { name: 'Create invite link' }).click();
  const link = await owner.getByTestId('invite-link').inputValue();
  await owner.keyboard.press('Escape');
  await invitee.getByTestId('add-community').click();
  await invitee.getByTestId('invite-link-input').fill(link);
  await invitee.getByTestId('join').click();
  await invitee.getByRole('button', { name: /general/ }).waitFor();
  return link;
}

/** A message in the main pane (not the thread pane). */
export const mainMessage = (page, text) => page.locator('.main [data-testid="message"]', { hasText: text });

/**
 * Runs in the page: how many MLS group states IndexedDB holds (one per channel group joined), or, given `above`,
 * whether there are more than that.
 */
function groupsInPage(above) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('harmony');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const keys = open.result.transaction('kv').objectStore('kv').getAllKeys();
      keys.onerror = () => reject(keys.error);
      keys.onsuccess = () => {
        open.result.close();
        const count = keys.result.filter((k) => String(k).startsWith('mls.group.')).length;
        resolve(above === undefined ? count : count > above);
      };
    };
  });
}

/**
 * Sends a message, retrying while the client is not in the channel's MLS group yet (a member adds it on the
 * `membership` event; until then a send is refused with the reason and nothing is sent). Up to 60 s.
 */
export async function sendWhenInGroup(page, text, scope = page.locator('.main')) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const groupsBefore = await page.evaluate(groupsInPage);
    await scope.getByTestId('composer').fill(text);
    await scope.getByTestId('send').click();
    const outcome = await Promise.race([
      scope.locator('[data-testid="message"]', { hasText: text.replaceAll('*', '') }).waitFor().then(() => 'sent'),
      page.getByTestId('notice').getByText(/encryption group/).waitFor().then(() => 'not-in-group'),
    ]);
    if (outcome === 'sent') return;
    if (Date.now() > deadline) throw new Error(`never added to the channel encryption group: ${await page.getByTestId('notice').textContent()}`);
    await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
    // Retry once a Welcome has put this page into another group (counted from before the attempt, so a join that
    // raced the failed send is not missed).
    await page.waitForFunction(groupsInPage, groupsBefore, { timeout: Math.max(1, deadline - Date.now()), polling: 250 })
      .catch(async () => { throw new Error(`never added to the channel encryption group: ${await page.getByTestId('notice').textContent()}`); });
  }
}
