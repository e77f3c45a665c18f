// One screenshot per view of the app on the demo data (headless Chromium),
// for the README and for looking at the layout: `make screenshots`.
// Usage: node tools/screenshots.mjs [dist] [outdir]
import { launch } from '../tests/browser/harness.mjs';
import { serve } from './serve.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const out = process.argv[3] ?? 'docs/screenshots';
mkdirSync(out, { recursive: true });
const server = await serve(dist, 0);
const browser = await launch();
const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 1400 }, acceptDownloads: true });
const page = await context.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).click();
await page.getByTestId('files-summary').waitFor();
const shot = async (name, locator) => {
  await (locator ?? page).screenshot({ path: join(out, `${name}.png`), ...(locator ? {} : { fullPage: false }) });
  console.log(`screenshot ${join(out, `${name}.png`)}`);
};
const step = async (name) => page.getByRole('navigation', { name: 'Stappen' }).getByRole('button', { name }).click();
await shot('1-bestanden');
await step('Controle');
await page.getByTestId('check-totals').waitFor();
await shot('2-controle');
await step('Koppeling');
await page.getByTestId('table3').waitFor();
await page.getByTestId('table3').getByRole('button', { name: 'Geboortedatum' }).click();
await shot('3-koppeling');
await step('Anonimiseren');
await page.getByRole('button', { name: 'Maak anoniem en controleer' }).click();
await page.getByTestId('anonymise-summary').waitFor();
await page.getByTestId('conclusions').waitFor();
await shot('4-anonimiseren', page.getByTestId('anonymise'));
await step('Analyse');
await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
await page.getByTestId('tree-summary').waitFor();
await shot('5-analyse-boom', page.locator('#pf-tree-svg'));
await page.getByLabel('Variabele', { exact: true }).selectOption('regio_herkomst');
await page.getByRole('button', { name: 'Tabel maken' }).click();
await page.getByTestId('describe-table').waitFor();
await shot('5-analyse-tabel', page.getByTestId('describe-result'));
await context.close();
await browser.close();
server.close();
