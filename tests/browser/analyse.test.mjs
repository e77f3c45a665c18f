// The Analyse step on the demo: a CHAID tree for MOB in one click, its diagram
// and tables, the SVG download (no V-nummer or name in it), the screening, and
// a protected frequency table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startApp, stopApp, demoPage } from './harness.mjs';

const DIST = resolve(process.env.DIST ?? 'dist');
let browser, server, base, dir;

before(async () => ({ browser, server, base, demoDir: dir } = await startApp(DIST, { demo: 'analyse' })));
after(() => stopApp({ browser, server }));

test('Analyse: one click grows the MOB tree; diagram, tables, SVG download, screening, a protected table', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const { page, errors } = await demoPage(context, base);
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
  const summary = page.getByTestId('tree-summary');
  await summary.waitFor();
  const text = await summary.textContent();
  const m = text.match(/^Boom voor Vertrokken met onbekende bestemming \(MOB\): (\d+) knopen, (\d+) eindknopen; eerste splitsing op (.+)\.$/);
  assert.ok(m, text);
  const nodes = Number(m[1]);
  assert.ok(nodes >= 3, text);
  // The diagram has one box per node and the root's branch header.
  assert.equal(await page.locator('#pf-tree-svg [data-node]').count(), nodes);
  assert.match(await page.locator('#pf-tree-svg').textContent(), new RegExp(`${m[3]}Adj\\. P-waarde (= \\d|< 0,001)`));
  assert.equal(await page.getByTestId('tree-table').locator('tbody tr').count(), nodes);
  assert.match(await page.getByTestId('risk').textContent(), /^Risico: 0,\d{3} \(std\. fout 0,\d{3}\)$/);
  // Clicking a node shows its path; clicking the root collapses the tree to one box.
  await page.locator('#pf-tree-svg [data-node="1"]').click();
  assert.match(await page.getByTestId('node-path').textContent(), new RegExp(`^Knoop 1: \\d+ cliënten \\(\\d+,\\d %\\)\\. Pad: ${m[3]} = `));
  // Arrow keys walk the tree: down to a child, right to its sibling, up to the parent.
  // The tree is one tab stop; arrow keys move it.
  const focusOn = (n) => page.waitForFunction((id) => document.activeElement?.dataset?.node === id, n);
  assert.equal(await page.locator('#pf-tree-svg [role="treeitem"][tabindex="0"]').count(), 1);
  await page.locator('#pf-tree-svg [data-node="0"]').focus();
  await page.keyboard.press('ArrowDown');
  await focusOn('1');
  await page.keyboard.press('ArrowRight');
  await focusOn('2');
  await page.keyboard.press('ArrowUp');
  await focusOn('0');
  assert.equal(await page.locator('#pf-tree-svg [data-node="0"]').getAttribute('tabindex'), '0');
  // The gains table for the class the user picks, one row per terminal node.
  assert.equal(await page.getByTestId('gains').locator('tbody tr').count(), Number(m[2]));
  assert.match(await page.getByTestId('gains').locator('caption').textContent(), /^Winsttabel voor ja$/);
  await page.getByLabel('Doelcategorie voor de winsttabel').selectOption({ label: 'nee' });
  await page.waitForFunction(() => document.querySelector('[data-testid="gains"] caption').textContent === 'Winsttabel voor nee');
  // Enter selects (the path), and collapsing is a control of its own.
  await page.locator('#pf-tree-svg [data-node="0"]').press('Enter');
  await page.waitForFunction(() => /^Knoop 0: /.test(document.querySelector('[data-testid="node-path"]').textContent));
  assert.equal(await page.locator('#pf-tree-svg [data-node]').count(), nodes, 'selecting collapses nothing');
  await page.getByRole('button', { name: 'Knoop 0 inklappen' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#pf-tree-svg [data-node]').length === 1);
  assert.equal(await page.locator('#pf-tree-svg [data-node="0"]').getAttribute('aria-expanded'), 'false');
  await page.getByRole('button', { name: 'Alles tonen' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('#pf-tree-svg [data-node]').length === n, nodes);
  // The SVG download stands on its own and holds no V-nummer or name.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download boom (SVG)' }).click()]);
  assert.equal(download.suggestedFilename(), 'boom-mob.svg');
  const svg = readFileSync(await download.path(), 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /^<svg [^>]*><style>[^<]*\.pf-tree-box \{ fill: /);
  assert.doesNotMatch(svg, /\d{10}/);
  // The PNG is a real image of the drawing, twice its size.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download boom (PNG)' }).click()]);
  assert.equal(png.suggestedFilename(), 'boom-mob.png');
  const pngBytes = readFileSync(await png.path());
  assert.equal(pngBytes.subarray(1, 4).toString(), 'PNG');
  const svgWidth = Number(await page.locator('#pf-tree-svg').getAttribute('width'));
  assert.equal(pngBytes.readUInt32BE(16), Math.round(svgWidth * 2));
  assert.ok(pngBytes.length > 20000, `${pngBytes.length} bytes: more than a blank image`);
  // Screening: every predictor on its own, sorted by adjusted p; a row opens its tree.
  await page.getByTestId('tree-options').locator('summary').first().click();
  await page.getByRole('button', { name: 'Screening: elke variabele apart' }).click();
  const screening = page.getByTestId('screening');
  await screening.waitFor();
  const ps = await screening.locator('tbody tr td:nth-child(2)').allTextContents();
  assert.ok(ps.length > 10, `${ps.length} rows`);
  // "< 0,001" below a thousandth, three decimals above (as everywhere p is printed).
  const values = ps.map((p) => Number(p.replace('< ', '').replace(',', '.')));
  assert.ok(values.every((v) => !Number.isNaN(v)), ps.join('|'));
  assert.deepEqual([...values].sort((a, b) => a - b), values);
  assert.equal(await screening.locator('tbody tr th').first().textContent(), m[3], 'the best predictor on its own is the root split');
  const [screenFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download screening (Excel)' }).click()]);
  assert.equal(screenFile.suggestedFilename(), 'screening-mob.xlsx');
  assert.equal(readFileSync(await screenFile.path()).subarray(0, 2).toString(), 'PK');
  const [treeXlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download boomtabellen (Excel)' }).click()]);
  assert.equal(treeXlsx.suggestedFilename(), 'boomtabellen-mob.xlsx');
  assert.ok(readFileSync(await treeXlsx.path()).includes(Buffer.from('xl/worksheets/sheet3.xml')), 'tree table, classification and gains');
  // The rules as text, SPSS syntax and SQL: one per terminal node, no count below 5.
  const downloadText = async (name) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return [d.suggestedFilename(), readFileSync(await d.path(), 'utf8')];
  };
  const [textName, rules] = await downloadText('Download regels (tekst)');
  assert.equal(textName, 'regels-mob.txt');
  const sentences = rules.trim().split('\n').filter((line) => line.startsWith('Knoop '));
  assert.ok(sentences.length >= 2 && sentences.every((line) => / als .*, dan /.test(line)), rules);
  const stated = (rules.match(/n = [\d.]+/g) ?? []).map((m) => Number(m.slice(4).replaceAll('.', '')));
  assert.ok(stated.length > 0 && stated.every((n) => n >= 5), `the rules state ${stated}`);
  const [spssName, spss] = await downloadText('Download regels (SPSS-syntax)');
  assert.equal(spssName, 'regels-mob.sps');
  assert.ok(spss.includes('COMPUTE nod_001 = ') && spss.trim().endsWith('EXECUTE.'), spss);
  const [sqlName, sql] = await downloadText('Download regels (SQL)');
  assert.equal(sqlName, 'regels-mob.sql');
  assert.match(sql, /^SELECT \*,\n  CASE\n[\s\S]*END AS node_id\nFROM data;\n$/);
  // A WHEN for every terminal node (and the inner ones after them), the root as the ELSE.
  assert.ok((sql.match(/ WHEN /g) ?? []).length >= sentences.length, sql);
  // Forcing the first split on the second-best predictor (defaults restored by the MOB button).
  const second = await screening.locator('tbody tr th').nth(1).textContent();
  await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
  await page.waitForFunction((t) => document.querySelector('[data-testid="tree-summary"]')?.textContent === t, text);
  await page.getByLabel('Eerste splitsing afdwingen op').selectOption(second);
  await page.getByRole('button', { name: 'Boom laten groeien' }).click();
  await page.waitForFunction((name) => document.querySelector('[data-testid="tree-summary"]')?.textContent.includes(`eerste splitsing op ${name}.`), second);
  await page.getByLabel('Eerste splitsing afdwingen op').selectOption('');
  // Every option of the engine is in the form (SPSS defaults in the labels) and goes into the recept.
  const setOptions = async (values) => {
    await page.getByLabel('Methode', { exact: true }).selectOption(values.method);
    for (const [label, value] of Object.entries(values.numbers)) {
      await page.getByLabel(label).fill(value);
      await page.getByLabel(label).dispatchEvent('change');
    }
    for (const label of values.ticks) await page.getByLabel(label).click();
  };
  const numbers = (merge, epsilon, iterations) => ({
    'Significantieniveau samenvoegen (0,05)': merge,
    'Convergentie: minimale verandering in verwachte celfrequenties (0,001)': epsilon,
    'Convergentie: maximum aantal iteraties (100)': iterations,
  });
  const ticks = [/^Exhaustive CHAID, nominaal: Bonferroni-factor/, /^Gelijke aangepaste p: alleen de volgorde/];
  await setOptions({ method: 'exhaustive', numbers: numbers('0.04', '0.0005', '50'), ticks });
  await page.getByRole('button', { name: 'Boom laten groeien' }).click();
  await page.getByTestId('tree-summary').waitFor();
  await setOptions({ method: 'chaid', numbers: numbers('0.05', '0.001', '100'), ticks });
  await screening.getByRole('button', { name: m[3] }).click();
  await page.waitForFunction((name) => document.querySelector('[data-testid="tree-summary"]')?.textContent.includes(`eerste splitsing op ${name}`), m[3]);
  // A frequency table with small counts hidden, and a crosstab with χ².
  await page.getByLabel('Variabele', { exact: true }).selectOption('psychiatrische_diagnose');
  await page.getByRole('button', { name: 'Tabel maken' }).click();
  const table = page.getByTestId('describe-table');
  await table.waitFor();
  assert.match(await table.locator('caption').textContent(), /psychiatrische_diagnose/);
  await page.getByLabel('Soort tabel').selectOption('crosstab');
  await page.getByLabel('Variabele', { exact: true }).selectOption('geslacht');
  await page.getByLabel('Per (kolommen)').selectOption('mob');
  await page.getByRole('button', { name: 'Tabel maken' }).click();
  await page.getByTestId('chi-square').waitFor();
  assert.match(await page.getByTestId('chi-square').textContent(), /^Chi-kwadraat = \d+,\d{3}, df = 1, p = \d,\d{3}$/);
  // The stacked chart of the crosstab as SVG (hidden counts draw nothing), and column percentages.
  const [chart] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download grafiek (SVG)' }).click()]);
  const chartSvg = readFileSync(await chart.path(), 'utf8');
  assert.match(chartSvg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* id="pf-chart-svg"[^>]*><style>[^<]*\.pf-chart-label \{ fill: rgb\(26, 26, 26\)/);
  assert.equal((chartSvg.match(/<title>/g) ?? []).length, 2 * 2, 'two sexes × two outcomes');
  assert.doesNotMatch(chartSvg, /verborgen/, 'nothing hidden, no hatched segment');
  await page.getByLabel('Percentages').selectOption('col');
  await page.waitForFunction(() => /kolompercentages/.test(document.querySelector('[data-testid="describe-table"] caption').textContent));
  // The report: the tree and the crosstab, as one HTML file that prints to PDF.
  await page.getByTestId('tree-result').getByRole('button', { name: 'Zet in verslag' }).click();
  await page.getByTestId('describe-result').locator('..').getByRole('button', { name: 'Zet in verslag' }).click();
  assert.equal(await page.getByTestId('report-items').locator('li').count(), 2);
  const [reportFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download verslag (HTML)' }).click()]);
  assert.equal(reportFile.suggestedFilename(), 'perspectief-verslag.html');
  const html = readFileSync(await reportFile.path(), 'utf8');
  assert.match(html, /^<!doctype html>/);
  assert.equal((html.match(/<section>/g) ?? []).length, 2);
  assert.match(html, /<section><h2>Boom voor [^<]+<\/h2><svg [^>]*><style>/);
  assert.match(html, /<section><h2>geslacht × mob<\/h2>/);
  assert.match(html, /Chi-kwadraat = /);
  assert.doesNotMatch(html, /\b\d{10}\b/);
  // The crosstab downloads as xlsx (a real workbook) and as CSV with its χ² and the protection note.
  const [xlsxFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download tabel (Excel)' }).click()]);
  assert.equal(xlsxFile.suggestedFilename(), 'tabel-geslacht.xlsx');
  const xlsx = readFileSync(await xlsxFile.path());
  assert.equal(xlsx.subarray(0, 2).toString(), 'PK');
  assert.ok(xlsx.includes(Buffer.from('xl/worksheets/sheet1.xml')));
  const [tableFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download tabel (CSV)' }).click()]);
  assert.equal(tableFile.suggestedFilename(), 'tabel-geslacht.csv');
  const csv = readFileSync(await tableFile.path(), 'utf8');
  assert.match(csv, /^geslacht × mob\r\ngeslacht;ja \(n\);ja \(rij-%\);nee \(n\);nee \(rij-%\);Totaal\r\n/);
  assert.match(csv, /\r\nChi-kwadraat;\d+,\d+;df;1;p;/);
  // §7.5: ex-AMV characteristics alone against ex-AMV plus steunpunt, side by side.
  await page.getByRole('button', { name: 'Vergelijken' }).click();
  await page.getByTestId('comparison').waitFor();
  const rows = await page.getByTestId('comparison').locator('tbody tr').evaluateAll((rs) => rs.map((r) => [...r.children].map((c) => c.textContent)));
  assert.equal(rows.length, 5);
  assert.ok(Number(rows[0][1]) < Number(rows[0][2]), `predictors ${rows[0]}`);
  const compared = await page.getByTestId("comparison-sentence").textContent();
  assert.doesNotMatch(compared, /0,0 %.*0,0 %/, 'no empty comparison of two zeros');
  if (!compared.startsWith('Geen van beide')) assert.match(compared, /^Met alleen de kenmerken van de ex-AMV's voorspelt de boom \d+,\d % van de ex-AMV's die .+ juist; met de kenmerken van de steunpunten erbij \d+,\d %\. De kenmerken van de steunpunten verbeteren de voorspelling( niet)?\./);
  else assert.match(compared, /^Geen van beide bomen voorspelt voor iemand vertrek met onbekende bestemming \(MOB\): in elke eindknoop is dat de kleinste groep\./);
  // The recept: save, reload the page, load the same files and the recept, get the same tree.
  await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
  await page.waitForFunction((t) => document.querySelector('[data-testid="tree-summary"]')?.textContent === t, text);
  const [receptFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Recept opslaan' }).click()]);
  assert.equal(receptFile.suggestedFilename(), 'perspectief-recept.json');
  const receptPath = join(dir, 'recept.json');
  await receptFile.saveAs(receptPath);
  const recept = JSON.parse(readFileSync(receptPath, 'utf8'));
  assert.equal(recept.format, 'perspectief-recept/1');
  assert.equal(recept.files.length, 22);
  assert.match(recept.files[0].sha256, /^[0-9a-f]{64}$/);
  assert.equal(recept.analyses.at(-1).type, 'tree');
  assert.ok(recept.analyses.some((x) => x.type === 'tree' && x.params.method === 'exhaustive' && x.params.alpha_merge === 0.04
    && x.params.exhaustive_nominal === 'sixth' && x.params.tie_rule === 'predictor_order'
    && x.params.convergence.epsilon === 0.0005 && x.params.convergence.max_iterations === 50), JSON.stringify(recept.analyses.map((x) => x.params)));
  assert.deepEqual(recept.analyses.at(-1).params.convergence, { epsilon: 0.001, max_iterations: 100 });
  const withoutHashes = JSON.stringify({ ...recept, files: recept.files.map(({ sha256, ...f }) => f) });
  assert.doesNotMatch(withoutHashes, /\d{10}/, 'no V-nummer in the recept');
  // The command line runs the same recept on the same files and grows the same tree.
  const demoFiles = readdirSync(dir).filter((f) => !/\.json$|^LEESMIJ|^analysebestand|^boom/.test(f) && !statSync(join(dir, f)).isDirectory()).map((f) => join(dir, f));
  const out = join(dir, 'run');
  execFileSync('cargo', ['run', '-q', '-p', 'perspectief-cli', '--', 'run', '--recept', receptPath, '--out', out, ...demoFiles], { stdio: 'pipe' });
  // One session engine: the page's table download and the command line's are the same bytes.
  const cliTable = readdirSync(out).filter((f) => /-tabel-geslacht\.csv$/.test(f)).sort().at(-1);
  assert.equal(readFileSync(join(out, cliTable), 'utf8'), csv, 'the page and perspectief run write the same table');
  const treeFile = readdirSync(out).filter((f) => /-boom-mob\.json$/.test(f)).sort().at(-1);
  const cliTree = JSON.parse(readFileSync(join(out, treeFile), 'utf8')).tree;
  assert.equal(cliTree.nodes.length, nodes);
  assert.equal(cliTree.nodes[0].split.name, await summary.getAttribute('data-split'));
  // The published form: a count is { n, mark }; every N of this tree is shown.
  assert.deepEqual(cliTree.nodes.map((n) => n.n.n), await page.getByTestId('tree-table').locator('tbody tr td:nth-last-child(2)').allTextContents().then((t) => t.map((x) => Number(x.replace('.', '')))));
  const svgBefore = await page.locator('#pf-tree-svg').innerHTML();
  await page.reload();
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).click();
  await page.getByTestId('files-summary').waitFor();
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  await page.getByLabel('Recept laden').setInputFiles(receptPath);
  await page.waitForFunction((t) => document.querySelector('[data-testid="tree-summary"]')?.textContent === t, text);
  assert.equal(await page.locator('#pf-tree-svg').innerHTML(), svgBefore);
  assert.equal(await page.getByTestId('recept-notices').count(), 0, 'the same files: no warnings');
  // A broken recept says so in Dutch and loses nothing.
  const broken = join(dir, 'kapot.json');
  writeFileSync(broken, '{ "format": ');
  await page.getByLabel('Recept laden').setInputFiles(broken);
  await page.getByText(/^Dit is geen recept van Perspectief: regel 1, kolom \d+ klopt niet/).waitFor();
  assert.equal(await page.getByTestId('tree-summary').textContent(), text);
  assert.deepEqual(errors, []);
  await context.close();
});
