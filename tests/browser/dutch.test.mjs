// The Dutch interface writes numbers the Dutch way and has no English left: the demo journey
// (tests/browser/tour.mjs) and the downloaded report, scanned for `<missing>`, "Overruled",
// "Records" and numbers with a decimal point (Dutch thousands, "1.234", are fine: a point
// followed by a group of three digits).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, stopApp } from './harness.mjs';
import { tour } from './tour.mjs';

const DIST = process.env.DIST ?? 'dist';
let browser, server, base;

before(async () => ({ browser, server, base } = await startApp(DIST)));
after(() => stopApp({ browser, server }));

const ENGLISH = [/<missing>/, /\bOverruled\b/, /\bRecords\b/, /\bMissing\b/];
// A decimal point: not a Dutch thousands group (exactly three digits, then no digit), an
// interval written the English way, or a bin edge (the engine writes those without thousands).
const POINT = /(?<![\d.§])\d+\.(?:\d{1,2}|\d{4,})(?![\d])|[([]\d+\.\d+, |[<>]=? \d+\.\d/;

export function findEnglish(lines) {
  const found = [];
  for (const line of lines) {
    for (const re of [...ENGLISH, POINT]) if (re.test(line)) found.push(`${line.slice(0, 160)} [${re.source}]`);
  }
  return found;
}

/** Every visible text line of a page, drawings included (their labels are text too). */
const lines = (page) => page.evaluate(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('code, pre, style, script') || !el.checkVisibility()) continue;
    const text = n.textContent.trim();
    if (text) out.push(text);
  }
  for (const el of document.querySelectorAll('[aria-label]')) out.push(el.getAttribute('aria-label'));
  return out;
});

test('Dutch: no English and no decimal point on any view or in the report', async () => {
  assert.deepEqual(findEnglish(['<= 18.497', '(5.355, 7.425]', 'gelijkenis 1.00', 'p = 0.05']).length, 4, 'the scan sees what it looks for');
  assert.deepEqual(findEnglish(['1.234 cliënten', '<= 18,497', '(5,355; 7,425]', 'V.2836', '01-04-2011', '§7.5']), []);
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(base + '/');
  const found = [];
  await tour(page, 'nl', async (name, extra) => {
    if (extra?.html) {
      const report = await context.newPage();
      await report.setContent(extra.html);
      for (const f of findEnglish(await lines(report))) found.push(`${name}: ${f}`);
      await report.close();
      return;
    }
    for (const f of findEnglish(await lines(page))) found.push(`${name}: ${f}`);
  });
  assert.deepEqual([...new Set(found)], [], [...new Set(found)].join('\n'));
  await context.close();
});
