// The corpus of broken files (tests/corpus/bad/, written by the core's
// bad_corpus test) dropped beside the demo files: every broken file gets its
// Dutch message in the file list, and the demo files read exactly as before.
// The page survives it: its frames keep coming while the worker reads (nothing
// parses on the page thread), no error reaches the page, and afterwards the
// page still answers a click. A file with the same name as a loaded one replaces it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, openSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startApp, stopApp } from './harness.mjs';

const DIST = resolve(process.env.DIST ?? 'dist');
const BAD = resolve('tests/corpus/bad');
let browser, server, base, demoDir;

before(async () => ({ browser, server, base, demoDir } = await startApp(DIST, { demo: 'corpus' })));
after(() => stopApp({ browser, server }));

const rowsOf = (page) => page.locator('[data-testid="file-list"] tbody tr').evaluateAll(
  (rows) => rows.map((r) => [r.querySelector('th')?.textContent ?? '', [...r.querySelectorAll('td')].map((c) => c.textContent).join(' | ')]));

test('broken files beside the demo: each its message, the demo files untouched, a same-named file replaces', async (t) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + '/');
  const demo = readdirSync(demoDir).filter((f) => !f.startsWith('LEESMIJ')).map((f) => join(demoDir, f));
  await page.getByLabel('Bestanden kiezen').setInputFiles(demo);
  await page.getByTestId('files-summary').waitFor();
  assert.equal(await page.getByTestId('files-summary').textContent(), '22 bestanden gelezen, 733 cliënten');
  const before = new Map(await rowsOf(page));
  const bad = readdirSync(BAD).sort();
  assert.ok(bad.length >= 50, `${bad.length} files in the corpus`);
  // The longest pause between two frames of the page while the corpus is read.
  await page.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    const tick = (t) => { window.__gap = Math.max(window.__gap, t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.getByLabel('Bestanden kiezen').setInputFiles(bad.map((f) => join(BAD, f)));
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="file-list"] tbody tr').length >= n, 22 + bad.length, { timeout: 180000 });
  const gap = await page.evaluate(() => window.__gap);
  t.diagnostic(`longest pause between frames while the corpus was read: ${Math.round(gap)} ms`);
  assert.ok(gap < 2000, `the page froze for ${Math.round(gap)} ms while the worker read the corpus`);
  // Still alive: the language toggle answers, and back.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: 'Wissel naar Nederlands' }).click();
  await page.getByRole('button', { name: 'Switch to English' }).waitFor();
  const afterRows = new Map(await rowsOf(page));
  for (const [name, row] of before) assert.equal(afterRows.get(name), row, `${name} changed`);
  // Each broken file is listed with what the core says of it (the snapshot).
  const expected = new Map(readFileSync(resolve('tests/corpus/bad-expected.txt'), 'utf8').trim().split('\n').map((l) => l.split('\t')));
  let messages = 0;
  for (const f of bad) {
    const row = [...afterRows.entries()].find(([n]) => n.startsWith(f))?.[1] ?? '';
    const said = expected.get(f);
    assert.ok(said, `${f} in the snapshot`);
    if (said.startsWith('melding: ')) {
      messages++;
      assert.ok(row.includes(said.slice('melding: '.length)), `${f}: ${row}`);
    }
  }
  assert.ok(messages >= 20, `${messages} files refused with a message`);
  // The same name again: it replaces the loaded file (22 demo + corpus, no more).
  const almelo = join(mkdtempSync(join(tmpdir(), 'perspectief-same-')), 'almelo.csv');
  const text = readFileSync(join(demoDir, 'almelo.csv'), 'latin1').split('\n');
  writeFileSync(almelo, text.slice(0, -3).join('\n') + '\n', 'latin1');
  const count = (await rowsOf(page)).length;
  await page.getByLabel('Bestanden kiezen').setInputFiles([almelo]);
  await page.waitForFunction((r) => [...document.querySelectorAll('[data-testid="file-list"] tbody tr')]
    .some((tr) => tr.querySelector('th')?.textContent.startsWith('almelo.csv') && tr.textContent !== r), before.get([...before.keys()].find((k) => k.startsWith('almelo.csv'))));
  assert.equal((await rowsOf(page)).length, count);
  // Too large for the browser: said before anything is read, nothing else changes.
  const big = join(mkdtempSync(join(tmpdir(), 'perspectief-big-')), 'te-groot.csv');
  truncateSync(openSync(big, 'w') && big, 160 * 1024 * 1024);
  await page.getByLabel('Bestanden kiezen').setInputFiles([big]);
  await page.getByTestId('error').waitFor();
  assert.equal(await page.getByTestId('error').locator('p').textContent(),
    'te-groot.csv: het bestand is te groot (160 MB; de grens is 150 MB). Splits het bestand, of sla alleen het tabblad met de registratie op als CSV.');
  assert.equal((await rowsOf(page)).length, count);
  assert.deepEqual(errors, []);
  await context.close();
});
