// WCAG 2.1 AA as tested: axe-core (npm, pinned) on every view and sub-view of the demo journey
// (tests/browser/tour.mjs) and on the downloaded report, in Dutch and in English, with the
// WCAG 2.0/2.1 A and AA rules: zero violations. At each stop the page is also narrowed to
// 320 px (WCAG 1.4.10 reflow): nothing may scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, stopApp, axeViolations } from './harness.mjs';
import { tour } from './tour.mjs';

const DIST = process.env.DIST ?? 'dist';
let browser, server, base;

before(async () => ({ browser, server, base } = await startApp(DIST)));
after(() => stopApp({ browser, server }));

/** Elements wider than a 320 px page: the widest few, named by tag, id, class and test id. */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.scrollWidth;
    if (width <= 320) return [];
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 321 && e.checkVisibility())
      .filter((e) => !e.parentElement.closest('.pf-table-wrap, .pf-tree-frame'))
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.dataset.testid ? `[${e.dataset.testid}]` : ''}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest('.pf-table-wrap, .pf-tree-frame')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const right = range.getBoundingClientRect().right;
      if (right > 321) texts.push(`text "${n.textContent.trim().slice(0, 60)}" right=${Math.round(right)}`);
    }
    return [`scrollWidth ${width}`, ...wide.slice(-8), ...texts.slice(0, 8)];
  });
}

for (const lang of ['nl', 'en']) {
  test(`axe-core finds nothing and nothing scrolls sideways at 320 px, on every view (${lang})`, async () => {
    const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(base + '/');
    const found = [];
    await tour(page, lang, async (name, extra) => {
      if (extra?.html) {
        const report = await context.newPage();
        await report.setContent(extra.html);
        for (const v of await axeViolations(report)) found.push(`${name}: ${v}`);
        await report.setViewportSize({ width: 320, height: 900 });
        for (const o of await overflow(report)) found.push(`${name} at 320 px: ${o}`);
        await report.close();
        return;
      }
      for (const v of await axeViolations(page)) found.push(`${name}: ${v}`);
      await page.setViewportSize({ width: 320, height: 900 });
      await page.waitForTimeout(50);
      for (const o of await overflow(page)) found.push(`${name} at 320 px: ${o}`);
      await page.setViewportSize({ width: 1280, height: 900 });
    });
    assert.deepEqual(found, [], found.join('\n'));
    assert.deepEqual(errors, []);
    await context.close();
  });
}
