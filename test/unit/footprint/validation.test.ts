// Cross-validated accuracy against published footprints: every product is estimated by an
// estimator whose lookup tables and fits do not contain it (10-fold). Prints the per-group figures.

import { describe, expect, it } from 'vitest';
import {
  crossValidate,
  nestedCrossValidate,
  summarize,
  validationSamples,
} from '../../../shared/footprint/validation.ts';

describe('validation against published footprints (10-fold cross-validation)', () => {
  const samples = validationSamples();
  const scored = crossValidate(samples, 10);
  const electronics = summarize(
    'electronics',
    scored.filter((s) => s.group === 'electronics'),
  );
  const other = summarize(
    'other',
    scored.filter((s) => s.group === 'other'),
  );
  console.log(
    [electronics, other]
      .map(
        (f) =>
          `${f.group}: n=${f.n} median ratio error ${f.medianRatioError.toFixed(3)}×, inside range ${(f.shareInside * 100).toFixed(1)} %, median range width ${f.medianRangeWidth.toFixed(2)}×`,
      )
      .join('\n'),
  );

  it('scores every sample it was given', () => {
    expect(scored.length).toBe(samples.length);
    expect(electronics.n).toBeGreaterThan(800);
    expect(other.n).toBeGreaterThan(60);
  });

  it('electronics (laptops, monitors, desktops, phones, tablets, printers) meet the targets', () => {
    expect(electronics.medianRatioError).toBeLessThanOrEqual(1.15);
    expect(electronics.shareInside).toBeGreaterThanOrEqual(0.8);
    expect(electronics.medianRangeWidth).toBeLessThanOrEqual(2);
  });

  it('other goods (food, furniture, clothing, appliances, other electronics) meet the targets', () => {
    expect(other.medianRatioError).toBeLessThanOrEqual(1.5);
    expect(other.shareInside).toBeGreaterThanOrEqual(0.8);
    expect(other.medianRangeWidth).toBeLessThanOrEqual(4);
  });

  it('meets the targets with the calibration inside the folds too (nested cross-validation)', () => {
    // The committed spreads are calibrated on every product's cross-validated residual, its own
    // included. Here each fold is estimated with spreads calibrated on the other folds only.
    const nested = nestedCrossValidate(samples, 10);
    const e = summarize(
      'electronics, nested',
      nested.filter((s) => s.group === 'electronics'),
    );
    const o = summarize(
      'other, nested',
      nested.filter((s) => s.group === 'other'),
    );
    console.log(
      [e, o]
        .map(
          (f) =>
            `${f.group}: n=${f.n} median ratio error ${f.medianRatioError.toFixed(3)}×, inside range ${(f.shareInside * 100).toFixed(1)} %, median range width ${f.medianRangeWidth.toFixed(2)}×`,
        )
        .join('\n'),
    );
    expect(nested.length).toBe(samples.length);
    expect(e.medianRatioError).toBeLessThanOrEqual(1.15);
    expect(e.shareInside).toBeGreaterThanOrEqual(0.8);
    expect(e.medianRangeWidth).toBeLessThanOrEqual(2);
    expect(o.medianRatioError).toBeLessThanOrEqual(1.5);
    expect(o.shareInside).toBeGreaterThanOrEqual(0.8);
    expect(o.medianRangeWidth).toBeLessThanOrEqual(4);
  }, 60_000);

  it('beats the naive baselines it is compared with', () => {
    // One global median for all "other" goods: the issue quotes ~4.5× for its own sample.
    const values = scored
      .filter((s) => s.group === 'other')
      .map((s) => s.publishedKgCO2e)
      .sort((a, b) => a - b);
    const globalMedian = values[values.length >> 1]!;
    const baseline = [...values.map((v) => Math.exp(Math.abs(Math.log(v / globalMedian))))].sort((a, b) => a - b)[
      values.length >> 1
    ]!;
    expect(other.medianRatioError).toBeLessThan(baseline / 1.5);
  });

  it('never lets a held-out product find itself', () => {
    const near = scored.filter((s) => s.tier === 'device-near');
    // An exact self-match would give a ratio of exactly 1 for most near matches.
    const exact = near.filter((s) => Math.abs(s.kgCO2e - s.publishedKgCO2e) < 1e-9).length;
    expect(exact / near.length).toBeLessThan(0.2);
  });
});
