// Click to drawn tree in headless Chromium: the demo (733 rows, every set
// variable as predictor, depth 3) and a large synthetic registration (MOB by
// every variable of the analysis file). Reports the wall-clock time from the
// click to the drawn SVG (median of 5 for the demo), the worker's fit time, and
// the same fit natively (`perspectief run --recept --timing` on the recept the
// page saved) with the wasm/native ratio; for the large session also the
// protocol's codec, JSON strings against serde-wasm-bindgen objects.
// Usage: node bench/tree-browser.mjs [ROWS_FILE] [dist]   (ROWS_FILE from `perspectief bench-data --rows 1000000`;
// the codec figures need the dist of `make dist-codec`, target/dist-codec)
import { launch } from '../tests/browser/harness.mjs';
import { serve } from '../tools/serve.mjs';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const big = process.argv[2];
const dist = process.argv[3] ?? 'dist';
const server = await serve(dist, 0);
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
const dir = mkdtempSync(join(tmpdir(), 'perspectief-tree-bench-'));

async function grow(page, runs) {
  const times = [];
  let fit = 0;
  for (let i = 0; i < runs; i++) {
    const start = await page.evaluate(() => { window.__old = document.querySelector('#pf-tree-svg'); return performance.now(); });
    await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
    const drawn = await page.waitForFunction(() => {
      const svg = document.querySelector('#pf-tree-svg');
      return svg && svg !== window.__old && svg.querySelector('[data-node]') && performance.now();
    }, null, { timeout: 600000, polling: 'raf' });
    times.push((await drawn.jsonValue()) - start);
    fit = Number(await page.getByTestId('tree-summary').getAttribute('data-ms'));
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], fit, summary: await page.getByTestId('tree-summary').textContent() };
}

/// The native timing line of `perspectief run --timing` (stderr).
function nativeTree(recept, out, files) {
  const r = spawnSync('target/release/perspectief', ['run', '--timing', '--recept', recept, '--out', out, ...files], { encoding: 'utf8' });
  return (r.stderr ?? '').trim().split('\n').filter((l) => l.startsWith('tree ')).at(-1) ?? r.stderr;
}

execFileSync('cargo', ['build', '-q', '--release', '-p', 'perspectief-cli'], { stdio: 'inherit' });
{
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).click();
  await page.getByTestId('files-summary').waitFor();
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  const r = await grow(page, 5);
  const demoDir = join(dir, 'demo');
  execFileSync('target/release/perspectief', ['demo', '--out', demoDir]);
  const files = readdirSync(demoDir).filter((f) => !f.startsWith('LEESMIJ')).map((f) => join(demoDir, f));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Recept opslaan' }).click()]);
  await download.saveAs(join(dir, 'demo.json'));
  const nat = nativeTree(join(dir, 'demo.json'), join(dir, 'demo-out'), files);
  console.log(`browser demo click_to_tree_ms=${r.ms.toFixed(0)} worker_fit_ms=${r.fit.toFixed(0)} | ${r.summary}`);
  console.log(`native demo ${nat}`);
  await context.close();
}
if (big) {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  // ?testhooks: the codec comparison below.
  await page.goto(url + '?testhooks');
  await page.getByLabel('Bestanden kiezen').setInputFiles(big);
  await page.getByTestId('files-summary').waitFor({ timeout: 600000 });
  await page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name: 'Analyse' }).click();
  const r = await grow(page, 1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Recept opslaan' }).click()]);
  await download.saveAs(join(dir, 'big.json'));
  const nat = nativeTree(join(dir, 'big.json'), join(dir, 'big-out'), [big]);
  console.log(`browser big click_to_tree_ms=${r.ms.toFixed(0)} worker_fit_ms=${r.fit.toFixed(0)} | ${r.summary}`);
  console.log(`native big ${nat}`);
  // The worker protocol's codec: JSON strings (as built) against JS objects through
  // serde-wasm-bindgen, each message encoded, structured-cloned as postMessage does, decoded.
  const codec = JSON.parse(await page.evaluate(() => window.__perspectiefTest?.codec?.(20) ?? '{}'));
  for (const [kind, m] of Object.entries(codec)) {
    console.log(`codec ${kind} bytes=${m.bytes} json_ms=${m.json_ms.toFixed(2)} serde_wasm_bindgen_ms=${m.serde_wasm_bindgen_ms.toFixed(2)}`);
  }
  await context.close();
}
await browser.close();
server.close();
