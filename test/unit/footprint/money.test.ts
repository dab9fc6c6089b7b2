import { describe, expect, it } from 'vitest';
import { US_CPI_U } from '../../../shared/footprint/data/money.ts';
import { estimateFootprint } from '../../../shared/footprint/estimate.ts';
import { PRICE_YEAR, toUsd2022 } from '../../../shared/footprint/money.ts';
import { product } from '../product.ts';

describe('prices in currencies fixed to the dollar', () => {
  const toThen = US_CPI_U['2022']! / US_CPI_U[PRICE_YEAR]!;

  it('converts Gulf prices at their official pegs (none is in the FRED or ECB tables)', () => {
    expect(toUsd2022({ amount: 375, currency: 'SAR' })).toBeCloseTo(100 * toThen, 6);
    expect(toUsd2022({ amount: 367.25, currency: 'AED' })).toBeCloseTo(100 * toThen, 6);
    expect(toUsd2022({ amount: 37.6, currency: 'BHD' })).toBeCloseTo(100 * toThen, 6);
  });

  it('still knows no rate for a currency that floats and that no table carries', () => {
    expect(toUsd2022({ amount: 100, currency: 'EGP' })).toBeNull();
  });

  it('gives a shop in Saudi Arabia a price-based estimate that names the peg as a source', () => {
    const estimate = estimateFootprint(
      product({
        title: 'تيشيرت بشعار الماركة',
        price: { amount: 99, currency: 'SAR' },
        url: 'https://www.namshi.com/x',
      }),
    );
    expect(estimate).not.toBeNull();
    expect(estimate!.sources.some((s) => s.title.startsWith('Official US dollar pegs'))).toBe(true);
  });
});
