// Reading real files in the browser: the demo files dropped through the file
// input (setInputFiles), plus a broken one; the check report and its export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ownFiles, recorder, startApp, stopApp } from './harness.mjs';

const DIST = resolve(process.env.DIST ?? 'dist');
let browser, server, base, demoDir;

before(async () => {
  ({ browser, server, base, demoDir } = await startApp(DIST, { demo: 'files' }));
  writeFileSync(join(demoDir, 'rapport.xlsx'), '%PDF-1.7 this is not a workbook');
});
after(() => stopApp({ browser, server }));

test('dropped demo files: kinds, counts, a broken file beside them, the check per steunpunt, the export', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const files = ownFiles(DIST);
  const rec = recorder(context, (url) => { const u = new URL(url); return u.origin === base && files.has(u.pathname); });
  const page = await context.newPage();
  rec.watchPage(page);
  await page.goto(base + '/');
  await page.getByLabel('Bestanden kiezen').waitFor();
  rec.mark();
  const paths = readdirSync(demoDir).map((f) => join(demoDir, f));
  await page.getByLabel('Bestanden kiezen').setInputFiles(paths);
  const summary = page.getByTestId('files-summary');
  await summary.waitFor();
  assert.equal(await summary.textContent(), '22 bestanden gelezen, 733 cliënten, 2 niet te lezen');
  const rows = page.locator('[data-testid="file-list"] tbody tr');
  assert.equal(await rows.count(), 24);
  const pdfRow = rows.filter({ hasText: 'rapport.xlsx' });
  assert.match(await pdfRow.textContent(), /rapport\.xlsx: dit is een PDF, geen spreadsheet/);
  const national = rows.filter({ hasText: 'DMB_extract_Perspectief.xlsx' });
  assert.equal(await national.getByRole('combobox').inputValue(), 'National');
  const utrecht = rows.filter({ hasText: 'Utrecht.xlsx' });
  const cells = await utrecht.locator('td').allTextContents();
  assert.deepEqual([cells[1], cells[2], cells[3], cells[4]], ['Utrecht', 'Registratie', '95', '95']);

  await page.getByRole('button', { name: 'Naar de controle' }).click();
  const totals = page.getByTestId('check-totals');
  await totals.waitFor();
  assert.match(await totals.textContent(), /^733 cliënten; 8 fouten, 0 waarschuwingen, \d+ meldingen\. Peildatum \d\d-\d\d-2010\.$/);
  assert.equal(await page.getByTestId('steunpunt-section').count(), 20);
  const amsterdam = page.getByTestId('steunpunt-section').filter({ hasText: 'Amsterdam:' });
  assert.match(await amsterdam.textContent(), /V-nummer ontbreekt — Fout/);
  assert.match(await amsterdam.textContent(), /registratie_amsterdam_2010\.xlsx, tabblad 'Uitgestroomd', rij \d+/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download alle controles (Excel)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'controle-alle-steunpunten.xlsx');
  const saved = join(demoDir, 'export.xlsx');
  await download.saveAs(saved);
  assert.equal(readFileSync(saved).subarray(0, 2).toString(), 'PK');
  assert.deepEqual(rec.problems(), []);
  await context.close();
});

test('removing a file and changing its kind are one click each', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.getByLabel('Bestanden kiezen').setInputFiles([join(demoDir, 'zwolle.xlsx'), join(demoDir, 'rapport.xlsx')]);
  const summary = page.getByTestId('files-summary');
  await summary.waitFor();
  assert.equal(await summary.textContent(), '1 bestand gelezen, 24 cliënten, 1 niet te lezen');
  await page.getByRole('button', { name: 'Verwijderen rapport.xlsx' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="files-summary"]').textContent === '1 bestand gelezen, 24 cliënten');
  await page.getByLabel('Soort van zwolle.xlsx').selectOption('Characteristics');
  await page.waitForFunction(() => document.querySelector('[data-testid="files-summary"]').textContent === '1 bestand gelezen, 0 cliënten');
  await context.close();
});

test('mapping a column by hand: an unknown header becomes the V-nummer', async () => {
  const file = join(demoDir, 'zwolle-export.csv');
  writeFileSync(file, 'Dossiernr;Naam;Geboortedatum\n0123456789;Ali A;1-1-1990\n0223456789;Bo B;2-2-1991\n');
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.getByLabel('Bestanden kiezen').setInputFiles([file]);
  await page.getByTestId('files-summary').waitFor();
  const row = page.locator('[data-testid="file-list"] tbody tr').first();
  assert.equal((await row.locator('td').allTextContents())[5], '2', 'two missing V-nummers before mapping');
  const select = page.getByLabel('Veld voor kolom Dossiernr (A)');
  assert.equal(await select.inputValue(), '');
  await select.selectOption('v_nummer');
  await page.waitForFunction(() => document.querySelector('[data-testid="file-list"] tbody tr td:nth-child(7)').textContent === '0');
  assert.equal(await page.getByLabel('Veld voor kolom Dossiernr (A)').inputValue(), 'v_nummer');
  await context.close();
});

test('a file that does not say its steunpunt asks for it; the duplicate rule can be changed', async () => {
  const file = join(demoDir, 'export.csv');
  writeFileSync(file, 'V-nummer;Naam;Datum instroom\n0123456789;Ali A;1-1-2010\n0123456789;Ali A;1-3-2010\n');
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.getByLabel('Bestanden kiezen').setInputFiles([file]);
  await page.getByTestId('files-summary').waitFor();
  await page.getByLabel('Steunpunt van export.csv').selectOption('Tilburg');
  await page.waitForFunction(() => document.querySelector('[data-testid="file-list"] tbody tr td:nth-child(3)').textContent === 'Tilburg');
  await page.getByRole('button', { name: 'Naar de controle' }).click();
  await page.getByTestId('check-totals').waitFor();
  assert.match(await page.getByTestId('check-totals').textContent(), /^1 cliënt; 2 fouten/);
  await page.getByLabel('Zelfde V-nummer met andere gegevens:').selectOption('keep_all');
  await page.waitForFunction(() => document.querySelector('[data-testid="check-totals"]').textContent.startsWith('2 cliënten'));
  await context.close();
});

test('Koppeling: Table 3 of the demo as planted, the links behind a row, accepting proposals', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).click();
  await page.getByTestId('files-summary').waitFor();
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Koppeling' }).click();
  const table = page.getByTestId('table3');
  await table.waitFor();
  const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)));
  assert.deepEqual(cells, [['13', '13'], ['36', '4'], ['63', '13'], ['99', '23']]);
  assert.match(await page.getByTestId('link-counts').textContent(), /733 personen; 713 gekoppeld op V-nummer, 0 op naam en geboortedatum; 2 voorstellen open; 18 niet gevonden; 2 landelijke rijen zonder persoon\. 690 met landelijke gegevens/);
  await table.getByRole('button', { name: 'Sekse' }).click();
  assert.equal(await page.getByTestId('links-behind').locator('tbody tr').count(), 13);
  assert.match(await page.getByTestId('links-behind').textContent(), /Geslacht verschilt/);
  const counts = () => page.getByTestId('link-counts').textContent();
  const waitCounts = (re) => page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid="link-counts"]').textContent), re.source);
  // A typed reason goes with the decision and shows in "Uw besluiten".
  await page.getByTestId('reason').fill('gecontroleerd in het dossier');
  await page.getByTestId('proposals').getByRole('button', { name: 'Accepteren' }).first().click();
  await waitCounts(/1 op naam en geboortedatum; 1 voorstellen open/);
  assert.match(await page.getByTestId('decisions').textContent(), /Voorstel geaccepteerd: .* reden: gecontroleerd in het dossier/);
  // The reason field keeps its text across the new state.
  assert.equal(await page.getByTestId('reason').inputValue(), 'gecontroleerd in het dossier');
  // Undo takes the decision back.
  await page.getByTestId('decisions').getByRole('button', { name: 'Ongedaan maken' }).click();
  await waitCounts(/0 op naam en geboortedatum; 2 voorstellen open/);
  assert.equal(await page.getByTestId('decisions').count(), 0);
  // Bulk: accept all from a score.
  await page.getByLabel('Alles accepteren vanaf score').fill('0.5');
  await page.getByLabel('Alles accepteren vanaf score').dispatchEvent('change');
  await page.getByRole('button', { name: 'Accepteren' }).last().click();
  await waitCounts(/2 op naam en geboortedatum; 0 voorstellen open.*692 met landelijke gegevens/);
  // One decision per pair, with the reason, each undoable.
  assert.equal(await page.getByTestId('decisions').locator('li').count(), 2);
  assert.equal(await page.getByTestId('decisions').getByRole('button', { name: 'Ongedaan maken' }).count(), 2);
  assert.match(await page.getByTestId('analysis-summary').textContent(), /^733 personen, 692 met landelijke gegevens, \d+ variabelen\. Peildatum/);
  // Overrule an incompatible link (sex differs) as compatible: Table 3 and the data follow
  // (the Sekse row is still open from above).
  await page.getByTestId('links-behind').getByRole('button', { name: 'Markeer verenigbaar' }).first().click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="table3"] tbody tr')][0].textContent.endsWith('1312'));
  assert.match(await counts(), /693 met landelijke gegevens/);
  assert.match(await page.getByTestId('decisions').textContent(), /Verenigbaar verklaard: .* reden: gecontroleerd in het dossier/);
  // The peildatum of the derived variables is the user's.
  await page.getByLabel('Peildatum voor leeftijd en duur').fill('2011-04-01');
  await page.waitForFunction(() => /Peildatum 01-04-2011\.$/.test(document.querySelector('[data-testid="analysis-summary"]').textContent));
  // Measurement levels are editable; the list stays open while they change.
  const levels = page.getByTestId('levels');
  await levels.locator('summary').click();
  const select = levels.getByRole('combobox', { name: 'Geslacht', exact: true });
  assert.equal(await select.inputValue(), 'Nominal');
  await select.selectOption('Ordinal');
  await page.waitForFunction(() => document.querySelector('[data-testid="levels"]').open
    && [...document.querySelectorAll('[data-testid="levels"] tr')].some((r) => r.textContent.startsWith('Geslacht') && r.querySelector('select').value === 'Ordinal'));
  // The analysis file downloads without V-nummers or names.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download analysebestand (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'analysebestand.csv');
  const saved = join(demoDir, 'analysebestand.csv');
  await download.saveAs(saved);
  const csv = readFileSync(saved, 'utf8');
  assert.equal(csv.trim().split('\n').length, 734);
  assert.doesNotMatch(csv, /\b\d{10}\b/);
  // Names from the demo's CSV registrations (the column whose header says naam).
  const demoNames = readdirSync(demoDir).filter((f) => f.endsWith('.csv') && f !== 'analysebestand.csv').flatMap((f) => {
    const lines = readFileSync(join(demoDir, f), 'latin1').split(/\r?\n/);
    const col = lines[0].split(';').findIndex((h) => /^naam$/i.test(h.trim()));
    return col < 0 ? [] : lines.slice(1).map((l) => l.split(';')[col]).filter((n) => n && /^[A-Z][a-z]+ [A-Z]/.test(n));
  });
  assert.ok(demoNames.length > 20, `${demoNames.length} names`);
  for (const name of demoNames) assert.ok(!csv.includes(name), name);
  // Computing time per step is there for whoever wonders.
  assert.ok(await page.getByTestId('timings').locator('li[data-step="koppeling"]').count() === 1);
  await context.close();
});
