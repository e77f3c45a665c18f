// Editing the demo's MOB tree by hand, with the keyboard: a split forced at node 1, a category
// moved between the root's groups, node 2 pruned. The recept keeps the edits; `perspectief run`
// replays them to the same tree JSON as the page's download; after a reload, the recept gives
// the same drawing. axe-core finds nothing in the open editor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startApp, stopApp, demoPage, axeViolations } from './harness.mjs';

const DIST = resolve(process.env.DIST ?? 'dist');
let browser, server, base, dir;

before(async () => ({ browser, server, base, demoDir: dir } = await startApp(DIST, { demo: 'edit' })));
after(() => stopApp({ browser, server }));

const edits = (page) => page.getByTestId('tree-edits').locator('li').allTextContents();

async function waitForEdits(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="tree-edits"] li').length === n, n);
}

test('Tree editor: force, move, prune by keyboard; the recept and perspectief run give the same tree', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const { page, errors } = await demoPage(context, base);
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
  await page.getByTestId('tree-summary').waitFor();
  const editor = page.getByTestId('tree-editor');
  await editor.locator('summary').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('competitors').waitFor();
  assert.deepEqual(await axeViolations(page), []);

  // 1. Node 1, chosen in the diagram with the keyboard (arrow down from the root, Enter).
  await page.locator('#pf-tree-svg [data-node="0"]').focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-node') === '1');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#pf-edit-node')?.value === '1');
  assert.match(await page.getByTestId('competitors').locator('caption').textContent(), /knoop 1$/);
  const rows = page.getByTestId('competitors').locator('tbody tr');
  assert.ok((await rows.count()) >= 2 && (await rows.count()) <= 5);
  // A predictor CHAID did not choose at node 1.
  const other = rows.filter({ hasNotText: 'huidige splitsing' }).first();
  const forced = await other.getAttribute('data-predictor');
  await other.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await waitForEdits(page, 1);
  assert.deepEqual(await edits(page), [`Knoop 1: handmatig gesplitst op ${forced}.`]);
  assert.equal(await page.locator('#pf-tree-svg [data-node="1"]').count(), 1);
  // Focus comes back to the node list, not to the top of the page.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'pf-edit-node');

  // 2. The root: move "slecht" into the second group, apply.
  await page.locator('#pf-edit-node').selectOption('0');
  const regroup = page.getByTestId('regroup');
  await regroup.waitFor();
  await page.getByLabel('Groep van slecht', { exact: true }).selectOption({ label: 'Groep 2' });
  await regroup.getByRole('button', { name: 'Groepen toepassen' }).focus();
  await page.keyboard.press('Enter');
  await waitForEdits(page, 2);
  assert.match((await edits(page))[1], /^Knoop 0: handmatig gesplitst op communicatie_dtv in de groepen goed \| .*slecht.*\.$/);

  // 3. Prune node 2.
  await page.locator('#pf-edit-node').selectOption('2');
  const prune = page.getByRole('button', { name: 'Snoei de takken van knoop 2' });
  await prune.focus();
  await page.keyboard.press('Enter');
  await waitForEdits(page, 3);
  assert.equal((await edits(page))[2], 'Knoop 2: tak gesnoeid.');
  assert.equal(await page.locator('#pf-tree-svg [data-node="2"]').getAttribute('aria-expanded'), null, 'node 2 is a leaf');

  // The report lists the edits under the tree.
  await page.getByTestId('tree-result').getByRole('button', { name: 'Zet in verslag' }).click();
  const [verslag] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download verslag (HTML)' }).click()]);
  const html = readFileSync(await verslag.path(), 'utf8');
  assert.ok(html.includes('<h3>Bewerkingen met de hand</h3><ol><li>Knoop 1: handmatig gesplitst op') && html.includes('<li>Knoop 2: tak gesnoeid.</li>'), 'the edits in the report');
  // 4. The page's tree JSON and the recept.
  const [jsonFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download boom (JSON)' }).click()]);
  const pageJson = readFileSync(await jsonFile.path(), 'utf8');
  const [receptFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Recept opslaan' }).click()]);
  const receptPath = join(dir, 'recept.json');
  await receptFile.saveAs(receptPath);
  const recept = JSON.parse(readFileSync(receptPath, 'utf8'));
  const trees = recept.analyses.filter((a) => a.type === 'tree');
  assert.equal(trees.length, 1, 'the edits replace the tree they edit: one tree in the recept');
  assert.deepEqual(trees[0].edits.map((e) => e.edit), ['split', 'regroup', 'prune']);

  // 5. perspectief run replays the recept: the same tree JSON, byte for byte.
  const demoFiles = readdirSync(dir).filter((f) => !/\.json$|^LEESMIJ/.test(f) && !statSync(join(dir, f)).isDirectory()).map((f) => join(dir, f));
  const out = join(dir, 'run');
  execFileSync('cargo', ['run', '-q', '-p', 'perspectief-cli', '--', 'run', '--recept', receptPath, '--out', out, ...demoFiles], { stdio: 'pipe' });
  const treeFile = readdirSync(out).filter((f) => /-boom-mob\.json$/.test(f)).sort().at(-1);
  assert.equal(readFileSync(join(out, treeFile), 'utf8'), pageJson);

  // 6. Reload, load the files and the recept: the same drawing.
  // The drawing, without the choice of node (a reloaded page has none).
  const drawing = async () => (await page.locator('#pf-tree-svg').innerHTML()).replaceAll(' pf-tree-selected', '').replaceAll('aria-selected="true"', 'aria-selected="false"');
  const svgBefore = await drawing();
  assert.match(svgBefore, /data-node="2"/);
  const summary = await page.getByTestId('tree-summary').textContent();
  await page.reload();
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).click();
  await page.getByTestId('files-summary').waitFor();
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  await page.getByLabel('Recept laden').setInputFiles(receptPath);
  await page.waitForFunction((t) => document.querySelector('[data-testid="tree-summary"]')?.textContent === t, summary);
  assert.equal(await drawing(), svgBefore);
  await page.getByTestId('tree-editor').locator('summary').click();
  assert.equal((await edits(page)).length, 3, 'the edits are listed again');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Tree options: costs and priors change the classification; split-sample and cross-validation beside the tree; all in the recept', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const { page, errors } = await demoPage(context, base);
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
  await page.getByTestId('tree-summary').waitFor();
  const correctJa = async () => (await page.getByTestId('classification').locator('tbody tr').first().locator('td').last().textContent());
  const before = await correctJa();
  await page.getByTestId('tree-options').locator('summary').first().click();
  // Predicting "nee" for a client who left with unknown destination costs 5.
  await page.getByLabel('Kosten: waargenomen ja, voorspeld nee').fill('5');
  await page.getByLabel('Kosten: waargenomen ja, voorspeld nee').press('Tab');
  await page.getByRole('button', { name: 'Boom laten groeien' }).click();
  await page.waitForFunction((b) => {
    const row = document.querySelector('[data-testid="classification"] tbody tr');
    return row && row.lastElementChild.textContent !== b;
  }, before);
  const after = await correctJa();
  assert.ok(Number(after.replace(',', '.')) > Number(before.replace(',', '.')), `${before} → ${after}: more ja predicted right`);
  // Equal priors, then a split sample.
  await page.getByLabel('Gelijk voor elke categorie').check();
  await page.getByLabel(/^Gesplitste steekproef/).check();
  await page.getByLabel('Percentage om de boom te laten groeien').fill('70');
  await page.getByLabel('Percentage om de boom te laten groeien').press('Tab');
  await page.getByRole('button', { name: 'Boom laten groeien' }).click();
  const validation = page.getByTestId('validation');
  await validation.waitFor();
  const rows = await validation.locator('tbody tr').evaluateAll((rs) => rs.map((r) => [...r.children].map((c) => c.textContent)));
  assert.equal(rows[0][0], 'N');
  assert.equal(Number(rows[0][1].replace('.', '')) + Number(rows[0][2].replace('.', '')), 733);
  await page.getByTestId('test-classification').waitFor();
  // The editor works on the training cases of a validated tree too.
  await page.getByTestId('tree-editor').locator('summary').click();
  await page.getByTestId('competitors').waitFor();
  await page.getByTestId('tree-editor').locator('summary').click();
  // Cross-validation.
  await page.getByLabel('Kruisvalidatie (k delen)').check();
  await page.getByRole('button', { name: 'Boom laten groeien' }).click();
  await page.getByTestId('cv-risk').waitFor();
  assert.match(await page.getByTestId('cv-risk').textContent(), /^Risico bij kruisvalidatie \(10 delen\): 0,\d{3} \(std\. fout 0,\d{3}\)\./);
  const [receptFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Recept opslaan' }).click()]);
  const recept = JSON.parse(readFileSync(await receptFile.path(), 'utf8'));
  const last = recept.analyses.at(-1);
  assert.deepEqual(last.params.assignment, { costs: [[0, 1], [5, 0]], priors: 'equal' });
  assert.deepEqual(last.validation, { kind: 'cross_validation', folds: 10, seed: 1 });
  assert.ok(recept.analyses.some((x) => x.validation?.kind === 'split_sample' && x.validation.training_percent === 70));
  assert.deepEqual(errors, []);
  await context.close();
});

test('Gains charts, the PMML model, and no prediction per person in any view or download', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const { page, errors } = await demoPage(context, base);
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
  await page.getByTestId('tree-summary').waitFor();
  const chart = page.getByTestId('gains-chart').locator('svg');
  await chart.waitFor();
  assert.equal(await chart.locator('polyline').count(), 4, 'gains, index, response, ROC');
  assert.match(await chart.getAttribute('aria-label'), /^Winst-, index-, respons- en ROC-grafiek voor ja: (AUC = 0,\d{3}|AUC niet getoond)$/);
  const download = async (name) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  };
  const files = [];
  files.push(await download('Download winstgrafieken (SVG)'));
  assert.match(files[0].bytes.toString('utf8'), /^<svg [^>]*xmlns="[^"]+\/svg"/, 'the SVG download has its namespace, written by the browser');
  files.push(await download('Download winstgrafieken (PNG)'));
  assert.equal(files[1].name, 'winst-ja.png');
  assert.ok(files[1].bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'a PNG');
  const pmml = await download('Download model (PMML)');
  files.push(pmml);
  const nodes = await page.locator('#pf-tree-svg [data-node]').count();
  assert.equal(pmml.name, 'boom-mob.pmml');
  assert.equal((pmml.bytes.toString().match(/<Node id="/g) ?? []).length, nodes, 'one PMML Node per tree node');
  for (const name of ['Download boom (JSON)', 'Download regels (tekst)', 'Download regels (SPSS-syntax)', 'Download regels (SQL)', 'Download boomtabellen (Excel)']) {
    files.push(await download(name));
  }
  // The analysis file (one row per person, not anonymous, for the researcher's own machine) has
  // no node, prediction or score column; no other download has a line per person.
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Koppeling' }).click();
  const analysis = await download(/^Download analysebestand \(CSV\)/);
  const header = analysis.bytes.toString('utf8').split(/\r?\n/)[0].toLowerCase();
  for (const column of ['knoop', 'node', 'voorspel', 'predict', 'score', 'nod_001', 'pre_001', 'kans']) {
    assert.ok(!header.split(/[;,]/).some((c) => c.includes(column)), `no ${column} column in the analysis file: ${header}`);
  }
  const persons = analysis.bytes.toString('utf8').split(/\r?\n/).filter(Boolean).length - 1;
  assert.ok(persons > 700);
  for (const f of files.filter((f) => !/\.(png|xlsx)$/.test(f.name))) {
    const lines = f.bytes.toString('utf8').split('\n').length;
    assert.ok(lines < persons, `${f.name}: ${lines} lines, fewer than the ${persons} persons`);
  }
  // No view of the page lists the persons with a prediction either.
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  await page.getByTestId('tree-summary').waitFor();
  const longest = await page.evaluate(() => Math.max(0, ...[...document.querySelectorAll('table')].map((t) => t.rows.length)));
  assert.ok(longest < persons, `the longest table has ${longest} rows`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('A new wave: last year\'s tree (its PMML) applied to a second demo wave, in groups only', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const { page, errors } = await demoPage(context, base);
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
  await page.getByTestId('tree-summary').waitFor();
  const [model] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download model (PMML)' }).click()]);
  const pmmlPath = join(dir, 'mob-golf1.pmml');
  await model.saveAs(pmmlPath);
  const leaves = await page.locator('#pf-tree-svg [data-node]:not([aria-expanded])').count();
  assert.ok(leaves >= 2);
  // The second wave: the demo generator with another seed, loaded as a user loads files.
  const second = join(dir, 'golf2');
  execFileSync('cargo', ['run', '-q', '-p', 'perspectief-cli', '--', 'demo', '--seed', '2012', '--out', second], { stdio: 'ignore' });
  await page.reload();
  await page.getByLabel('Bestanden kiezen').setInputFiles(readdirSync(second).filter((f) => !/^LEESMIJ/.test(f)).map((f) => join(second, f)));
  await page.getByTestId('files-summary').waitFor();
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  await page.getByTestId('no-profiling').waitFor();
  assert.match(await page.getByTestId('no-profiling').textContent(), /^Alleen groepen: geen cliënt krijgt een eigen voorspelling of risicoscore\./);
  await page.getByLabel('Model (PMML) van een eerdere golf laden').setInputFiles(pmmlPath);
  const table = page.getByTestId('wave');
  await table.waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((rs) => rs.map((r) => [...r.children].map((c) => c.textContent)));
  assert.equal(rows.length, leaves, 'a row per terminal node');
  const n = rows.reduce((s, r) => s + Number(r[2].replace('.', '')), 0);
  assert.match(await page.getByTestId('wave-summary').textContent(), new RegExp(`^${n.toLocaleString('nl-NL')} cliënten in deze golf`));
  assert.match(await page.getByTestId('wave-risk').textContent(), /^Risico in deze golf: 0,\d{3} \(std\. fout 0,\d{3}\); in het model: 0,\d{3}\./);
  assert.equal(await page.getByTestId('wave-classification').locator('tbody tr').count(), 2);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
