// Screenshots of every view of the app on the demo data (headless Chromium), for looking at
// the layout: the walk of tests/browser/tour.mjs in Dutch and English, at 1280 px and at
// 320 px wide, into target/screenshots (<lang>-<width>-<n>-<view>.png). The README's six
// pictures (docs/screenshots) are refreshed from the Dutch 1280 px walk. `make screenshots`.
// Usage: node tools/screenshots.mjs [dist] [docs-dir] [all-dir]
import { launch } from '../tests/browser/harness.mjs';
import { tour } from '../tests/browser/tour.mjs';
import { serve } from './serve.mjs';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const docs = process.argv[3] ?? 'docs/screenshots';
const all = process.argv[4] ?? 'target/screenshots';
const README = {
  files: '1-bestanden', check: '2-controle', 'linkage-rows-proposals-decisions': '3-koppeling',
  'anonymise-after': '4-anonimiseren', 'analyse-tree': '5-analyse-boom', 'analyse-crosstab': '5-analyse-tabel',
  'analyse-editor': '5-analyse-bewerken', 'analyse-gains': '5-analyse-winst', 'analyse-rules': '5-analyse-regels',
};
mkdirSync(docs, { recursive: true });
mkdirSync(all, { recursive: true });
const server = await serve(dist, 0);
const browser = await launch();
for (const lang of ['nl', 'en']) {
  for (const width of [1280, 320]) {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width, height: width === 320 ? 900 : 1400 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    let n = 0;
    await tour(page, lang, async (name, extra) => {
      n += 1;
      const path = join(all, `${lang}-${width}-${String(n).padStart(2, '0')}-${name}.png`);
      if (extra?.html) {
        const report = await context.newPage();
        await report.setContent(extra.html);
        await report.screenshot({ path });
        await report.close();
        if (lang === 'nl' && width === 1280 && README[name]) copyFileSync(path, join(docs, `${README[name]}.png`));
      } else {
        // The result the view is about, in sight; the step's heading when there is none.
        const focus = { 'analyse-tree': '#pf-tree-svg', 'analyse-editor': '[data-testid="tree-editor"]', 'analyse-gains': '[data-testid="gains-chart"]', 'analyse-crosstab': '[data-testid="describe-result"]', 'analyse-screening': '[data-testid="screening"]', 'analyse-comparison': '[data-testid="comparison"]', 'anonymise-after': '[data-testid="anonymise"]', columns: '[data-testid="columns-table"]' }[name];
        if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
        else await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path });
        if (lang === 'nl' && width === 1280 && README[name]) copyFileSync(path, join(docs, `${README[name]}.png`));
      }
      console.log(`screenshot ${path}`);
    });
    await context.close();
  }
}
await browser.close();
server.close();
