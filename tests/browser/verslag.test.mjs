// The report writes itself: on the demo, the MOB tree and a crosstab come with generated text;
// focusing a number marks the node or cell it comes from; the report downloads as a Word file
// that LibreOffice (headless, from Debian) converts without error, with the same text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startApp, stopApp, demoPage, axeViolations } from './harness.mjs';

const DIST = resolve(process.env.DIST ?? 'dist');
let browser, server, base;

before(async () => ({ browser, server, base } = await startApp(DIST)));
after(() => stopApp({ browser, server }));

/** The text LibreOffice reads from a Word file. */
function libreOfficeText(docx) {
  const out = mkdtempSync(join(tmpdir(), 'pf-lo-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', out, docx], { stdio: 'pipe' });
  return readFileSync(join(out, docx.split('/').at(-1).replace(/\.docx$/, '.txt')), 'utf8');
}

test('generated text under the tree and the table; a number marks its node and cell; the Word report', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const { page, errors } = await demoPage(context, base);
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
  await page.getByTestId('tree-summary').waitFor();
  const treeText = page.getByTestId('tree-result').getByTestId('narrative');
  await treeText.waitFor();
  const words = await treeText.textContent();
  assert.match(words, /^Van de \d+ ex-AMV's in de analyse vertrok \d+,\d % met onbekende bestemming\. De sterkste samenhang met /, words);
  assert.match(words, /Van de \d+ ex-AMV's met .+ ‘.+’ vertrok \d+,\d % met onbekende bestemming, tegen \d+,\d % van de \d+ anderen\./, words);
  // Every number of the text is a focusable trace; each points at a node the diagram draws.
  const traces = treeText.locator('.pf-trace');
  const n = await traces.count();
  assert.ok(n >= 6, `${n} numbers`);
  for (let i = 0; i < n; i++) {
    const at = await traces.nth(i).getAttribute('data-trace');
    const node = at.match(/^\/tree\/nodes\/(\d+)\//);
    if (!node) continue;
    await traces.nth(i).focus();
    const marked = await page.locator('#pf-tree-svg .pf-traced').evaluateAll((es) => es.map((e) => e.dataset.node));
    assert.deepEqual(marked, [node[1]], `${at} marks its node`);
  }
  // The N of the second child, as the text names it, is the N of that node in the tree table.
  const second = treeText.locator('.pf-trace[data-trace="/tree/nodes/2/n/n"]').first();
  await second.focus();
  assert.equal(await page.locator('#pf-tree-svg [data-node="2"]').evaluate((e) => e.classList.contains('pf-traced')), true);
  const row = await page.getByTestId('tree-table').locator('tbody tr').nth(2).textContent();
  assert.ok(row.includes(await second.textContent()), `${row} holds ${await second.textContent()}`);
  await page.keyboard.press('Tab');
  // A crosstab: its text, and a number that marks its cell.
  await page.getByLabel('Soort tabel').selectOption('crosstab');
  await page.getByLabel('Variabele', { exact: true }).selectOption('geslacht');
  await page.getByLabel('Per (kolommen)').selectOption('mob');
  await page.getByRole('button', { name: 'Tabel maken' }).click();
  const tableText = page.getByTestId('describe-result').getByTestId('narrative');
  await tableText.waitFor();
  const tableWords = await tableText.textContent();
  assert.match(tableWords, /vertrok \d+,\d % met onbekende bestemming, tegen \d+,\d % van de \d+ met ‘.+’\./, tableWords);
  assert.match(tableWords, /Het verschil is (niet )?significant \(χ² = \d+,\d+, df = 1, p (= \d,\d{3}|< 0,001)\)\./, tableWords);
  const cellTrace = tableText.locator('.pf-trace[data-trace^="/cells/0/"]').first();
  await cellTrace.focus();
  const cellAt = (await cellTrace.getAttribute('data-trace')).replace(/\/n$/, '');
  assert.equal(await page.locator(`#pf-describe-result td[data-at="${cellAt}"]`).evaluate((e) => e.classList.contains('pf-traced')), true);
  assert.deepEqual(await axeViolations(page), []);
  // The report: the tree and the crosstab, as a Word file that LibreOffice converts.
  await page.getByTestId('tree-result').getByRole('button', { name: 'Zet in verslag' }).click();
  await page.getByTestId('describe-result').locator('..').getByRole('button', { name: 'Zet in verslag' }).click();
  const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download verslag (Word)' }).click()]);
  assert.equal(word.suggestedFilename(), 'perspectief-verslag.docx');
  const path = join(mkdtempSync(join(tmpdir(), 'pf-docx-')), 'verslag.docx');
  await word.saveAs(path);
  const docx = readFileSync(path);
  assert.ok(docx.includes(Buffer.from('word/media/afbeelding1.png')), 'the tree as a picture');
  assert.ok(docx.includes(Buffer.from('word/media/afbeelding2.png')), 'the crosstab\'s chart as a picture');
  const text = libreOfficeText(path);
  // Every paragraph of the page's text is a paragraph of the Word file.
  const paragraphs = [...(await treeText.locator('p').allTextContents()), ...(await tableText.locator('p').allTextContents())];
  assert.ok(paragraphs.length >= 3, paragraphs.join('\n'));
  const lines = text.split(/\r?\n/);
  for (const p of paragraphs) assert.ok(lines.includes(p), `not a paragraph of the Word file: ${p}\n---\n${text}`);
  assert.match(text, /Werkwijze/);
  assert.doesNotMatch(text, /\b\d{10}\b/, 'no V-nummer');
  assert.deepEqual(errors, []);
});
