// Shared pieces of the browser tests: Debian's Chromium driven by playwright-core,
// a recorder of every request and console error, and a storage audit.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../tools/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--allow-file-access-from-files=false',
    ],
  });
}

/** A browser and the app served from `dist`; with `demo`, the demo files written to a new
 * folder whose name starts with perspectief-<demo>- (`demoDir`). Stop with `stopApp`. */
export async function startApp(dist, { demo } = {}) {
  const browser = await launch();
  const server = await serve(dist, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  let demoDir;
  if (demo) {
    demoDir = mkdtempSync(join(tmpdir(), `perspectief-${demo}-`));
    execFileSync('cargo', ['run', '-q', '-p', 'perspectief-cli', '--', 'demo', '--out', demoDir], { stdio: 'ignore' });
  }
  return { browser, server, base, demoDir };
}

export async function stopApp({ browser, server }) {
  await browser?.close();
  server?.close();
}

/** The files a build may serve: every file in dist (and the directory itself). */
export function ownFiles(dist) {
  const files = new Set(['/']);
  for (const f of readdirSync(dist)) if (statSync(join(dist, f)).isFile()) files.add('/' + f);
  return files;
}

/**
 * Record every request and every console error of a browser context.
 * `mark()` notes "the page has loaded"; `check()` lists what breaks the rules:
 * a request that is not one of `allowed` (a predicate over URLs), any request
 * after the mark, any console or page error.
 */
export function recorder(context, allowed) {
  const requests = [];
  const errors = [];
  let loadedAt = null;
  context.on('request', (r) => requests.push({ url: r.url(), after: loadedAt !== null }));
  const watchPage = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  };
  context.on('page', watchPage);
  return {
    watchPage,
    mark() { loadedAt = requests.length; },
    requests,
    problems() {
      const out = [...errors];
      for (const r of requests) {
        if (r.url.startsWith('data:') || r.url.startsWith('blob:')) continue;
        if (!allowed(r.url)) out.push(`request to something that is not the app's own file: ${r.url}`);
        else if (r.after) out.push(`request after the page had loaded: ${r.url}`);
      }
      return out;
    },
  };
}

/** Everything the page could have stored: web storage, cookies, IndexedDB, Cache Storage. */
export async function storageAudit(page) {
  return page.evaluate(async () => {
    const dbs = indexedDB.databases ? await indexedDB.databases() : [];
    const cacheEntries = [];
    if (self.caches) {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys()) {
          const res = await cache.match(req);
          cacheEntries.push({ cache: name, url: req.url, body: await res.text() });
        }
      }
    }
    return {
      localStorage: Object.keys(localStorage),
      sessionStorage: Object.keys(sessionStorage),
      cookie: document.cookie,
      indexedDB: dbs.map((d) => d.name),
      cacheEntries,
    };
  });
}

/** Strings from the demo that must never be found in storage (V-nummers, names). */
export async function demoSecrets(page) {
  return page.evaluate(() => {
    const cells = [...document.querySelectorAll('[data-testid="file-list"] tbody th')];
    return cells.map((c) => c.textContent);
  });
}

/** A new page in `context` with the demo loaded; `errors` collects page errors and console errors. */
export async function demoPage(context, base) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base + '/');
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).click();
  await page.getByTestId('files-summary').waitFor();
  return { page, errors };
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's WCAG 2.1 A and AA violations on the page as it is: "rule: target (summary)" per node. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), TAGS);
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 300)}`));
}
