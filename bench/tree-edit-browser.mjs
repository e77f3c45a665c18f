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
console.log(`grown: ${grown.ms} ms (worker ${grown.worker} ms), ${await page.getByTestId('tree-summary').textContent()}`);
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
  }, count, { timeout: 120000, polling: 'raf' }).catch(async (e) => {
    console.log('edits listed:', await page.getByTestId('tree-edits').locator('li').allTextContents().catch(() => []));
    console.log('alert:', await page.locator('.utrecht-alert').allTextContents());
    await page.screenshot({ path: 'target/tree-edit-bench-failure.png', fullPage: false });
    throw e;
  });
  console.log(`edit ${count}: ${((await drawn.jsonValue()) - begin).toFixed(0)} ms`);
  return { ms: (await drawn.jsonValue()) - begin, worker: Number(await page.getByTestId('tree-summary').getAttribute('data-ms')) };
}

await page.locator('#pf-edit-node').selectOption('0');
await page.getByTestId('competitors').waitFor();
const rows = page.getByTestId('competitors').locator('tbody tr');
// Split the root on its best other predictor with three groups or more (else the best other).
const others = rows.filter({ hasNotText: 'huidige splitsing' });
const texts = await others.allTextContents();
const pick = Math.max(0, texts.findIndex((t) => (t.match(/ \| /g) ?? []).length >= 2));
const split = await timed(others.nth(pick).getByRole('button'), 1);
// Move a category at a group's edge into the neighbouring group (kept adjacent for an ordered
// predictor), at the first node whose split has a group of two categories or more.
const innerNodes = async () => page.locator('#pf-edit-node option').evaluateAll((os) => os.filter((o) => !/eindknoop|terminal/.test(o.textContent)).map((o) => o.value));
let move = null;
let movedAt = null;
for (const node of await innerNodes()) {
  await page.locator('#pf-edit-node').selectOption(node);
  const selects = page.getByTestId('regroup').locator('select');
  await selects.first().waitFor();
  const groups = await selects.evaluateAll((ss) => ss.map((s) => Number(s.value)));
  const count = Math.max(...groups) + 1;
  for (let g = 0; g < count && !move; g++) {
    const members = groups.map((x, i) => [x, i]).filter(([x]) => x === g).map(([, i]) => i);
    if (members.length >= 2) move = g + 1 < count ? [members.at(-1), g + 1] : [members[0], g - 1];
  }
  if (move) {
    movedAt = node;
    await selects.nth(move[0]).selectOption(String(move[1]));
    break;
  }
}
if (!move) throw new Error('no split with a group of two categories');
const regroup = await timed(page.getByTestId('regroup').getByRole('button', { name: 'Groepen toepassen' }), 2);
// Prune the first node below the root that has branches.
const inner = (await innerNodes()).filter((v) => v !== '0');
await page.locator('#pf-edit-node').selectOption(inner[0]);
const prune = await timed(page.getByRole('button', { name: `Snoei de takken van knoop ${inner[0]}` }), 3);
const nodes = await page.locator('#pf-tree-svg [data-node]').count();
console.log(`browser grow rows=${big} click_to_tree_ms=${grown.ms} worker_ms=${grown.worker.toFixed(0)}`);
for (const [name, r] of [['split', split], ['regroup', regroup], ['prune', prune]]) {
  console.log(`browser edit ${name} click_to_redrawn_ms=${r.ms.toFixed(0)} worker_ms=${r.worker.toFixed(0)}`);
}
console.log(`tree nodes after the edits: ${nodes}; regrouped at node ${movedAt}, pruned node ${inner[0]}`);
await browser.close();
server.close();
