// The Anonimiseren step on the demo: roles from the dictionary, one click to protect,
// write, read back and audit the file, the trees regrown, the protected file attacked
// with the original analysis file by the CLI's prosecutor; linkage
// files made with a generated secret that link, after a reload, to the same persons
// as the plain files; and no export without the own-organisation tick holds a
// V-nummer or a name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { storageAudit, startApp, stopApp, demoPage } from './harness.mjs';

const DIST = resolve(process.env.DIST ?? 'dist');
let browser, server, base, dir, demoDir;

before(async () => {
  ({ browser, server, base, demoDir } = await startApp(DIST, { demo: 'anon-demo' }));
  dir = mkdtempSync(join(tmpdir(), 'perspectief-anon-'));
});
after(() => stopApp({ browser, server }));

const demo = (context) => demoPage(context, base);

const step = (page, name) => page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name }).click();

async function download(page, click) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path, bytes: readFileSync(path) };
}

/** The V-nummers and names of the demo, from the check report for the own organisation. */
async function identities(page) {
  await step(page, 'Controle');
  await page.getByTestId('own-organisation').getByRole('checkbox').check();
  const own = await download(page, () => page.getByRole('button', { name: 'Download alle controles (CSV)' }).click());
  assert.equal(own.name, 'controle-alle-steunpunten-eigen-organisatie.csv');
  const text = own.bytes.toString('utf8');
  assert.match(text, /Alleen voor eigen gebruik/);
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((l) => l.startsWith('Steunpunt;'));
  const cols = lines[header].split(';');
  const [vi, ni] = [cols.indexOf('V-nummer'), cols.indexOf('Naam')];
  const vs = new Set(), names = new Set();
  for (const l of lines.slice(header + 1)) {
    const c = l.split(';');
    if (/^\d{10}$/.test(c[vi] ?? '')) vs.add(c[vi]);
    if ((c[ni] ?? '').length > 3) names.add(c[ni]);
  }
  await page.getByTestId('own-organisation').getByRole('checkbox').uncheck();
  // And every V-nummer in the demo files themselves (text and spreadsheet cells).
  for (const f of readdirSync(demoDir)) {
    const bytes = readFileSync(join(demoDir, f));
    const text = f.endsWith('.xlsx') ? unzipText(bytes) : bytes.toString('latin1');
    for (const v of text.match(/(?<!\d)\d{10}(?!\d)/g) ?? []) vs.add(v);
  }
  assert.ok(vs.size >= 700 && names.size >= 10, `${vs.size} V-nummers, ${names.size} names`);
  return { vs: [...vs], names: [...names] };
}

function assertClean(file, ids) {
  const text = file.name.endsWith('.xlsx') ? unzipText(file.bytes) : file.bytes.toString('utf8');
  for (const v of ids.vs) assert.ok(!text.includes(v), `${file.name} holds V-nummer ${v}`);
  for (const n of ids.names) assert.ok(!text.includes(n), `${file.name} holds name ${n}`);
}

/** The entries of a zip (xlsx, or our archive), read through its central directory. */
function unzip(buf) {
  const zlib = process.getBuiltinModule('node:zlib');
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let n = 0; n < count; n++) {
    const method = buf.readUInt16LE(at + 10), size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28), extra = buf.readUInt16LE(at + 30), comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.push({ name, bytes: method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data) });
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

const unzipText = (buf) => unzip(buf).map((e) => e.bytes.toString('utf8')).join('');

/** The CLI on files the page downloaded: its exit code and what it printed (JSON). */
function cli(args) {
  const run = spawnSync('cargo', ['run', '-q', '-p', 'perspectief-cli', '--', ...args], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

test('Anonimiseren: roles, one click to a protected file that is read back and audited, the trees, and a prosecutor who fails', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const { page, errors } = await demo(context);
  const ids = await identities(page);
  // The check report without the tick: no V-nummer, name or value.
  const plainCheck = await download(page, () => page.getByRole('button', { name: 'Download alle controles (Excel)' }).click());
  assert.equal(plainCheck.name, 'controle-alle-steunpunten.xlsx');
  assertClean(plainCheck, ids);
  assert.match(unzipText(plainCheck.bytes), /Zonder V-nummers, namen en waarden/);
  assertClean(await download(page, () => page.getByRole('button', { name: 'Download alle controles (CSV)' }).click()), ids);
  // The original analysis file: the attacker's knowledge.
  await step(page, 'Koppeling');
  const original = await download(page, () => page.getByRole('button', { name: /Download analysebestand \(Excel\)/ }).click());
  assertClean(original, ids);

  await step(page, 'Anonimiseren');
  // Every column has a role from the dictionary, grouped.
  const quasiGroup = page.getByTestId('roles-quasi');
  assert.match(await quasiGroup.locator('summary').textContent(), /^Quasi-identificerend \(\d+\)$/);
  await quasiGroup.locator('summary').click();
  for (const name of ['nationaliteit', 'regio_herkomst', 'leeftijd_bekend_nl', 'huiskamer', 'startjaar_steunpunt']) {
    assert.ok(await quasiGroup.getByRole('combobox', { name, exact: true }).count() === 1, `${name} is quasi-identifying`);
  }
  await page.getByRole('button', { name: 'Risico berekenen' }).click();
  const table = page.getByTestId('risk-table');
  await table.waitFor();
  const cell = (row, col) => table.locator('tbody tr').nth(row).locator('td').nth(col).textContent();
  assert.equal(await cell(0, 0), '733');
  assert.equal(await cell(2, 0), '1', 'the smallest class before: unique persons');
  await page.getByRole('button', { name: 'Maak anoniem en controleer' }).click();
  const audit = page.getByTestId('audit');
  await audit.waitFor();
  assert.equal(await audit.getAttribute('data-passed'), 'true', await audit.textContent());
  assert.match(await audit.textContent(), /^Controle geslaagd: het geschreven bestand is teruggelezen; elke combinatie van de \d+ quasi-identificerende kolommen komt minstens 5 keer voor/);
  const summary = page.getByTestId('anonymise-summary');
  assert.match(await summary.textContent(), /^733 van 733 records; informatieverlies \d+,\d %; \d+ cellen onderdrukt; 0 records weggelaten; \d+ van \d+ combinaties doorzocht in \d+ ms; controle in \d+ ms\.$/);
  assert.ok(Number(await cell(2, 1)) >= 5, 'the smallest class after');
  assert.equal(await cell(3, 1), '0', 'no records in classes smaller than k');
  assert.match(await table.textContent(), /Hoogste risico \(journalist\).*Verwacht deel heridentificeerd \(marketeer\).*t-closeness van psychiatrische_diagnose/s);
  // The trees regrown on the protected file, beside the originals.
  const trees = page.getByTestId('conclusions');
  await trees.waitFor();
  assert.equal(await trees.locator('tbody tr').count(), 5);
  const verdicts = await trees.locator('tbody tr td:last-child').allTextContents();
  assert.ok(verdicts.every((v) => /^conclusie (blijft|verandert)$|kan er niet op groeien/.test(v)), verdicts.join(' / '));
  assert.match(verdicts[4], /geen steunpunt/, 'the multi-level tree cannot grow without the steunpunt');

  const xlsx = await download(page, () => page.getByRole('button', { name: 'Download beschermd bestand (Excel)' }).click());
  assert.equal(xlsx.name, 'analysebestand-5-anoniem.xlsx');
  assert.match(unzipText(xlsx.bytes), /Instellingen/);
  assertClean(xlsx, ids);
  const csv = await download(page, () => page.getByRole('button', { name: 'Download beschermd bestand (CSV)' }).click());
  const text = csv.bytes.toString('utf8');
  assert.match(text, /^Geanonimiseerd met Perspectief/);
  assert.match(text, /\nk;5\r?\n/);
  assert.match(text, /\nl;2\r?\n/);
  assert.match(text, /\nRecords in klassen kleiner dan k \(na\);0\r?\n/);
  assertClean(csv, ids);
  // The files the page gave: audited again from disk, and attacked by a prosecutor who holds
  // the original analysis file (the same attack as the core's test).
  for (const f of [xlsx, csv]) assert.equal(cli(['anonymise', '--audit', f.path]).code, 0, f.name);
  assert.equal(cli(['anonymise', '--audit', original.path]).code, 3, 'the analysis file itself is not anonymous');
  for (const f of [xlsx, csv]) {
    const attack = JSON.parse(cli(['attack', '--json', '--original', original.path, '--protected', f.path]).out);
    assert.equal(attack.rows, 733);
    assert.ok(attack.columns.includes('nationaliteit') && attack.columns.includes('leeftijd_bekend_nl'), attack.columns.join());
    assert.equal(attack.rows_below_k, 0, JSON.stringify(attack));
    assert.ok(attack.min_matches >= 5);
  }

  // Any file the user brings is audited the same way: the protected file passes, the analysis file fails.
  const check = page.getByTestId('file-audit');
  await check.locator('summary').click();
  for (const [f, passed] of [[csv, 'true'], [original, 'false']]) {
    await check.getByLabel('Bestand om te controleren').setInputFiles(f.path);
    await page.waitForFunction(([name, p]) => {
      const el = document.querySelector('[data-testid="file-audit-result"]');
      return el && el.dataset.passed === p && el.parentElement.textContent.includes(name);
    }, [f.name, passed]);
  }
  assert.match(await check.getByTestId('file-audit-result').textContent(), /^NIET ANONIEM/);

  // A role the user changes, and the audit that catches it, with a fix in one click.
  await quasiGroup.getByRole('combobox', { name: 'nationaliteit', exact: true }).selectOption('other');
  await page.getByRole('button', { name: 'Maak anoniem en controleer' }).click();
  await audit.waitFor();
  assert.equal(await audit.getAttribute('data-passed'), 'false');
  assert.match(await audit.textContent(), /^NIET ANONIEM.*'nationaliteit' is geen quasi-identificator.*Een aanvaller kent deze kolom/s);
  const failed = await download(page, () => page.getByRole('button', { name: 'Download NIET ANONIEM bestand (CSV)' }).click());
  assert.equal(failed.name, 'analysebestand-NIET-ANONIEM.csv');
  assert.match(failed.bytes.toString('utf8'), /^NIET ANONIEM: de controle van dit bestand is niet geslaagd/);
  assert.ok(!failed.bytes.toString('utf8').includes('Hoogste heridentificatierisico'), 'no risk figures in a file that failed');
  await audit.getByRole('button', { name: 'Als quasi-identificator: nationaliteit' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="audit"]')?.dataset.passed === 'true');

  // The recept carries the roles and the purpose.
  await step(page, 'Analyse');
  const recept = await download(page, () => page.getByRole('button', { name: 'Recept opslaan' }).click());
  assertClean(recept, ids);
  const saved = JSON.parse(recept.bytes.toString('utf8')).anonymisation;
  assert.equal(saved.k, 5, 'the anonymisation settings are in the recept');
  assert.deepEqual(saved.purpose, { kind: 'national' });
  assert.deepEqual(saved.roles, [['nationaliteit', 'quasi']]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Linkage files made with one secret link, after a reload, to the same persons as the plain files', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const { page, errors } = await demo(context);
  const ids = await identities(page);
  await step(page, 'Koppeling');
  const table3 = async () => page.getByTestId('table3').locator('tbody tr').evaluateAll(
    (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)));
  await page.getByTestId('table3').waitFor();
  const plain = { table3: await table3(), counts: await page.getByTestId('link-counts').textContent() };
  await step(page, 'Anonimiseren');
  await page.getByLabel(/^Projectgeheim/).fill('kort');
  await page.getByRole('button', { name: 'Koppelbestanden maken' }).click();
  assert.equal(await page.getByTestId('secret-problem').textContent(),
    'Het geheim is te kort (4 tekens): gebruik er minstens 16, of laat er een maken.');
  await page.getByRole('button', { name: 'Geheim laten maken' }).click();
  const secret = await page.getByTestId('new-secret').locator('code').textContent();
  assert.match(secret, /^([A-Z2-9]{4}-){7}[A-Z2-9]{4}$/);
  assert.match(await page.getByTestId('new-secret').textContent(), /niet terug te halen/);
  // One download: the 20 registrations' and the extract's linkage files in one zip.
  const zip = await download(page, () => page.getByRole('button', { name: 'Koppelbestanden maken' }).click());
  assert.equal(zip.name, 'koppelbestanden.zip');
  const files = unzip(zip.bytes).map(({ name, bytes }) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return { name, path, bytes };
  });
  assert.equal(files.length, 21);
  // The built-in frequency attack on the files just made: per file, names and birth dates it
  // re-identifies without the secret, hardened and plain.
  await page.getByTestId('self-tests').locator('summary').click();
  const selfTests = await page.getByTestId('self-tests').locator('li').allTextContents();
  assert.equal(selfTests.length, 21);
  for (const t of selfTests) assert.match(t, /^.+: Zelftest frequentieaanval: \d+ van \d+ naamcoderingen herleid \(zonder verharding: \d+\); \d+ van \d+ geboortedatums herleid$/);
  assert.ok(files.every((f) => /^koppelbestand-.+\.csv$/.test(f.name)), files.map((f) => f.name).join());
  for (const f of files) assertClean(f, ids);
  // A new session (the secret is gone with the page): load the linkage files only.
  await page.reload();
  await page.getByLabel('Bestanden kiezen').setInputFiles(files.map((f) => f.path));
  await page.getByTestId('files-summary').waitFor();
  assert.match(await page.getByTestId('files-summary').textContent(), /^21 bestanden gelezen, 733 cliënten/);
  await step(page, 'Koppeling');
  await page.getByTestId('table3').waitFor();
  const pseudo = { table3: await table3(), counts: await page.getByTestId('link-counts').textContent() };
  // The same persons: links on V-nummer (pseudonym), proposals, not found, unmatched national rows.
  const part = (c) => c.match(/^(\d+ personen; \d+ gekoppeld op V-nummer, \d+ op naam en geboortedatum; \d+ voorstellen open; \d+ niet gevonden; \d+ landelijke rijen zonder persoon)/)[1];
  assert.equal(part(pseudo.counts), part(plain.counts));
  assert.equal(part(plain.counts), '733 personen; 713 gekoppeld op V-nummer, 0 op naam en geboortedatum; 2 voorstellen open; 18 niet gevonden; 2 landelijke rijen zonder persoon');
  // Table 3 through the linkage files equals the plain Table 3, every cell: the keyed date tests
  // decide the one-year and plausibility rules as the dates do (docs/koppelen-zonder-v-nummers.md).
  assert.deepEqual(plain.table3, [['13', '13'], ['36', '4'], ['63', '13'], ['99', '23']]);
  assert.deepEqual(pseudo.table3, plain.table3);
  assert.equal(pseudo.counts, plain.counts);
  // The proposals show no names (encoded), and accepting them links on the keyed encodings.
  assert.match(await page.getByTestId('proposals').textContent(), /\(naam versleuteld\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Storage audit after a full session (load, link, anonymise, analyse, export): nothing personal anywhere', async () => {
  // With the service worker allowed, as a user has it.
  const context = await browser.newContext({ acceptDownloads: true });
  const { page, errors } = await demo(context);
  const ids = await identities(page);
  await step(page, 'Koppeling');
  await page.getByTestId('proposals').getByRole('button', { name: 'Accepteren' }).first().click();
  await step(page, 'Anonimiseren');
  await page.getByRole('button', { name: 'Maak anoniem en controleer' }).click();
  await page.getByTestId('anonymise-summary').waitFor();
  await download(page, () => page.getByRole('button', { name: 'Download beschermd bestand (Excel)' }).click());
  await page.getByRole('button', { name: 'Geheim laten maken' }).click();
  await download(page, () => page.getByRole('button', { name: 'Koppelbestanden maken' }).click());
  await step(page, 'Analyse');
  await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
  await page.getByTestId('tree-summary').waitFor();
  await download(page, () => page.getByRole('button', { name: 'Recept opslaan' }).click());
  const audit = await storageAudit(page);
  assert.deepEqual([audit.localStorage, audit.sessionStorage, audit.cookie, audit.indexedDB], [[], [], '', []]);
  for (const e of audit.cacheEntries) {
    assert.ok(e.url.startsWith(base + '/'), `cached from elsewhere: ${e.url}`);
    for (const v of ids.vs) assert.ok(!e.body.includes(v), `${e.url} holds a V-nummer`);
    for (const n of ids.names) assert.ok(!e.body.includes(n), `${e.url} holds the name ${n}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
