// Browser tests of the three shapes of the build, in Debian's headless Chromium.
// Run by `make test` after `make dist` (node --test tests/browser/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../../tools/serve.mjs';
import { ownFiles, recorder, storageAudit, startApp, stopApp } from './harness.mjs';

const DIST = resolve(process.env.DIST ?? 'dist');
let browser;
let server;
let base;

before(async () => {
  assert.ok(existsSync(join(DIST, 'index.html')), `no build in ${DIST}: run make dist first`);
  ({ browser, server, base } = await startApp(DIST));
});
after(() => stopApp({ browser, server }));

/** V-nummers and full names of the demo (from the CLI's copy), which storage must never hold. */
function demoSecrets() {
  const dir = mkdtempSync(join(tmpdir(), 'perspectief-demo-'));
  execFileSync('cargo', ['run', '-q', '-p', 'perspectief-cli', '--', 'demo', '--out', dir], { stdio: 'ignore' });
  const lines = readFileSync(join(dir, 'almelo.csv'), 'utf8').split('\r\n').slice(1).filter((l) => /^\d/.test(l));
  const secrets = lines.flatMap((l) => l.split(';').slice(0, 2));
  assert.ok(secrets.length >= 4, 'the demo has persons to look for');
  return secrets;
}

const isOwnFile = (files) => (url) => {
  const u = new URL(url);
  return u.origin === base && files.has(u.pathname);
};

async function loadDemoAndCheckList(page) {
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).click();
  await page.getByTestId('files-summary').waitFor();
  const rows = page.locator('[data-testid="file-list"] tbody tr');
  assert.equal(await rows.count(), 22);
  const names = await page.locator('[data-testid="file-list"] tbody th').allTextContents();
  assert.ok(names.includes('DMB_extract_Perspectief.xlsx'));
  assert.ok(names.includes('kenmerken_steunpunten.xlsx'));
  assert.ok(names.includes('den_haag_deelnemers.xlsx'));
  assert.match(await page.getByTestId('files-summary').textContent(), /22 bestanden gelezen, 733 cliënten \(verzonnen voorbeeldgegevens\)/);
}

/** Open the hosted build, load the demo, and return what broke the rules. */
async function hostedSession(dist, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const rec = recorder(context, isOwnFile(ownFiles(dist)));
  const page = await context.newPage();
  rec.watchPage(page);
  await page.goto(url);
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).waitFor();
  await page.waitForLoadState('networkidle');
  rec.mark();
  await loadDemoAndCheckList(page);
  await page.waitForTimeout(300);
  return { context, page, rec };
}

test('hosted dist: the demo loads, and only the app\'s own files are ever requested', async () => {
  const { context, page, rec } = await hostedSession(DIST, base + '/');
  assert.deepEqual(rec.problems(), []);
  assert.ok(rec.requests.some((r) => r.url.endsWith('.wasm')), 'the recorder sees requests');

  const secrets = demoSecrets();
  const stored = await storageAudit(page);
  assert.deepEqual(stored.localStorage, []);
  assert.deepEqual(stored.sessionStorage, []);
  assert.equal(stored.cookie, '');
  assert.deepEqual(stored.indexedDB, []);
  assert.deepEqual(stored.cacheEntries, []);
  const html = await page.content();
  assert.ok(!secrets.some((s) => html.includes(s)), 'the file list shows no V-nummer or name');
  await context.close();
});

test('the network check fails when the page loads anything from elsewhere', async () => {
  // A copy of the build with a tracking pixel: the same check must object.
  const bad = mkdtempSync(join(tmpdir(), 'perspectief-bad-'));
  cpSync(DIST, bad, { recursive: true });
  const index = readFileSync(join(bad, 'index.html'), 'utf8')
    .replace('<body class="utrecht-document perspectief-theme">', '$&<img src="https://tracker.example/pixel.png" alt="">');
  assert.ok(index.includes('tracker.example'), 'the pixel was inserted');
  writeFileSync(join(bad, 'index.html'), index);
  const badServer = await serve(bad, 0);
  const badBase = `http://127.0.0.1:${badServer.address().port}`;
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const files = ownFiles(bad);
  const rec = recorder(context, (url) => { const u = new URL(url); return u.origin === badBase && files.has(u.pathname); });
  const page = await context.newPage();
  rec.watchPage(page);
  await page.goto(badBase + '/');
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).waitFor();
  const problems = rec.problems();
  assert.ok(problems.some((p) => p.includes('tracker.example')), `expected the pixel to be caught, got ${JSON.stringify(problems)}`);
  await context.close();
  badServer.close();
});

test('single file from file:// with the network off: the demo loads', async () => {
  const context = await browser.newContext({ offline: true });
  const fileUrl = pathToFileURL(join(DIST, 'perspectief.html')).href;
  const rec = recorder(context, (url) => url === fileUrl);
  await context.route(/^https?:/, (route) => route.abort());
  const page = await context.newPage();
  rec.watchPage(page);
  await page.goto(fileUrl);
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).waitFor();
  rec.mark();
  await loadDemoAndCheckList(page);
  assert.deepEqual(rec.problems(), []);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  await context.close();
});

test('service worker: a hosted copy keeps working with the server gone and the browser offline', async () => {
  const copy = mkdtempSync(join(tmpdir(), 'perspectief-sw-'));
  cpSync(DIST, copy, { recursive: true });
  const swServer = await serve(copy, 0);
  const url = `http://127.0.0.1:${swServer.address().port}/`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await new Promise((ok) => swServer.close(ok));
  await context.setOffline(true);
  await page.reload();
  await loadDemoAndCheckList(page);
  const stored = await storageAudit(page);
  const files = ownFiles(copy);
  assert.ok(stored.cacheEntries.length >= 5, 'the assets are cached');
  for (const e of stored.cacheEntries) assert.ok(files.has(new URL(e.url).pathname), `only own files cached: ${e.url}`);
  const secrets = demoSecrets();
  for (const e of stored.cacheEntries) assert.ok(!secrets.some((s) => e.body.includes(s)), `no personal data in ${e.url}`);
  assert.deepEqual(stored.localStorage, []);
  assert.deepEqual(stored.indexedDB, []);
  await context.close();
});

test('shell: steps, honest empty states, privacy page, English toggle, labelled controls', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base + '/');
  const nav = page.getByRole('navigation', { name: 'Stappen' });
  for (const step of ['Bestanden', 'Controle', 'Koppeling', 'Anonimiseren', 'Analyse']) {
    await nav.getByRole('button', { name: step }).waitFor();
  }
  assert.equal(await page.title(), 'Bestanden – Perspectief');
  await nav.getByRole('button', { name: 'Anonimiseren' }).click();
  assert.equal(await nav.getByRole('button', { name: 'Anonimiseren' }).getAttribute('aria-current'), 'step');
  // The tab's title says where the user is.
  assert.equal(await page.title(), 'Anonimiseren – Perspectief');
  // Without files the Anonimiseren step says what to load first.
  assert.match(await page.locator('main').textContent(), /Laad registraties bij stap 1 om het risico van het analysebestand te zien\./);

  await page.getByRole('button', { name: 'Uw gegevens blijven op deze computer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Uw gegevens blijven op deze computer' }).waitFor();
  assert.match(await page.locator('main').textContent(), /Sluit dit tabblad/);

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your data stays on this computer' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.title(), 'Your data stays on this computer – Perspectief');
  await page.getByRole('button', { name: 'Back to Files' }).click();
  await page.getByRole('button', { name: 'Load example data' }).click();
  await page.getByTestId('files-summary').waitFor();
  assert.match(await page.getByTestId('files-summary').textContent(), /22 files read, 733 clients/);

  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('button, a, input, select, textarea')]
      .filter((el) => !(el.getAttribute('aria-label') || el.textContent.trim() || el.labels?.length))
      .map((el) => el.outerHTML));
  assert.deepEqual(unlabelled, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the served app refuses to be shown in another site\'s frame', async () => {
  const response = await fetch(base + '/');
  assert.equal(response.headers.get('content-security-policy'), "frame-ancestors 'none'");
  assert.equal(response.headers.get('x-frame-options'), 'DENY');
  // Another origin (another port) frames the app: the frame stays empty.
  const dir = mkdtempSync(join(tmpdir(), 'perspectief-framer-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>framer</title><iframe id="f" src="${base}/" width="800" height="600"></iframe>`);
  const other = await serve(dir, 0);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${other.address().port}/`);
  await page.waitForTimeout(1500);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const shown = frame ? await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
  assert.doesNotMatch(shown, /Perspectief|Voorbeeldgegevens/, 'the app did not render inside the frame');
  // The same page opened directly works (the test sees the app when it is there).
  const direct = await context.newPage();
  await direct.goto(base + '/');
  await direct.getByRole('button', { name: 'Voorbeeldgegevens laden' }).waitFor();
  await context.close();
  other.close();
});
