// A long run can be stopped, and a crash of the worker loses nothing: in both
// cases a new worker takes over the files and the user's decisions. The page is
// opened with `?testhooks`, which gives the tests a way to keep the worker busy
// and to make it panic (src/test_hooks.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { startApp, stopApp } from './harness.mjs';

const DIST = resolve(process.env.DIST ?? 'dist');
let browser, server, base;

before(async () => ({ browser, server, base } = await startApp(DIST)));
after(() => stopApp({ browser, server }));

/** The demo with one decision of the user's (a proposal accepted with a reason), on the Koppeling step. */
async function session(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + '/?testhooks');
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).click();
  await page.getByTestId('files-summary').waitFor();
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Koppeling' }).click();
  await page.getByTestId('reason').fill('gecontroleerd in het dossier');
  await page.getByTestId('proposals').getByRole('button', { name: 'Accepteren' }).first().click();
  await waitCounts(page, /1 op naam en geboortedatum; 1 voorstellen open/);
  return { page, errors };
}

const waitCounts = (page, re) => page.waitForFunction(
  (src) => new RegExp(src).test(document.querySelector('[data-testid="link-counts"]')?.textContent ?? ''), re.source);

/**
 * The new worker holds the session: accepting the other proposal leaves none open
 * only if the first acceptance survived; both decisions are listed.
 */
async function decisionsKept(page) {
  await page.getByTestId('proposals').getByRole('button', { name: 'Accepteren' }).first().click();
  await waitCounts(page, /2 op naam en geboortedatum; 0 voorstellen open.*692 met landelijke gegevens/);
  assert.equal(await page.getByTestId('decisions').locator('li').count(), 2);
}

/** The session still works: a MOB tree grows on the Analyse step. */
async function treeGrows(page) {
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
  await page.getByTestId('tree-summary').waitFor();
  assert.match(await page.getByTestId('tree-summary').textContent(), /^Boom voor Vertrokken met onbekende bestemming \(MOB\): \d+ knopen/);
}

test('Afbreken stops a long run; files and decisions stay, and the next run works', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const { page, errors } = await session(context);
  await page.evaluate(() => window.__perspectiefTest.busy(600000));
  const cancel = page.getByTestId('cancel');
  await cancel.waitFor();
  assert.match(await page.locator('.pf-progress').textContent(), /Bezig: test/);
  // The page stays responsive while the worker is busy: the language toggles and back.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Nederlands' }).click();
  const stopped = Date.now();
  await cancel.click();
  assert.equal(await page.getByTestId('notice').locator('p').textContent(),
    'U heeft een test afgebroken. Uw bestanden en keuzes zijn bewaard.');
  await decisionsKept(page);
  const restoredMs = Date.now() - stopped;
  assert.equal(await page.locator('.pf-progress').count(), 0);
  await treeGrows(page);
  assert.deepEqual(errors, []);
  console.log(`session restored ${restoredMs} ms after Afbreken`);
  await context.close();
});

test('A panic in the worker becomes a message; the session survives', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const { page, errors } = await session(context);
  await page.evaluate(() => window.__perspectiefTest.panic());
  const alert = page.getByTestId('error').locator('p');
  await alert.waitFor();
  assert.match(await alert.textContent(),
    /^Er ging iets mis in de rekenhulp tijdens een test\. Dat onderdeel is niet uitgevoerd; uw andere bestanden en keuzes zijn bewaard\. Technische melding: testpaniek \(alleen voor tests\) \(src\/engine\/worker\.rs:\d+\)$/);
  await decisionsKept(page);
  await treeGrows(page);
  // A second panic is handled the same way (the new worker has the hook too).
  // (Growing the tree cleared the first message.)
  assert.equal(await page.getByTestId('error').count(), 0);
  await page.evaluate(() => window.__perspectiefTest.panic());
  await page.getByTestId('error').waitFor();
  await page.getByTestId('outcomes').getByRole('button', { name: 'Terugkeer' }).click();
  await page.waitForFunction(() => /^Boom voor Teruggekeerd: \d+ knopen/.test(document.querySelector('[data-testid="tree-summary"]')?.textContent));
  assert.deepEqual(errors, []);
  await context.close();
});

test('Without ?testhooks the page offers no hooks', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).waitFor();
  assert.equal(await page.evaluate(() => typeof window.__perspectiefTest), 'undefined');
  await context.close();
});
