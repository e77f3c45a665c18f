// The English interface speaks English: the demo files with broken files beside them,
// every step, a tree; the page's own text (not the user's data) is scanned for Dutch
// function words. Data stays as it is: table cells and options (values, names, file
// names), drawings, and quoted parts of messages (cell contents).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, stopApp } from './harness.mjs';

const DIST = process.env.DIST ?? 'dist';
let browser, server, base, demoDir;

before(async () => ({ browser, server, base, demoDir } = await startApp(DIST, { demo: 'english' })));
after(() => stopApp({ browser, server }));

const DUTCH = [' de ', ' het ', ' een ', ' van ', ' niet ', ' geen ', ' zijn ', ' wordt ', ' voor ', ' naar ', ' ook ', ' uw ',
  ' dit ', ' deze ', ' rij ', ' tabblad ', ' bestand ', ' gelezen ', ' meldingen ', ' knoop ', ' waarde ', ' aantallen '];

/** The page's own text, a line per text node: no table data, options, drawings or code; engine messages (`data-engine`) in, without their quoted parts. */
async function ownText(page) {
  return page.evaluate(() => {
    const skip = (el) => el.closest('svg, option, select, code, pre') || (el.closest('td, th[scope="row"]') && !el.closest('[data-engine]'));
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || skip(el) || !el.checkVisibility()) continue;
      const text = n.textContent.replace(/"[^"]*"|'[^']*'/g, '""').trim();
      if (text) out.push(text);
    }
    return out;
  });
}

test('English: every step, a broken file and a tree, without Dutch from the page or the engine', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'perspectief-english-'));
  writeFileSync(join(dir, 'leeg.csv'), '');
  writeFileSync(join(dir, 'alleen-kop.csv'), 'V-nummer;Naam\n');
  writeFileSync(join(dir, 'gemengd.csv'), 'Steunpunt;V-nummer;Naam;Geslacht\nZwolle;0123456789;Ali A;M\nZwolle,0223456789,Bo B,M\n');
  const files = readdirSync(demoDir).filter((f) => !f.startsWith('LEESMIJ')).map((f) => join(demoDir, f));
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + '/');
  const found = [];
  const scan = async (where) => {
    for (const line of await ownText(page)) {
      const padded = ` ${line.toLowerCase().replace(/[.,:;()]/g, ' ')} `;
      const words = DUTCH.filter((w) => padded.includes(w));
      if (words.length) found.push(`${where}: ${line.slice(0, 160)} [${words.join('|').trim()}]`);
    }
  };
  // The scan finds Dutch where there is Dutch: the start page before the switch.
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).waitFor();
  await scan('Dutch start page');
  assert.ok(found.length >= 3, `the scan sees the Dutch page: ${found.join('\n')}`);
  found.length = 0;
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.locator('input[type=file]').first().setInputFiles([...files, join(dir, 'leeg.csv'), join(dir, 'alleen-kop.csv'), join(dir, 'gemengd.csv')]);
  await page.getByTestId('files-summary').waitFor();
  await page.getByText('leeg.csv: the file is empty').waitFor();
  await scan('Files');
  const nav = page.getByRole('navigation', { name: 'Steps' });
  for (const step of ['Check', 'Linkage', 'Anonymise', 'Analysis']) {
    await nav.getByRole('button', { name: step }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    if (step === 'Check') {
      // The download speaks English too: headers, severities and the messages.
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all checks (CSV)' }).click()]);
      const csv = readFileSync(await file.path(), 'utf8');
      assert.match(csv, /Severity;Kind;File;Sheet;Row;Column;Explanation/);
      assert.doesNotMatch(csv, /;Fout;|;Melding;|Peildatum|Toelichting/);
    }
    if (step === 'Linkage') {
      // The links behind a row of Table 3, with the rules that decided.
      await page.getByTestId('table3').getByRole('button', { name: 'Sex' }).click();
      await page.getByTestId('links-behind').waitFor();
    }
    if (step === 'Analysis') {
      await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
      await page.getByTestId('tree-summary').waitFor();
    }
    await scan(step);
  }
  assert.deepEqual(found, [], found.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});
