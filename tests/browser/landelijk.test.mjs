// "Landelijk beeld": the researcher's session exports the national figures file; a new session
// of one steunpunt loads only its own registration and that file, and sees its own figures
// beside the national ones. Nothing is requested from the network and nothing is stored; the
// file holds no row about a person (no V-nummer, name or birth date of the demo, every count
// at least the threshold, no list as long as the persons).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startApp, stopApp, demoPage, ownFiles, recorder, storageAudit, axeViolations } from './harness.mjs';

const DIST = resolve(process.env.DIST ?? 'dist');
let browser, server, base, demoDir;

before(async () => ({ browser, server, base, demoDir } = await startApp(DIST, { demo: 'landelijk' })));
after(() => stopApp({ browser, server }));

/** Every V-nummer, name and birth date of the demo's registrations (the CSV files). */
function demoPersons() {
  const out = [];
  for (const f of ['tilburg.csv', 'almelo.csv', 'groningen.csv', 'deventer.csv']) {
    for (const line of readFileSync(join(demoDir, f), 'utf8').split(/\r?\n/).slice(1)) {
      const cells = line.split(';');
      if (cells.length > 4) out.push(...cells.slice(0, 2), cells[3]);
    }
  }
  return out.filter((c) => c && c.length >= 6);
}

/** Every count in the file: each `{ "n": …, "mark": … }`. */
function counts(value, out = []) {
  if (Array.isArray(value)) value.forEach((v) => counts(v, out));
  else if (value && typeof value === 'object') {
    if ('mark' in value && 'n' in value) out.push(value);
    Object.values(value).forEach((v) => counts(v, out));
  }
  return out;
}

function longestArray(value) {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(longestArray));
  if (value && typeof value === 'object') return Math.max(0, ...Object.values(value).map(longestArray));
  return 0;
}

test('the researcher exports the national figures; a steunpunt sees its own figures beside them', async () => {
  // The researcher: the demo, linked, and the file for the steunpunten.
  const researcher = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const { page, errors } = await demoPage(researcher, base);
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download landelijk beeld (voor de steunpunten)' }).click()]);
  assert.equal(download.suggestedFilename(), 'landelijk-beeld.json');
  const path = join(mkdtempSync(join(tmpdir(), 'pf-national-')), 'landelijk-beeld.json');
  await download.saveAs(path);
  const text = readFileSync(path, 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.format, 'perspectief-landelijk-beeld/1');
  assert.match(file.checksum, /^[0-9a-f]{64}$/);
  // No row about a person: no identifier of the demo, no small count, no list of persons.
  for (const s of demoPersons()) assert.ok(!text.includes(s), `the file holds ${s}`);
  assert.doesNotMatch(text, /\b\d{10}\b/, 'no V-nummer');
  const shown = counts(file).filter((c) => c.n !== null);
  assert.ok(shown.length > 20, `${shown.length} counts`);
  for (const c of shown) assert.ok(c.n === 0 || c.n >= file.content.threshold, `a count of ${c.n}`);
  assert.ok(longestArray(file) < 100, 'no list as long as the persons');
  assert.equal(file.content.persons, 733);
  // The researcher sees the fingerprint to announce.
  const announced = (await page.getByTestId('national-export-fingerprint').textContent()).match(/[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}/)[0];
  assert.deepEqual(errors, []);
  await researcher.close();

  // A steunpunt: a new session with only its own registration and the file.
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const rec = recorder(context, (url) => { const u = new URL(url); return u.origin === base && ownFiles(DIST).has(u.pathname); });
  const sp = await context.newPage();
  rec.watchPage(sp);
  await sp.goto(base + '/');
  await sp.getByLabel('Bestanden kiezen').waitFor();
  await sp.waitForLoadState('networkidle');
  rec.mark();
  await sp.getByLabel('Bestanden kiezen').setInputFiles([join(demoDir, 'tilburg.csv')]);
  await sp.getByTestId('files-summary').waitFor();
  await sp.getByRole('button', { name: 'Naar de controle' }).click();
  await sp.getByTestId('national').waitFor();
  assert.match(await sp.getByTestId('national-nothing-crosses').textContent(), /^Er gaan geen gegevens van personen heen of terug/);
  await sp.locator('#pf-national-file').setInputFiles(path);
  await sp.getByTestId('national-summary').waitFor();
  const tables = sp.getByTestId('national-dimension');
  assert.equal(await tables.count(), 5, 'outcomes, age, country, duration, intake');
  const header = await tables.first().locator('thead th').allTextContents();
  assert.deepEqual(header, ['categorie', 'hier n', 'hier %', 'landelijk n', 'landelijk %']);
  const total = await tables.first().locator('tbody tr').last().locator('td').allTextContents();
  // Own n and %, national n and %: the whole of each side.
  assert.match(total[0], /^\d+$/);
  assert.deepEqual(total.slice(1), ['100,0', '733', '100,0']);
  assert.ok((await sp.getByTestId('national-fingerprint').textContent()).includes(announced), 'the steunpunt sees the fingerprint the researcher announced');
  assert.ok((await sp.getByTestId('national-tree').count()) + (await sp.getByText('Dit landelijk beeld heeft geen boom').count()) > 0);
  assert.deepEqual(await axeViolations(sp), []);
  // The one-page overview.
  const [overview] = await Promise.all([sp.waitForEvent('download'), sp.getByRole('button', { name: /^Download overzicht/ }).click()]);
  const html = readFileSync(await overview.path(), 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /Er gaan geen gegevens van personen heen of terug/);
  for (const s of demoPersons()) assert.ok(!html.includes(s), `the overview holds ${s}`);
  // Nothing from the network, nothing stored.
  assert.deepEqual(rec.problems(), []);
  const stored = await storageAudit(sp);
  assert.deepEqual([stored.localStorage, stored.sessionStorage, stored.cookie, stored.indexedDB, stored.cacheEntries], [[], [], '', [], []]);
  await context.close();
});
