// Figures rounded to what the data supports, and never printed as NaN.

import { describe, expect, it } from 'vitest';
import { figure, NOT_ENOUGH_DATA, percentFigure, roundingPlace } from '../../../analysis/report/format.ts';

describe('report figures', () => {
  it('keep two significant figures of the interval and at most three of their own', () => {
    expect(figure(60_328.39)).toBe('60,300');
    expect(figure(60_328.39, { low: 52_250.7, high: 69_194.3 })).toBe('60,300 (52,300 to 69,200)');
    expect(figure(0.3914, { low: 0.3133, high: 0.466 })).toBe('0.391 (0.313 to 0.466)');
    expect(figure(39.0077, { low: 20.197, high: 63.298 })).toBe('39 (20 to 63)');
    expect(figure(12.3456, { low: 12.34, high: 12.36 })).toBe('12.3 (12.3 to 12.4)');
    expect(figure(5)).toBe('5');
    expect(figure(1234.5678)).toBe('1,230');
    expect(figure(-41.2, { low: -150.3, high: 70.1 }, { unit: ' kg' })).toBe('-40 kg (-150 to 70 kg)');
    expect(roundingPlace(0)).toBe(0);
    expect(figure(0, { low: 0, high: 0 })).toBe('0 (0 to 0)');
  });

  it('print shares as per cent and missing figures as the reason, never NaN', () => {
    expect(percentFigure(0.19407, { low: 0.1618, high: 0.2281 })).toBe('19.4 % (16.2 to 22.8 %)');
    expect(percentFigure(0.2059, { low: 0.1, high: 0.3143 })).toBe('21 % (10 to 31 %)');
    for (const missing of [Number.NaN, Number.POSITIVE_INFINITY, null, undefined]) {
      expect(figure(missing)).toBe(NOT_ENOUGH_DATA);
      expect(percentFigure(missing)).toBe(NOT_ENOUGH_DATA);
    }
    expect(figure(5, { low: Number.NaN, high: 7 })).toBe('5');
  });
});
