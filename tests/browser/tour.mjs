// A walk through every view and sub-view of the app on the demo data, in Dutch or English.
// At each stop it calls `visit(name)`; the accessibility test runs axe-core and the reflow
// check there, `make screenshots` takes a picture. The downloaded report is a stop of its
// own: `visit(name, { html })` with the file's text.
import { readFileSync } from 'node:fs';

const WORDS = {
  load: ['Voorbeeldgegevens laden', 'Load example data'],
  steps: ['Stappen', 'Steps'],
  privacy: ['Uw gegevens blijven op deze computer', 'Your data stays on this computer'],
  Controle: ['Controle', 'Check'],
  Koppeling: ['Koppeling', 'Linkage'],
  Anonimiseren: ['Anonimiseren', 'Anonymise'],
  Analyse: ['Analyse', 'Analysis'],
  Bestanden: ['Bestanden', 'Files'],
  sex: ['Sekse', 'Sex'],
  accept: ['Accepteren', 'Accept'],
  risk: ['Risico berekenen', 'Compute risk'],
  protect: ['Maak anoniem en controleer', 'Make anonymous and check'],
  screening: ['Screening: elke variabele apart', 'Screening: each variable on its own'],
  kind: ['Soort tabel', 'Kind of table'],
  variable: ['Variabele', 'Variable'],
  by: ['Per (kolommen)', 'By (columns)'],
  make: ['Tabel maken', 'Make table'],
  compare: ['Vergelijken', 'Compare'],
  toReport: ['Zet in verslag', 'Add to report'],
  report: ['Download verslag (HTML)', 'Download report (HTML)'],
  rules: ['Download regels (tekst)', 'Download rules (text)'],
};

/** Walks `page` (the app, freshly opened) through every view in `lang` ('nl' or 'en'). */
export async function tour(page, lang, visit) {
  const w = (key) => WORDS[key][lang === 'nl' ? 0 : 1];
  const step = async (key) => {
    await page.getByRole('navigation', { name: w('steps') }).getByRole('button', { name: new RegExp(`^\\d\\. ${w(key)}$`) }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  };
  await page.getByRole('button', { name: 'Voorbeeldgegevens laden' }).waitFor();
  if (lang === 'en') await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: w('load') }).waitFor();
  await visit('start');
  await page.getByRole('button', { name: w('privacy') }).first().click();
  await page.getByRole('heading', { level: 1, name: w('privacy') }).waitFor();
  await visit('privacy');
  await step('Bestanden');
  await page.getByRole('button', { name: w('load') }).click();
  await page.getByTestId('files-summary').waitFor();
  await visit('files');
  await page.getByTestId('columns-table').scrollIntoViewIfNeeded();
  await visit('columns');
  await step('Controle');
  await page.getByTestId('check-totals').waitFor();
  await visit('check');
  await step('Koppeling');
  await page.getByTestId('table3').waitFor();
  await visit('linkage');
  await page.getByTestId('table3').getByRole('button', { name: w('sex') }).click();
  await page.getByTestId('links-behind').waitFor();
  await page.getByTestId('proposals').getByRole('button', { name: w('accept'), exact: true }).first().click();
  await page.getByTestId('decisions').waitFor();
  await page.getByTestId('levels').locator('summary').click();
  await visit('linkage-rows-proposals-decisions');
  await step('Anonimiseren');
  await visit('anonymise-before');
  await page.getByRole('button', { name: w('risk') }).click();
  await page.getByTestId('risk-table').waitFor();
  await page.getByRole('button', { name: w('protect') }).click();
  await page.getByTestId('anonymise-summary').waitFor();
  await page.getByTestId('conclusions').waitFor();
  await visit('anonymise-after');
  await step('Analyse');
  await page.getByTestId('outcomes').getByRole('button', { name: 'MOB' }).click();
  await page.getByTestId('tree-summary').waitFor();
  await visit('analyse-tree');
  await page.getByTestId('tree-editor').locator('summary').click();
  await page.getByTestId('competitors').waitFor();
  await visit('analyse-editor');
  await page.getByTestId('gains-chart').locator('svg').waitFor();
  await visit('analyse-gains');
  const [rules] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w('rules') }).click()]);
  const text = readFileSync(await rules.path(), 'utf8').replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const rulesName = rules.suggestedFilename();
  await visit('analyse-rules', { html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${rulesName}</title></head><body><main><h1>${rulesName}</h1><pre style="white-space: pre-wrap">${text}</pre></main></body></html>` });
  await page.getByTestId('tree-result').getByRole('button', { name: w('toReport') }).click();
  await page.getByTestId('tree-options').locator('summary').first().click();
  await page.getByRole('button', { name: w('screening') }).click();
  await page.getByTestId('screening').waitFor();
  await visit('analyse-screening');
  await page.getByLabel(w('kind')).selectOption('crosstab');
  await page.getByLabel(w('variable'), { exact: true }).selectOption('geslacht');
  await page.getByLabel(w('by')).selectOption('mob');
  await page.getByRole('button', { name: w('make') }).click();
  await page.getByTestId('chi-square').waitFor();
  await page.getByTestId('describe-result').locator('..').getByRole('button', { name: w('toReport') }).click();
  await visit('analyse-crosstab');
  await page.getByRole('button', { name: w('compare') }).click();
  await page.getByTestId('comparison').waitFor();
  await visit('analyse-comparison');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w('report') }).click()]);
  await visit('report', { html: readFileSync(await file.path(), 'utf8') });
}
