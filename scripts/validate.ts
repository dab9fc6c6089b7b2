// Prints the grouped cross-validation figures of the estimator against published footprints
// (`npm run validate`): per grouping (whole product lines held out; whole makers held out; both
// pooled, which is what the committed ranges are calibrated on; each product alone, the old
// optimistic scheme) and per group (electronics; other goods), with the committed spreads, and the
// nested figures (spreads calibrated inside the folds) for the line grouping. `--nested` adds the
// nested run for the maker grouping too; the products more than 10× off are listed, and each
// electronics device type's figures per grouping. Reads only the
// committed tables.

import {
  crossValidate,
  type GroupFigures,
  type Grouping,
  nestedCrossValidate,
  type Scored,
  summarize,
  validationSamples,
} from '../shared/footprint/validation.ts';

const started = performance.now();
const samples = validationSamples();
const line = (label: string, f: GroupFigures) =>
  `${label.padEnd(34)} ${f.group.padEnd(12)} n=${String(f.n).padStart(4)}  median ratio error ${f.medianRatioError.toFixed(3)}×  inside ${(f.shareInside * 100).toFixed(1).padStart(5)} %  median width ${f.medianRangeWidth.toFixed(2)}×`;
const report = (label: string, scored: Scored[]) => {
  for (const group of ['electronics', 'other'])
    console.log(
      line(
        label,
        summarize(
          group,
          scored.filter((s) => s.group === group),
        ),
      ),
    );
};
const byGrouping = new Map<Grouping, Scored[]>();
for (const grouping of ['line', 'maker', 'row'] as Grouping[]) {
  const scored = crossValidate(samples, 10, undefined, grouping);
  byGrouping.set(grouping, scored);
  report(`grouped by ${grouping}`, scored);
}
for (const grouping of ['line', 'maker'] as Grouping[]) {
  const far = byGrouping
    .get(grouping)!
    .map((s) => ({ s, ratio: Math.exp(Math.abs(Math.log(s.kgCO2e / s.publishedKgCO2e))) }))
    .filter((x) => x.ratio > 10)
    .sort((a, b) => b.ratio - a.ratio);
  console.log(
    `more than 10× off, grouped by ${grouping}: ${far.length}${far.length ? ` (${far.map((x) => `${x.s.product.title.slice(0, 40)} ${x.ratio.toFixed(1)}×`).join('; ')})` : ''}`,
  );
}
// Where the electronics error is: each device type's median ratio error and coverage, per grouping.
for (const grouping of ['line', 'maker'] as Grouping[]) {
  const scored = byGrouping.get(grouping)!.filter((s) => s.group === 'electronics');
  const kinds = [...new Set(scored.map((s) => s.kind))].sort();
  console.log(
    `electronics by type, grouped by ${grouping}: ${kinds
      .map((kind) => {
        const f = summarize(
          kind,
          scored.filter((s) => s.kind === kind),
        );
        return `${kind} ${f.medianRatioError.toFixed(2)}× ${(f.shareInside * 100).toFixed(0)} % (n=${f.n})`;
      })
      .join('; ')}`,
  );
}
report('line and maker pooled', [...byGrouping.get('line')!, ...byGrouping.get('maker')!]);
report('grouped by line, nested calibration', nestedCrossValidate(samples, 10, 4, 'line'));
if (process.argv.includes('--nested'))
  report('grouped by maker, nested calibration', nestedCrossValidate(samples, 10, 4, 'maker'));
console.log(`(${samples.length} products, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
