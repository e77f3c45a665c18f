// Keyboard only: the demo journey with nothing but Tab, Shift+Tab, Enter and the arrow keys
// (load → Controle → Koppeling → accept a proposal → undo it → grow the MOB tree → walk to
// node 3 → download the SVG). After every action focus is checked: never on <body>, on the new
// step's heading after a step change, and never on the next row's same button, so that Enter
// twice never acts twice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startApp, stopApp } from './harness.mjs';

const DIST = process.env.DIST ?? 'dist';
let browser, server, base;

before(async () => ({ browser, server, base } = await startApp(DIST)));
after(() => stopApp({ browser, server }));

/** What has focus: tag, role, name (aria-label or text), test id. */
const active = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return {
    tag: el?.tagName.toLowerCase(),
    role: el?.getAttribute('role') ?? '',
    name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().replace(/\s+/g, ' '),
    testid: el?.dataset?.testid ?? '',
    node: el?.dataset?.node ?? '',
  };
});

/** Presses Tab (or Shift+Tab) until focus is on an element whose name matches. */
async function tabTo(page, name, { back = false, max = 800 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const a = await active(page);
    if (typeof name === 'string' ? a.name === name : name.test(a.name)) return a;
  }
  throw new Error(`"${name}" cannot be reached with the Tab key`);
}

async function focusIsOn(page, what, check) {
  await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body);
  const a = await active(page);
  assert.ok(check(a), `${what}: focus is on ${JSON.stringify(a)}`);
}

test('keyboard only: the demo journey, focus after every action, Enter twice acts once', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + '/');
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).waitFor();
  await tabTo(page, 'Voorbeeldgegevens laden');
  await page.keyboard.press('Enter');
  await page.getByTestId('files-summary').waitFor();
  await focusIsOn(page, 'after loading', (a) => a.tag !== 'body');

  await tabTo(page, 'Naar de controle');
  await page.keyboard.press('Enter');
  await page.getByTestId('check-totals').waitFor();
  await focusIsOn(page, 'step change to Controle', (a) => a.tag === 'h1' && a.name === 'Controle');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the new step starts at the top');

  await tabTo(page, 'Verder naar Koppeling');
  await page.keyboard.press('Enter');
  await page.getByTestId('table3').waitFor();
  await focusIsOn(page, 'step change to Koppeling', (a) => a.tag === 'h1' && a.name === 'Koppeling');
  const counts = () => page.getByTestId('link-counts').textContent();
  const waitCounts = (re) => page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid="link-counts"]').textContent), re.source);
  assert.match(await counts(), /0 op naam en geboortedatum; 2 voorstellen open/);

  // Accept one proposal; focus goes to the list's heading, so a second Enter accepts nothing.
  await tabTo(page, 'Accepteren');
  await page.keyboard.press('Enter');
  await waitCounts(/1 op naam en geboortedatum; 1 voorstellen open/);
  await focusIsOn(page, 'after Accepteren', (a) => a.testid === 'proposals-heading');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  assert.match(await counts(), /1 op naam en geboortedatum; 1 voorstellen open/, 'Enter twice acted once');
  assert.equal(await page.getByTestId('announcer').textContent(), 'Voorstel geaccepteerd', 'the decision is announced');

  // Undo it: focus stays in the page (the decisions list goes away with it).
  await tabTo(page, 'Ongedaan maken');
  await page.keyboard.press('Enter');
  await waitCounts(/0 op naam en geboortedatum; 2 voorstellen open/);
  await focusIsOn(page, 'after Ongedaan maken', (a) => a.testid === 'proposals-heading');
  assert.equal(await page.getByTestId('announcer').textContent(), 'Besluit ongedaan gemaakt');

  // On to Analyse through the steps' own next buttons.
  await tabTo(page, 'Verder naar Anonimiseren');
  await page.keyboard.press('Enter');
  await focusIsOn(page, 'step change to Anonimiseren', (a) => a.tag === 'h1' && a.name === 'Anonimiseren');
  await tabTo(page, 'Verder naar Analyse');
  await page.keyboard.press('Enter');
  await focusIsOn(page, 'step change to Analyse', (a) => a.tag === 'h1' && a.name === 'Analyse');

  await tabTo(page, 'MOB');
  await page.keyboard.press('Enter');
  await page.getByTestId('tree-summary').waitFor();
  await focusIsOn(page, 'after growing the tree', (a) => a.name === 'MOB');
  await page.waitForFunction(() => /^Boom gegroeid: \d+ knopen, eerste splitsing op /.test(document.querySelector('[data-testid="announcer"]').textContent));

  // Into the tree: one tab stop, the root first; arrows to node 3.
  const root = await tabTo(page, /^Knoop 0: /);
  assert.equal(root.role, 'treeitem');
  const on = async (id) => {
    await page.waitForFunction((n) => document.activeElement?.dataset?.node === n, id);
    return active(page);
  };
  await page.keyboard.press('ArrowDown');
  await on('1');
  // Node 3 is node 1's first child when node 1 is split, else node 2's.
  if (await page.locator('#pf-tree-svg [data-node="1"]').getAttribute('aria-expanded') !== 'true') {
    await page.keyboard.press('ArrowRight');
    await on('2');
  }
  await page.keyboard.press('ArrowDown');
  const here = await on('3');
  assert.match(here.name, /^Knoop 3 \(.+ = .+\): \d+ cliënten, \d+,\d %; ja \d+,\d %, nee \d+,\d %/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /^Knoop 3: /.test(document.querySelector('[data-testid="node-path"]').textContent));
  await focusIsOn(page, 'after selecting node 3', (a) => a.node === '3');
  // Tab leaves the tree (one tab stop), to the control that collapses the selected node.
  await page.keyboard.press('Shift+Tab');
  const out = await active(page);
  assert.notEqual(out.role, 'treeitem', 'one tab stop in the tree');

  await tabTo(page, 'Download boom (SVG)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const svg = readFileSync(await download.path(), 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="pf-tree" role="img"/);
  assert.doesNotMatch(svg, /tabindex|treeitem/, 'the file is a picture, not the page\'s widget');
  await focusIsOn(page, 'after the download', (a) => a.name === 'Download boom (SVG)');
  assert.equal(await page.getByTestId('announcer').textContent(), 'Gedownload: boom-mob.svg');
  assert.deepEqual(errors, []);
  await context.close();
});
