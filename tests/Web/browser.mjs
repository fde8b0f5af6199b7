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
