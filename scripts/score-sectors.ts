// Scores sector matching for the spend-based method on CaML's expert-labelled Amazon titles, with
// models that never saw the titles they are scored on:
// - held out: the training procedure (fitSectorModel, the same code, options and seed as
//   `npm run sectors`) runs here on the training part only, and the held-out quarter (split by brand
//   in scripts/sector-data.ts) is scored with it;
// - out of fold over all titles: the same procedure five times, each time without one fold of
//   brands, each fold scored with the model that did not see it (a second estimate of what the
//   committed model, trained on every title, does on new brands).
// Each title is estimated as the CLI does (`estimate --title T --price 10 --currency USD`), the
// NAICS sector is read from the estimate's steps, and its EPA factor is compared with the factor of
// the expert's sector. It also prints how many of a hand-written set of non-grocery titles get a
// food or drink sector. Run: `npm run score:sectors` (`--train` scores the training part with its own
// model instead, in-sample; `--no-oof` skips the five-fold figures, which take a few minutes).

import { classifyByRules, classifyProduct } from '../shared/footprint/classify.ts';
import { estimateFootprint } from '../shared/footprint/index.ts';
import { SectorModel, useSectorModel } from '../shared/footprint/sectors.ts';
import { camlSplit, camlTitles, epaFactors, type LabelledTitle } from './sector-data.ts';
import {
  figures,
  fitSectorModel,
  foldOf,
  formatFigures,
  formatNonGrocery,
  nonGroceryFigures,
  OPTIONS,
} from './train-sectors.ts';

const epa = epaFactors();
const STEP_SECTOR = /NAICS (\d{6}) /;

interface Scored {
  ours: { ours: string; expert: string }[];
  rules: { ours: string; expert: string }[];
  bins: { n: number; sure: number; within: number; industry: number }[];
  mismatched: number;
}

/** Estimates each title through the CLI's path with the sector model in use, and tallies. */
function score(titles: readonly LabelledTitle[], into: Scored): Scored {
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
    if (fromSteps !== estimate.sector) into.mismatched++;
    into.ours.push({ ours: fromSteps, expert: t.naics });
    into.rules.push({
      ours: classifyByRules({ title: t.title, category: [], brand: null }).category.naics,
      expert: t.naics,
    });
    // Is the classification's stated confidence what it says? Bins of 0.2, against the expert's
    // industry (first three digits), and a factor within 1.5× of the expert's.
    const { confidence } = classifyProduct({ title: t.title, category: [], brand: null });
    const bin = into.bins[Math.min(4, Math.floor(confidence * 5))]!;
    const a = epa.get(fromSteps)!.kgPerUsd2022;
    const b = epa.get(t.naics)!.kgPerUsd2022;
    bin.n++;
    bin.sure += confidence;
    if (fromSteps.slice(0, 3) === t.naics.slice(0, 3)) bin.industry++;
    if (Math.max(a / b, b / a) <= 1.5) bin.within++;
  }
  return into;
}

const empty = (): Scored => ({
  ours: [],
  rules: [],
  bins: Array.from({ length: 5 }, () => ({ n: 0, sure: 0, within: 0, industry: 0 })),
  mismatched: 0,
});

function report(heading: string, scored: Scored): void {
  console.log(heading);
  console.log(`  sector model + rules: ${formatFigures(figures(scored.ours))}`);
  console.log(`  keyword rules alone:  ${formatFigures(figures(scored.rules))}`);
  if (scored.mismatched)
    console.log(`  ${scored.mismatched} estimates whose sector field differs from the sector in their steps`);
  console.log('  classification confidence → share in the expert’s industry (3 digits) / with a factor within 1.5×:');
  for (const [i, bin] of scored.bins.entries())
    if (bin.n)
      console.log(
        `    ${(i / 5).toFixed(1)}–${((i + 1) / 5).toFixed(1)}: n=${bin.n}, mean ${(bin.sure / bin.n).toFixed(2)}, same industry ${(bin.industry / bin.n).toFixed(2)}, within 1.5× ${(bin.within / bin.n).toFixed(2)}`,
      );
}

const started = performance.now();
const { train: part, heldOut } = camlSplit();
const model = fitSectorModel(part, OPTIONS, 'the training part');
useSectorModel(new SectorModel(model));
const inSample = process.argv.includes('--train');
report(
  inSample
    ? `CaML titles, training part (${part.length}), in-sample with the model trained on it`
    : `CaML titles, held-out part (${heldOut.length} titles, grouped by brand), model trained in-process on the training part (${part.length})`,
  score(inSample ? part : heldOut, empty()),
);
console.log(`  (the model's own cross-validation on its training part: ${model.trainedOn})`);
console.log(`Non-grocery check set (test/unit/footprint/non-grocery-titles.json), model of the training part:`);
console.log(`  ${formatNonGrocery(nonGroceryFigures())}`);

if (!process.argv.includes('--no-oof')) {
  const all = camlTitles();
  const scored = empty();
  for (let fold = 0; fold < 5; fold++) {
    const table = fitSectorModel(
      all.filter((t) => foldOf(t.group) !== fold),
      OPTIONS,
      `all but fold ${fold}`,
    );
    useSectorModel(new SectorModel(table));
    score(
      all.filter((t) => foldOf(t.group) === fold),
      scored,
    );
  }
  report(`CaML titles, all ${all.length}, out of fold (5 folds grouped by brand, the same procedure per fold)`, scored);
}
useSectorModel(null);
console.log(`Non-grocery check set, the committed model (all titles): ${formatNonGrocery(nonGroceryFigures())}`);
console.log(`(${Math.round((performance.now() - started) / 1000)} s)`);
