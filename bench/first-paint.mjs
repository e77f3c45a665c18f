// First paint of the app and time to the loaded demo, in headless Chromium.
// Median of 5 cold page loads of the served dist/ (no service worker).
// Usage: node bench/first-paint.mjs [dist]   (after make dist)
import { launch } from '../tests/browser/harness.mjs';
import { serve } from '../tools/serve.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = 5;
const server = await serve(dist, 0);
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fcp = [], ready = [], demo = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  const button = page.getByRole('button', { name: 'Voorbeeldgegevens laden' });
  await button.waitFor();
  const t = await page.evaluate(async () => ({
    ready: performance.now(),
    fcp: await new Promise((ok) => new PerformanceObserver((list) => {
      const e = list.getEntries().find((x) => x.name === 'first-contentful-paint');
      if (e) ok(e.startTime);
    }).observe({ type: 'paint', buffered: true })),
  }));
  fcp.push(t.fcp);
  ready.push(t.ready);
  const start = await page.evaluate(() => performance.now());
  await button.click();
  await page.locator('[data-testid="file-list"] tbody tr').nth(21).waitFor();
  demo.push((await page.evaluate(() => performance.now())) - start);
  await context.close();
}
await browser.close();
server.close();
const ms = (x) => `${x.toFixed(0)} ms`;
console.log(`first contentful paint: median ${ms(median(fcp))} (runs: ${fcp.map(ms).join(', ')})`);
console.log(`app ready (demo button shown): median ${ms(median(ready))}`);
console.log(`demo generated and listed after the click: median ${ms(median(demo))}`);
