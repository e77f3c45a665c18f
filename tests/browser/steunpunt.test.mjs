// A first-time steunpunt worker with one own registration file and nothing else: reads it,
// checks it, learns that Koppeling is not for them and may be skipped, makes the linkage files
// for the researcher, and is done, by following the next-step buttons, without a dead end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, stopApp } from './harness.mjs';

const DIST = process.env.DIST ?? 'dist';
let browser, server, base, demoDir;

before(async () => ({ browser, server, base, demoDir } = await startApp(DIST, { demo: 'steunpunt' })));
after(() => stopApp({ browser, server }));

test('a steunpunt with only its own file reaches linkage files without a dead end', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + '/');
  await page.getByLabel('Bestanden kiezen').setInputFiles([join(demoDir, 'tilburg.csv')]);
  await page.getByTestId('files-summary').waitFor();
  assert.match(await page.getByTestId('files-summary').textContent(), /^1 bestand gelezen, \d+ cliënten$/);
  // Each step ends with the next action; Koppeling says it can be skipped and why.
  await page.getByRole('button', { name: 'Naar de controle' }).click();
  await page.getByTestId('check-totals').waitFor();
  await page.getByTestId('next-step').click();
  await page.getByTestId('skip-linkage').waitFor();
  assert.match(await page.getByTestId('skip-linkage').textContent(), /Bent u een steunpunt\? .* kunt u deze stap overslaan/);
  await page.getByTestId('next-step').click();
  await page.getByRole('heading', { level: 1, name: 'Anonimiseren' }).waitFor();
  // The linkage files: a secret made here, the zip downloaded, its audit shown.
  await page.getByRole('button', { name: 'Geheim laten maken' }).click();
  await page.getByTestId('new-secret').waitFor();
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Koppelbestanden maken' }).click()]);
  // One registration: one linkage file (CSV), keys only, no V-nummer.
  assert.equal(zip.suggestedFilename(), 'koppelbestand-tilburg.csv');
  const linkage = readFileSync(await zip.path(), 'utf8');
  assert.ok(linkage.split('\n').length > 10, linkage.slice(0, 200));
  assert.doesNotMatch(linkage, /\b\d{10}\b/);
  await page.waitForFunction(() => /^Gedownload: koppelbestand-tilburg\.csv$/.test(document.querySelector('[data-testid="announcer"]').textContent));
  assert.equal(await page.getByTestId('error').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
