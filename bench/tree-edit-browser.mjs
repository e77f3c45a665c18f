// Editing a split on a large tree in headless Chromium: the MOB tree of a synthetic
// registration (`perspectief bench-data --rows 1000000`), then three edits by hand in the
// editor (split the root on its second-best predictor, move a category between the groups
// of that split, prune node 1). Reports, per edit, the wall-clock time from the click to the
// redrawn tree (the edit listed and a new SVG drawn) and the worker's own time.
// Usage: node bench/tree-edit-browser.mjs ROWS_FILE [dist]
import { launch } from '../tests/browser/harness.mjs';
import { serve } from '../tools/serve.mjs';

const big = process.argv[2];
const dist = process.argv[3] ?? 'dist';
if (!big) {
  console.error('usage: node bench/tree-edit-browser.mjs ROWS_FILE [dist]');
  process.exit(2);
}
const server = await serve(dist, 0);
const browser = await launch();
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.getByLabel('Bestanden kiezen').setInputFiles(big);
await page.getByTestId('files-summary').waitFor({ timeout: 600000 });
await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
let start = Date.now();
await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
await page.locator('#pf-tree-svg [data-node]').first().waitFor({ timeout: 600000 });
const grown = { ms: Date.now() - start, worker: Number(await page.getByTestId('tree-summary').getAttribute('data-ms')) };
await page.getByTestId('tree-editor').locator('summary').click();
await page.getByTestId('competitors').waitFor();

/** Click `button`, then wait for the edit to be listed (`count` edits) and a new tree drawn. */
async function timed(button, count) {
  const begin = await page.evaluate(() => { window.__old = document.querySelector('#pf-tree-svg'); return performance.now(); });
  await button.click();
  const drawn = await page.waitForFunction((n) => {
    const svg = document.querySelector('#pf-tree-svg');
    const listed = document.querySelectorAll('[data-testid="tree-edits"] li').length === n;
    return listed && svg && svg !== window.__old && svg.querySelector('[data-node]') && performance.now();
  }, count, { timeout: 600000, polling: 'raf' });
  return { ms: (await drawn.jsonValue()) - begin, worker: Number(await page.getByTestId('tree-summary').getAttribute('data-ms')) };
}

await page.locator('#pf-edit-node').selectOption('0');
const rows = page.getByTestId('competitors').locator('tbody tr');
const split = await timed(rows.filter({ hasNotText: 'huidige splitsing' }).first().getByRole('button'), 1);
// Move the first category of the root's split into the next group.
await page.locator('#pf-edit-node').selectOption('0');
const first = page.getByTestId('regroup').locator('select').first();
const options = await first.locator('option').count();
const current = Number(await first.inputValue());
await first.selectOption(String((current + 1) % (options - 1)));
const regroup = await timed(page.getByTestId('regroup').getByRole('button', { name: 'Groepen toepassen' }), 2);
await page.locator('#pf-edit-node').selectOption('1');
const prune = await timed(page.getByRole('button', { name: 'Snoei de takken van knoop 1' }), 3);
const nodes = await page.locator('#pf-tree-svg [data-node]').count();
console.log(`browser grow rows=${big} click_to_tree_ms=${grown.ms} worker_ms=${grown.worker.toFixed(0)}`);
for (const [name, r] of [['split', split], ['regroup', regroup], ['prune', prune]]) {
  console.log(`browser edit ${name} click_to_redrawn_ms=${r.ms.toFixed(0)} worker_ms=${r.worker.toFixed(0)}`);
}
console.log(`tree nodes after the edits: ${nodes}`);
await browser.close();
server.close();
