// The Koppeling step's fallback: its estimated error rates with what they rest on, the threshold
// chart and its table, a proposal's waterfall opened by keyboard, the scoring choice; axe-core
// clean in Dutch and English, at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { startApp, stopApp, demoPage, axeViolations } from './harness.mjs';

const DIST = resolve(process.env.DIST ?? 'dist');
let browser, server, base;

before(async () => ({ browser, server, base } = await startApp(DIST)));
after(() => stopApp({ browser, server }));

const step = (page, name) => page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name }).click();

test('Koppeling: the fallback estimate, the threshold chart, a waterfall that adds up, and the fixed score for comparison', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 320, height: 800 } });
  const { page, errors } = await demoPage(context, base);
  await step(page, 'Koppeling');
  await page.getByTestId('estimate').waitFor();
  const estimate = await page.getByTestId('estimate').textContent();
  assert.match(estimate, /^Reserveprocedure \(Fellegi–Sunter\) bij drempel 0,85: precisie 100,0% \(95%-interval 99,\d–100,0%\)/);
  assert.match(estimate, /recall 9\d,\d% \(95%-interval 9\d,\d–9\d,\d%\)/);
  assert.match(estimate, /Van de 2 voorstellen nu zijn er naar verwachting 2 juist/);
  await page.getByTestId('estimate-basis').locator('summary').click();
  assert.match(await page.getByTestId('estimate-basis').textContent(), /Dit berust op 690 koppelingen op V-nummer/);
  await page.getByTestId('threshold-chart').locator('summary').click();
  assert.equal(await page.getByTestId('threshold-chart').locator('svg polyline').count(), 2);
  assert.equal(await page.getByTestId('threshold-table').locator('tbody tr').count(), 12);

  // The least certain proposal first; its waterfall opens with the keyboard, and its bars add up.
  const waterfall = page.getByTestId('waterfall').first();
  await waterfall.locator('summary').focus();
  await page.keyboard.press('Enter');
  const svg = waterfall.locator('svg');
  await svg.waitFor();
  const label = await svg.getAttribute('aria-label');
  assert.match(label, /^Gewichten \(log2 van de kansverhouding\): beginkans [−+][\d,]+; naam gelijk \+[\d,]+; hoe vaak de naam voorkomt/);
  const number = (t) => Number(t.replace('−', '-').replace(',', '.'));
  const bars = [...label.matchAll(/([−+][\d]+,\d)(?=;| \()/g)].map((m) => number(m[1]));
  const total = bars.pop();
  assert.ok(Math.abs(bars.reduce((a, b) => a + b, 0) - total) < 0.05 * bars.length, `${bars} → ${total}`);
  assert.equal(await svg.locator('rect').count(), bars.length + 1);
  assert.deepEqual(await axeViolations(page), []);
  // Nothing wider than the screen at 320 px.
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 320, `page is ${wide}px wide`);

  // The fixed score for comparison: the estimate follows the choice.
  await page.getByLabel(/^Vaste score/).check();
  await page.getByTestId('fallback-apply').click();
  await page.waitForFunction(() => /^Reserveprocedure \(vaste score\)/.test(document.querySelector('[data-testid="estimate"]')?.textContent ?? ''));
  assert.equal(await page.getByTestId('waterfall').count(), 0, 'the fixed score has no weights to show');

  // English.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByTestId('estimate').waitFor();
  assert.match(await page.getByTestId('estimate').textContent(), /^Fallback \(fixed score\) at threshold 0\.85: precision 100\.0%/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});
