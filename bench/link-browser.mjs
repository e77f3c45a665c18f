// Read, check and link a synthetic registration and national extract (N rows
// each, 5% without a V-nummer, so they need the fallback) in headless Chromium
// through the app's worker. Reports the worker's time per step (from the
// "Rekentijd" list; the fallback's Fellegi–Sunter scoring and its hold-out
// estimate are parts of the linking), the wall-clock time from choosing the files to Table 3,
// and the size of the worker's wasm memory afterwards.
// Usage: node bench/link-browser.mjs DIR ROWS [dist]   (files from `perspectief bench-link --rows ROWS --out DIR`)
import { launch } from '../tests/browser/harness.mjs';
import { serve } from '../tools/serve.mjs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'target/bench';
const rows = Number(process.argv[3] ?? 100000);
const dist = process.argv[4] ?? 'dist';
const server = await serve(dist, 0);
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.error('console:', m.text()); });
await page.goto(url);
await page.getByLabel('Bestanden kiezen').waitFor();
const start = Date.now();
await page.getByLabel('Bestanden kiezen').setInputFiles([join(dir, `lokaal_${rows}.csv`), join(dir, `landelijk_${rows}.csv`)]);
await page.waitForFunction(() => document.querySelector('[data-testid="files-summary"]') || document.querySelector('[role="alert"]'), null, { timeout: 600000 });
const wall = Date.now() - start;
const alert = await page.locator('[role="alert"]').allTextContents();
if (alert.some((t) => t.trim())) console.error('alert:', alert.join(' | '));
await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Koppeling' }).click();
await page.getByTestId('table3').waitFor({ timeout: 600000 });
const counts = await page.getByTestId('link-counts').textContent();
const steps = await page.getByTestId('timings').locator('li').evaluateAll((li) => li.map((l) => [l.dataset.step, Number(l.dataset.ms)]));
const memory = Number(await page.getByTestId('timings').locator('[data-memory]').getAttribute('data-memory'));
const ms = Object.fromEntries(steps.map(([s, m]) => [s.startsWith('inlezen') ? s.replace(/^inlezen (lokaal|landelijk).*/, 'read_$1') : s, Math.round(m)]));
console.log(`browser rows=${rows} read_local_ms=${ms.read_lokaal} read_national_ms=${ms.read_landelijk} check_ms=${ms.controle} link_ms=${ms.koppeling} fallback_ms=${ms['koppeling: reserveprocedure']} estimate_ms=${ms['koppeling: schatting']} analysis_ms=${ms.analysebestand} wall_ms=${wall} wasm_memory_mb=${Math.round(memory / 1e6)}`);
console.log(`  ${counts.trim()}`);
// Then a depth-3 tree for MOB on the analysis file, and the wasm memory after it.
await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
const treeStart = Date.now();
await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
await page.getByTestId('tree-summary').waitFor({ timeout: 600000 });
const treeMs = Date.now() - treeStart;
const treeSummary = (await page.getByTestId('tree-summary').textContent()).trim();
await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Koppeling' }).click();
const after = Number(await page.getByTestId('timings').locator('[data-memory]').getAttribute('data-memory'));
console.log(`browser tree_ms=${treeMs} total_ms=${wall + treeMs} wasm_memory_after_tree_mb=${Math.round(after / 1e6)} (${(after / 2 ** 30).toFixed(2)} GiB)`);
console.log(`  ${treeSummary}`);
await context.close();
await browser.close();
server.close();
