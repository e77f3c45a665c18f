// Make a large synthetic registration 5-anonymous (and 2-diverse) with the five
// default quasi-identifiers in headless Chromium: from the click to the result on
// screen, and the worker's own time for the search and suppression. Also reports
// reading the file and the worker's wasm memory.
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
for (const l of ['1', '2']) {
  await page.getByLabel('l (verschillende waarden per klasse)').fill(l);
  await page.getByLabel('l (verschillende waarden per klasse)').dispatchEvent('change');
  const start = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Maak anoniem en controleer' }).click();
  const done = await page.waitForFunction(() => document.querySelector('[data-testid="anonymise-summary"]') && performance.now(),
    null, { timeout: 900000, polling: 'raf' });
  const ms = (await done.jsonValue()) - start;
  const summary = await page.getByTestId('anonymise-summary').textContent();
  const records = await page.getByTestId('risk-table').locator('tbody tr').first().locator('td').first().textContent();
  console.log(`browser anonymise k=5 l=${l} records=${records} click_to_result_ms=${ms.toFixed(0)} | ${summary}`);
}
await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Koppeling' }).click();
const timings = await page.getByTestId('timings').textContent().catch(() => '');
console.log(`browser load_to_summary_ms=${loadMs} | ${timings.replace(/\s+/g, ' ').slice(0, 400)}`);
await browser.close();
server.close();
