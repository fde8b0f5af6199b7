import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createIdentity, launch, newPage, shot, shownDid } from './browser.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('onboarding: the phrase is shown once, must be confirmed, and unlocks into the app', async () => {
  const { context, page } = await newPage(browser);
  await page.goto('/');
  await shot(page, '01-welcome');
  await page.getByTestId('create-identity').click();
  const words = await page.getByTestId('phrase-word').allTextContents();
  assert.equal(words.length, 24);
  assert.equal(await page.getByTestId('phrase-continue').isDisabled(), true, 'continue needs the "written down" box');
  await shot(page, '02-phrase');
  await page.getByTestId('phrase-written').check();
  await page.getByTestId('phrase-continue').click();
  const inputs = await page.locator('[data-testid^="confirm-word-"]').all();
  assert.equal(inputs.length, 3);
  for (const input of inputs) await input.fill('wrong');
  await page.getByTestId('confirm-continue').click();
  await page.getByText('does not match').waitFor();
  for (const input of inputs) {
    const position = Number((await input.getAttribute('data-testid')).split('-').pop());
    await input.fill(words[position - 1]);
  }
  await page.getByTestId('confirm-continue').click();
  await page.getByTestId('passphrase').fill('short');
  await page.getByTestId('passphrase-again').fill('short');
  await page.getByTestId('passphrase-submit').click();
  await page.getByTestId('passphrase-error').waitFor();
  await page.getByTestId('passphrase').fill('a good passphrase');
  await page.getByTestId('passphrase-again').fill('a good passphrase');
  await page.getByTestId('passphrase-submit').click();
  await page.getByTestId('my-did').waitFor({ state: 'attached' });
  assert.match(await shownDid(page), /^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
  await page.getByTestId('connection').or(page.getByTestId('composer')).or(page.getByText('Welcome to Harmony')).first().waitFor();
  await shot(page, '03-shell');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the key is stored encrypted: IndexedDB holds no phrase, reload asks for the passphrase', async () => {
  const { context, page } = await newPage(browser);
  const phrase = await createIdentity(page, 'correct horse battery');
  const did = await shownDid(page);
  const stored = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('harmony');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('keystore').objectStore('keystore').get('identity');
      get.onsuccess = () => resolve(JSON.stringify(get.result));
      get.onerror = () => reject(get.error);
    };
  }));
  assert.ok(stored.includes('"argon2id"') && stored.includes('xchacha20-poly1305'));
  assert.ok(!stored.includes(phrase.split(' ').slice(0, 3).join(' ')), 'phrase must not be stored in clear');
  assert.ok(!(await page.content()).includes(phrase), 'phrase is not shown after onboarding');

  await page.reload();
  assert.equal(await page.getByTestId('locked-did').getAttribute('title'), did);
  await page.getByTestId('passphrase').fill('wrong passphrase');
  await page.getByTestId('passphrase-submit').click();
  await page.getByTestId('passphrase-error').waitFor();
  assert.match(await page.getByTestId('passphrase-error').textContent(), /passphrase/i);
  await shot(page, '04-locked');
  await page.getByTestId('passphrase').fill('correct horse battery');
  await page.getByTestId('passphrase-submit').click();
  await page.getByTestId('my-did').waitFor({ state: 'attached' });
  assert.equal(await shownDid(page), did);
  await context.close();
});

test('restore from the phrase in another browser gives the same DID; bad phrases are refused with a reason', async () => {
  const first = await newPage(browser);
  const phrase = await createIdentity(first.page, 'first device pass');
  const did = await shownDid(first.page);
  await first.context.close();

  const { context, page } = await newPage(browser);
  await page.goto('/');
  await page.getByTestId('restore-identity').click();
  const words = phrase.split(' ');
  await page.getByTestId('restore-phrase').fill(words.slice(0, 23).join(' '));
  await page.getByTestId('restore-continue').click();
  assert.match(await page.getByTestId('restore-error').textContent(), /24 words|23/);
  await page.getByTestId('restore-phrase').fill([...words.slice(0, 23), words[23] === 'zoo' ? 'abandon' : 'zoo'].join(' '));
  await page.getByTestId('restore-continue').click();
  await page.getByText(/checksum|not in the BIP-39/).waitFor();
  await page.getByTestId('restore-phrase').fill('  ' + phrase.toUpperCase().replaceAll(' ', '\n') + ' ');
  await page.getByTestId('restore-continue').click();
  await page.getByTestId('passphrase').fill('second device pass');
  await page.getByTestId('passphrase-again').fill('second device pass');
  await page.getByTestId('passphrase-submit').click();
  await page.getByTestId('my-did').waitFor({ state: 'attached' });
  assert.equal(await shownDid(page), did);
  await context.close();
});

test('a known 12-word phrase restores to the DID Harmony.Core derives', async () => {
  // Expected DID computed by the .NET CLI (`harmony keys restore`, Harmony.Core) for this BIP-39 test phrase; the
  // vitest interop suite checks the same equality live against the CLI.
  const { context, page } = await newPage(browser);
  await page.goto('/');
  await page.getByTestId('restore-identity').click();
  await page.getByTestId('restore-phrase').fill('legal winner thank year wave sausage worth useful legal winner thank yellow');
  await page.getByTestId('restore-continue').click();
  await page.getByTestId('passphrase').fill('twelve words pass');
  await page.getByTestId('passphrase-again').fill('twelve words pass');
  await page.getByTestId('passphrase-submit').click();
  await page.getByTestId('my-did').waitFor({ state: 'attached' });
  assert.equal(await shownDid(page), 'did:key:z6MksqsPdfsFZgiFLTk1PpJ8CkejVXSMTHhSfDesFVLfCMDs');
  await context.close();
});

test('settings: profile name, DID, export and lock; usable at phone width', async () => {
  const { context, page } = await newPage(browser, { width: 390, height: 844 });
  await createIdentity(page, 'phone width pass');
  await shot(page, '05-phone-shell');
  await page.getByRole('button', { name: 'Toggle navigation' }).click();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('display-name').fill('Alice');
  await page.getByTestId('save-profile').click();
  await page.getByText(/Saved/).waitFor();
  assert.match(await page.getByTestId('settings-did').textContent(), /^did:key:z6Mk/);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-keystore').click();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'harmony-keystore.json');
  await shot(page, '06-phone-settings');
  await page.getByTestId('lock').click();
  await page.getByTestId('locked-did').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** Presses Tab until the element with this test id has focus (at most 12 times); fails if it is never reached. */
async function tabTo(page, testId) {
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === testId) return;
  }
  assert.fail(`${testId} cannot be reached with Tab`);
}

test('keyboard only: onboarding works with Tab, Space and Enter', async () => {
  const { context, page } = await newPage(browser);
  await page.goto('/');
  await page.getByTestId('create-identity').waitFor();
  await tabTo(page, 'create-identity');
  await page.keyboard.press('Enter');
  await page.getByTestId('phrase').waitFor();
  const words = await page.getByTestId('phrase-word').allTextContents();
  await tabTo(page, 'phrase-written');
  await page.keyboard.press('Space');
  await tabTo(page, 'phrase-continue');
  await page.keyboard.press('Enter');
  await page.getByTestId('confirm-continue').waitFor();
  for (const input of await page.locator('[data-testid^="confirm-word-"]').all()) {
    const id = await input.getAttribute('data-testid');
    await tabTo(page, id);
    await page.keyboard.type(words[Number(id.split('-').pop()) - 1]);
  }
  await page.keyboard.press('Enter');
  await page.getByTestId('passphrase').waitFor();
  await page.keyboard.type('keyboard passphrase');
  await tabTo(page, 'passphrase-again');
  await page.keyboard.type('keyboard passphrase');
  await page.keyboard.press('Enter');
  await page.getByTestId('my-did').waitFor({ state: 'attached' });
  await context.close();
});
