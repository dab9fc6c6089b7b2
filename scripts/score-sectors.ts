// Scores sector matching for the spend-based method on the held-out quarter of CaML's expert-labelled
// Amazon titles (split by brand in scripts/sector-data.ts; the training script never reads it):
// each title is estimated as the CLI does (`estimate --title T --price 10 --currency USD`), the
// NAICS sector is read from the estimate's steps, and its EPA factor is compared with the factor of
// the expert's sector. Run: `npm run score:sectors` (add `--train` to score the training part instead).

import { classifyByRules, classifyProduct } from '../shared/footprint/classify.ts';
import { estimateFootprint } from '../shared/footprint/index.ts';
import { camlSplit, epaFactors } from './sector-data.ts';
import { figures, formatFigures } from './train-sectors.ts';

const part = process.argv.includes('--train') ? 'train' : 'heldOut';
const titles = camlSplit()[part];
const epa = epaFactors();
const STEP_SECTOR = /NAICS (\d{6}) /;

const ours: { ours: string; expert: string }[] = [];
const rules: { ours: string; expert: string }[] = [];
const bins = Array.from({ length: 5 }, () => ({ n: 0, sure: 0, within: 0, industry: 0 }));
let mismatched = 0;
for (const t of titles) {
  const estimate = estimateFootprint({
    title: t.title,
    price: { amount: 10, currency: 'USD' },
    brand: null,
    category: [],
    gtin: null,
    url: '',
  });
  // The first sector the steps name: the classification's ("Category: … sector NAICS 311920 …").
  const fromSteps = estimate?.steps.map((s) => STEP_SECTOR.exec(s)?.[1]).find(Boolean) ?? null;
  if (!estimate || !fromSteps) throw new Error(`no spend-based step for "${t.title}"`);
  if (fromSteps !== estimate.sector) mismatched++;
  ours.push({ ours: fromSteps, expert: t.naics });
  rules.push({ ours: classifyByRules({ title: t.title, category: [], brand: null }).category.naics, expert: t.naics });
  // Is the classification's stated confidence what it says? Bins of 0.2, against the expert's
  // industry (first three digits), and a factor within 1.5× of the expert's.
  const { confidence } = classifyProduct({ title: t.title, category: [], brand: null });
  const bin = bins[Math.min(4, Math.floor(confidence * 5))]!;
  const a = epa.get(fromSteps)!.kgPerUsd2022;
  const b = epa.get(t.naics)!.kgPerUsd2022;
  bin.n++;
  bin.sure += confidence;
  if (fromSteps.slice(0, 3) === t.naics.slice(0, 3)) bin.industry++;
  if (Math.max(a / b, b / a) <= 1.5) bin.within++;
}

console.log(`CaML titles, ${part === 'heldOut' ? 'held-out part (grouped by brand)' : 'training part'}`);
console.log(`  sector model + rules: ${formatFigures(figures(ours))}`);
console.log(`  keyword rules alone:  ${formatFigures(figures(rules))}`);
if (mismatched) console.log(`  ${mismatched} estimates whose sector field differs from the sector in their steps`);
console.log('  classification confidence → share in the expert’s industry (3 digits) / with a factor within 1.5×:');
for (const [i, bin] of bins.entries())
  if (bin.n)
    console.log(
      `    ${(i / 5).toFixed(1)}–${((i + 1) / 5).toFixed(1)}: n=${bin.n}, mean ${(bin.sure / bin.n).toFixed(2)}, same industry ${(bin.industry / bin.n).toFixed(2)}, within 1.5× ${(bin.within / bin.n).toFixed(2)}`,
    );
