// Read and check a 100,000-row registration (xlsx and csv) in headless
// Chromium through the app's worker; reports time, rows/s, and the longest
// gap between animation frames on the page meanwhile (the page must not freeze).
// Usage: node bench/parse-browser.mjs DIR_WITH_FILES [dist]   (files from `perspectief bench-data`)
import { launch } from '../tests/browser/harness.mjs';
import { serve } from '../tools/serve.mjs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'target/bench';
const dist = process.argv[3] ?? 'dist';
const server = await serve(dist, 0);
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
for (const file of ['registratie_100000.xlsx', 'registratie_100000.csv']) {
  const times = [];
  let gap = 0;
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByLabel('Bestanden kiezen').waitFor();
    await page.evaluate(() => {
      window.__gap = 0;
      let last = performance.now();
      const tick = (t) => { window.__gap = Math.max(window.__gap, t - last); last = t; window.__raf = requestAnimationFrame(tick); };
      window.__raf = requestAnimationFrame(tick);
    });
    const start = Date.now();
    await page.getByLabel('Bestanden kiezen').setInputFiles(join(dir, file));
    await page.waitForFunction(() => /100\.000 cliënten/.test(document.querySelector('[data-testid="files-summary"]')?.textContent ?? ''), null, { timeout: 120000 });
    times.push(Date.now() - start);
    gap = Math.max(gap, await page.evaluate(() => window.__gap));
    await context.close();
  }
  times.sort((a, b) => a - b);
  const ms = times[1];
  console.log(`browser file=${file} rows=100000 read_and_check_ms=${ms} rows_per_s=${Math.round(100000 / (ms / 1000))} longest_frame_gap_ms=${Math.round(gap)}`);
}
await browser.close();
server.close();
