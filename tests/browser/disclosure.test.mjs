// Every table, tree, gains and report output of a session with a forced small
// split (issue 15): the first split forced on steunpunt with children of one
// person, for psychiatrische_diagnose, and the crosstab regio × diagnose. Each
// download goes through the same checker as the core's tests (`perspectief
// disclosure`): no count below the threshold, no hidden count given back by
// the sums, the printed statistic or another view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startApp, stopApp, demoPage } from './harness.mjs';

const DIST = resolve(process.env.DIST ?? 'dist');
let browser, server, base, dir;

before(async () => ({ browser, server, base, demoDir: dir } = await startApp(DIST, { demo: 'openbaar' })));
after(() => stopApp({ browser, server }));

/** Counts in a table on the page (the cells that hold counts), as numbers. */
const numbers = (texts) => texts.map((t) => t.trim()).filter((t) => /^\d[\d.]*$/.test(t)).map((t) => Number(t.replace(/\./g, '')));

test('A forced small split and a crosstab with small cells: every download passes the disclosure check', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const { page, errors } = await demoPage(context, base);
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();

  // The tree: psychiatrische_diagnose by steunpunt (forced) and geslacht, children of one person allowed.
  const options = page.getByTestId('tree-options');
  await options.locator('summary').first().click();
  await page.getByLabel('Afhankelijke variabele').selectOption('psychiatrische_diagnose');
  await options.getByText('Per variabele', { exact: true }).click();
  for (const box of await options.locator('input[id^="pf-pred-"]').all()) await box.setChecked(false);
  await options.getByLabel('Steunpunt', { exact: true }).setChecked(true);
  await options.getByLabel('Geslacht', { exact: true }).setChecked(true);
  const set = async (label, value) => {
    await page.getByLabel(label).fill(value);
    await page.getByLabel(label).dispatchEvent('change');
  };
  await set('Minimum cases in ouderknoop (100)', '2');
  await set('Minimum cases in kindknoop (50)', '1');
  await set('Significantieniveau splitsen (0,05)', '0.99');
  await set('Significantieniveau samenvoegen (0,05)', '0.99');
  await page.getByLabel('Eerste splitsing afdwingen op').selectOption('steunpunt');
  await page.getByRole('button', { name: 'Boom laten groeien' }).click();
  await page.waitForFunction(() => /^Boom voor Psychiatrische diagnose: \d+ knopen/.test(document.querySelector('[data-testid="tree-summary"]')?.textContent ?? ''));
  const summary = await page.getByTestId('tree-summary').textContent();
  assert.match(summary, /eerste splitsing op Steunpunt\.$/);
  const nodes = Number(summary.match(/: (\d+) knopen/)[1]);
  assert.ok(nodes > 40, summary);

  // On the page: the tree table, the drawing, the classification and the gains show no count 1–4,
  // and the root's N stays readable.
  // A row: node, parent, values, the class counts, N, split.
  const rows = await page.getByTestId('tree-table').locator('tbody tr').evaluateAll((rs) => rs.map((r) => [...r.children].map((c) => c.textContent.trim())));
  assert.equal(rows.length, nodes);
  const counts = rows.map((r) => r.slice(3, -1));
  for (const n of numbers(counts.flat())) assert.ok(n === 0 || n >= 5, `the tree table shows ${n}`);
  assert.deepEqual(counts[0], ['128', '462', '143', '733'], 'the root stays readable');
  assert.ok(counts.flat().includes('<5') && counts.flat().includes('x'), 'small counts as "<5", others hidden for their sake as "x"');
  const classified = await page.getByTestId('classification').locator('tbody td').allTextContents();
  for (const n of numbers(classified.filter((_, i) => i % 4 !== 3))) assert.ok(n === 0 || n >= 5, `the classification shows ${n}`);
  assert.match(await page.getByTestId('tree-result').textContent(), /Met "x" is een aantal verborgen/);
  const drawn = await page.locator('#pf-tree-svg .pf-tree-num').allTextContents();
  for (const n of numbers(drawn)) assert.ok(n === 0 || n >= 5, `the drawing shows ${n}`);
  // The gains: a row is node, N, node %, gain N, gain %, response %, index %.
  const gains = await page.getByTestId('gains').locator('tbody tr').evaluateAll((rs) => rs.map((r) => [...r.children].map((c) => c.textContent.trim())));
  assert.ok(gains.length > 0);
  for (const n of numbers(gains.flatMap((r) => [r[1], r[3]]))) assert.ok(n === 0 || n >= 5, `the gains show ${n}`);

  // Downloads of the tree: SVG, tables (xlsx).
  const save = async (name, click) => {
    const [d] = await Promise.all([page.waitForEvent('download'), click()]);
    const path = join(dir, name);
    await d.saveAs(path);
    return path;
  };
  const files = [];
  files.push(await save('boom.svg', () => page.getByRole('button', { name: 'Download boom (SVG)' }).click()));
  files.push(await save('boomtabellen.xlsx', () => page.getByRole('button', { name: 'Download boomtabellen (Excel)' }).click()));
  await page.getByTestId('tree-result').getByRole('button', { name: 'Zet in verslag' }).click();

  // The crosstab regio_herkomst × psychiatrische_diagnose: small cells hidden, no χ² beside them.
  await page.getByLabel('Soort tabel').selectOption('crosstab');
  await page.getByLabel('Variabele', { exact: true }).selectOption('regio_herkomst');
  await page.getByLabel('Per (kolommen)').selectOption('psychiatrische_diagnose');
  await page.getByRole('button', { name: 'Tabel maken' }).click();
  const table = page.getByTestId('describe-table');
  await table.waitFor();
  const cells = await table.locator('tbody td, tfoot td').allTextContents();
  // A cell is "count (row %)"; a hidden count hides its percentage too.
  assert.ok(cells.includes('<5 (–)') && cells.includes('x (–)'), cells.join('|'));
  for (const n of numbers(cells.map((c) => c.split(' ')[0]))) assert.ok(n === 0 || n >= 5, `the crosstab shows ${n}`);
  assert.doesNotMatch(await page.getByTestId('describe-result').textContent(), /Chi-kwadraat = \d/);
  files.push(await save('tabel.csv', () => page.getByRole('button', { name: 'Download tabel (CSV)' }).click()));
  files.push(await save('tabel.xlsx', () => page.getByRole('button', { name: 'Download tabel (Excel)' }).click()));
  await page.getByTestId('describe-result').locator('..').getByRole('button', { name: 'Zet in verslag' }).click();
  files.push(await save('verslag.html', () => page.getByRole('button', { name: 'Download verslag (HTML)' }).click()));

  // The same checker as the core's tests, on every file as a reader gets it.
  const check = spawnSync('cargo', ['run', '-q', '-p', 'perspectief-cli', '--', 'disclosure', ...files], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.equal((check.stdout.match(/: in orde$/gm) ?? []).length, files.length, check.stdout);
  assert.deepEqual(errors, []);
  await context.close();
});
