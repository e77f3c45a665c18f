// A 100,000-row smoke run in the browser (make test): a synthetic registration and
// extract of 100,000 persons each load, link and grow a tree through the worker.
// The full million-row run is `make bench`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startApp, stopApp } from './harness.mjs';

const DIST = resolve(process.env.DIST ?? 'dist');
const N = 100_000;
let browser, server, base, files;

/** Synthetic files (no real persons): every 20th person without V-nummer, names from syllables. */
function makeFiles(dir) {
  let seed = 42;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const syl = ['ka', 'ma', 'ra', 'se', 'di', 'lo', 'ba', 'to', 'ni', 'fa', 'mu', 'sa'];
  const word = () => { const w = syl[rnd(12)] + syl[rnd(12)] + syl[rnd(12)]; return w[0].toUpperCase() + w.slice(1); };
  const date = (y0, span) => `${1 + rnd(28)}-${1 + rnd(12)}-${y0 + rnd(span)}`;
  const steunpunten = ['Amsterdam', 'Zwolle', 'Tilburg', 'Groningen', 'Utrecht'];
  const results = ['In begeleiding', 'MOB', 'Terugkeer', 'Verblijfsvergunning'];
  const countries = ['Angola', 'Guinee', 'Somalië', 'Irak', 'China'];
  let local = 'Synthetische rookproef (geen echte personen)\nSteunpunt;V-nummer;Naam;Geslacht;Geboortedatum;Land van herkomst;Datum instroom;Resultaat\n';
  let national = 'V-nummer;Naam;Geslacht;Geboortedatum;Nationaliteit;Datum eerste registratie\n';
  for (let i = 0; i < N; i++) {
    const v = String(1000000000 + i);
    const name = `${word()} ${word()}`;
    const sex = rnd(5) ? 'M' : 'V';
    const birth = date(1988, 5);
    const country = countries[rnd(5)];
    local += `${steunpunten[rnd(5)]};${i % 20 ? v : ''};${name};${sex};${birth};${country};${date(2009, 2)};${results[rnd(4)]}\n`;
    national += `${v};${name.toUpperCase()};${sex};${birth};${country};${date(2004, 3)}\n`;
  }
  const l = join(dir, `lokaal_${N}.csv`), n = join(dir, `landelijk_${N}.csv`);
  writeFileSync(l, local);
  writeFileSync(n, national);
  return [l, n];
}

before(async () => {
  ({ browser, server, base } = await startApp(DIST));
  files = makeFiles(mkdtempSync(join(tmpdir(), 'perspectief-smoke-')));
});
after(() => stopApp({ browser, server }));

test('100,000 × 100,000: load, link and grow a tree in the browser', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + '/');
  const t0 = Date.now();
  await page.getByLabel('Bestanden kiezen').setInputFiles(files);
  await page.getByTestId('files-summary').waitFor({ timeout: 300000 });
  assert.match(await page.getByTestId('files-summary').textContent(), /^2 bestanden gelezen, 100\.000 cliënten/);
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Koppeling' }).click();
  await page.getByTestId('link-counts').waitFor({ timeout: 300000 });
  assert.match(await page.getByTestId('link-counts').textContent(), /^100\.000 personen; 95\.000 gekoppeld op V-nummer/);
  const loaded = Date.now() - t0;
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
  await page.getByTestId('tree-summary').waitFor({ timeout: 300000 });
  assert.match(await page.getByTestId('tree-summary').textContent(), /^Boom voor Vertrokken met onbekende bestemming \(MOB\): \d+ knopen/);
  console.log(`smoke: ${N} × ${N} loaded, checked and linked in ${loaded} ms; tree ${Date.now() - t0 - loaded} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});
