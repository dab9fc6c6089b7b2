// Cross-validated accuracy against published footprints, grouped: a product is held out with its
// whole product line (every configuration and generation), or with every product of its maker, and
// estimated by an estimator whose lookup tables and fits contain none of them. Prints the figures;
// `npm run validate` prints them all.

import { describe, expect, it } from 'vitest';
import {
  crossValidate,
  groupedFolds,
  groupOf,
  nestedCrossValidate,
  summarize,
  validationSamples,
} from '../../../shared/footprint/validation.ts';

const show = (f: ReturnType<typeof summarize>) =>
  `${f.group}: n=${f.n} median ratio error ${f.medianRatioError.toFixed(3)}×, inside range ${(f.shareInside * 100).toFixed(1)} %, median range width ${f.medianRangeWidth.toFixed(2)}×`;

describe('validation against published footprints (grouped 10-fold cross-validation)', () => {
  const samples = validationSamples();
  const scored = crossValidate(samples, 10, undefined, 'line');
  const byMaker = crossValidate(samples, 10, undefined, 'maker');
  const part = (list: typeof scored, group: string) =>
    summarize(
      group,
      list.filter((s) => s.group === group),
    );
  const electronics = part(scored, 'electronics');
  const other = part(scored, 'other');
  console.log(
    [
      'lines held out',
      show(electronics),
      show(other),
      'makers held out',
      show(part(byMaker, 'electronics')),
      show(part(byMaker, 'other')),
    ].join('\n'),
  );

  it('scores every sample it was given', () => {
    expect(scored.length).toBe(samples.length);
    expect(electronics.n).toBeGreaterThan(800);
    expect(other.n).toBeGreaterThan(60);
  });

  it('grouped folds never share a group between training and held-out products', () => {
    for (const grouping of ['line', 'maker'] as const) {
      const folds = groupedFolds(samples, 10, grouping);
      const foldOf = new Map<string, number>();
      samples.forEach((sample, i) => {
        const group = groupOf(sample, grouping);
        expect(foldOf.get(group) ?? folds[i]).toBe(folds[i]);
        foldOf.set(group, folds[i]!);
      });
      // Every fold is used, and one report's configurations always go together.
      expect(new Set(folds).size).toBe(10);
    }
    const fold = groupedFolds(samples, 10, 'line');
    const byReport = new Map<string, Set<number>>();
    samples.forEach((s, i) => {
      if (!s.device) return;
      const set = byReport.get(s.device[10]) ?? new Set<number>();
      set.add(fold[i]!);
      byReport.set(s.device[10], set);
    });
    const split = [...byReport.values()].filter((set) => set.size > 1).length;
    expect(split).toBeLessThan(byReport.size * 0.02);
    expect(groupOf(samples.find((s) => s.device?.[1] === 'iPhone 12 64GB')!, 'line')).toBe(
      groupOf(samples.find((s) => s.device?.[1] === 'iPhone 14 with 128GB')!, 'line'),
    );
    expect(groupOf(samples.find((s) => s.publishedRow?.[2] === 'Diet Coke')!, 'maker')).toBe(
      groupOf(samples.find((s) => s.publishedRow?.[2] === 'Coca-Cola')!, 'maker'),
    );
  });

  it('the stated 80 % coverage holds on what was left out (whole lines held out)', () => {
    expect(electronics.shareInside).toBeGreaterThanOrEqual(0.8);
    expect(other.shareInside).toBeGreaterThanOrEqual(0.8);
  });

  it('holds the accuracy it has on new lines (other goods about 1.5× / 3.5×; electronics 1.19× / 2.05×, not yet 1.15× / 2×)', () => {
    // Guards against getting worse, at the grouped figures measured once the use-phase table came
    // in (other goods 1.502×: two appliances moved by realistic use, see docs/methods.md) and the
    // per-type trust in near products (electronics 1.194×) and the shortest calibrated windows (2.05×).
    expect(electronics.medianRatioError).toBeLessThanOrEqual(1.2);
    expect(electronics.medianRangeWidth).toBeLessThanOrEqual(2.1);
    expect(other.medianRatioError).toBeLessThanOrEqual(1.51);
    expect(other.medianRangeWidth).toBeLessThanOrEqual(4);
  });

  it('keeps coverage with the calibration inside the folds too (nested, lines held out)', () => {
    const nested = nestedCrossValidate(samples, 10, 4, 'line');
    const e = part(nested, 'electronics');
    const o = part(nested, 'other');
    console.log(['nested, lines held out', show(e), show(o)].join('\n'));
    expect(nested.length).toBe(samples.length);
    expect(e.shareInside).toBeGreaterThanOrEqual(0.79);
    // 89 products: within two of 80 %.
    expect(o.shareInside).toBeGreaterThanOrEqual(0.77);
  }, 120_000);

  it('beats the naive baseline of one median for all other goods', () => {
    const values = scored
      .filter((s) => s.group === 'other')
      .map((s) => s.publishedKgCO2e)
      .sort((a, b) => a - b);
    const globalMedian = values[values.length >> 1]!;
    const baseline = [...values.map((v) => Math.exp(Math.abs(Math.log(v / globalMedian))))].sort((a, b) => a - b)[
      values.length >> 1
    ]!;
    expect(other.medianRatioError).toBeLessThan(baseline);
  });

  it('never lets a held-out product find itself, nor its own line', () => {
    expect(scored.filter((s) => s.tier === 'published-same')).toEqual([]);
    const near = scored.filter((s) => s.tier === 'device-near');
    const exact = near.filter((s) => Math.abs(s.kgCO2e - s.publishedKgCO2e) < 1e-9).length;
    expect(exact / near.length).toBeLessThan(0.2);
  });
});

describe('per-type spreads', () => {
  it('are checked on their own products: each type holds 80 % of its held-out products, lines or makers out', async () => {
    const { CALIBRATION } = await import('../../../shared/footprint/data/calibration.ts');
    const samples = validationSamples();
    const scored = [
      ...crossValidate(samples, 10, undefined, 'line'),
      ...crossValidate(samples, 10, undefined, 'maker'),
    ];
    let checked = 0;
    for (const [tier, spread] of Object.entries(CALIBRATION))
      for (const type of Object.keys(spread.byType ?? {})) {
        const mine = scored.filter((s) => s.tier === tier && s.rangeType === type);
        const inside = mine.filter((s) => s.publishedKgCO2e >= s.low && s.publishedKgCO2e <= s.high).length;
        expect(inside / mine.length, `${tier} ${type}`).toBeGreaterThanOrEqual(0.79);
        checked++;
      }
    expect(checked).toBeGreaterThanOrEqual(5);
  });
});
