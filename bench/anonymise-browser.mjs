// Protect a large synthetic registration for the default purpose (5-anonymous, and
// 2-diverse) in headless Chromium: from the click to the audited result on screen (the
// summary states the worker's own time for the protection and for the audit of the
// written file), then the trees regrown on the protected file. Also reports reading the
// file and the worker's wasm memory.
// Usage: node bench/anonymise-browser.mjs FILE [dist]   (FILE from `perspectief bench-anonymise --rows 1000000 --out target/bench`)
import { launch } from '../tests/browser/harness.mjs';
import { serve } from '../tools/serve.mjs';

const file = process.argv[2];
const dist = process.argv[3] ?? 'dist';
if (!file) throw new Error('usage: node bench/anonymise-browser.mjs FILE [dist]');
const server = await serve(dist, 0);
const browser = await launch();
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
const t0 = Date.now();
await page.getByLabel('Bestanden kiezen').setInputFiles(file);
await page.getByTestId('files-summary').waitFor({ timeout: 900000 });
const loadMs = Date.now() - t0;
await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Anonimiseren' }).click();
await page.locator('[data-memory]').waitFor({ state: 'attached' });
console.log(`browser after reading: wasm_mb=${Math.round((await page.locator('[data-memory]').getAttribute('data-memory')) / 1e6)}`);
for (const l of ['1', '2']) {
  await page.getByLabel('l (verschillende waarden per klasse)').fill(l);
  await page.getByLabel('l (verschillende waarden per klasse)').dispatchEvent('change');
  const start = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Maak anoniem en controleer' }).click();
  const done = await page.waitForFunction(() => document.querySelector('[data-testid="anonymise-summary"]') && performance.now(),
    null, { timeout: 900000, polling: 'raf' });
  const ms = (await done.jsonValue()) - start;
  const summary = await page.getByTestId('anonymise-summary').textContent();
  const passed = await page.getByTestId('audit').getAttribute('data-passed');
  await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout: 900000 }).catch(() => {});
  const memoryBefore = Math.round((await page.locator('[data-memory]').getAttribute('data-memory')) / 1e6);
  const records = await page.getByTestId('risk-table').locator('tbody tr').first().locator('td').first().textContent();
  const trees = await page.waitForFunction(() => document.querySelector('[data-testid="conclusions"]') && performance.now(),
    null, { timeout: 900000, polling: 500 });
  const treesMs = (await trees.jsonValue()) - start - ms;
  const memory = 'wasm_mb=' + Math.round((await page.locator('[data-memory]').getAttribute('data-memory')) / 1e6);
  console.log(`browser anonymise k=5 l=${l} records=${records} audit_passed=${passed} click_to_result_ms=${ms.toFixed(0)} trees_after_ms=${treesMs.toFixed(0)} wasm_mb_before_trees=${memoryBefore} ${memory} | ${summary}`);
}
await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Koppeling' }).click();
const timings = await page.getByTestId('timings').textContent().catch(() => '');
console.log(`browser load_to_summary_ms=${loadMs} | ${timings.replace(/\s+/g, ' ').slice(0, 400)}`);
await browser.close();
server.close();
