// The combination of witnesses: the maker's own figure wins, generations trend, witnesses that
// disagree are flagged and set aside, and every range holds the estimate and its witnesses.

import { describe, expect, it } from 'vitest';
import { DEVICES } from '../../../shared/footprint/data/devices.ts';
import { PUBLISHED } from '../../../shared/footprint/data/published.ts';
import { DeviceModel, generationOf, productLine } from '../../../shared/footprint/device-model.ts';
import { FootprintEstimator } from '../../../shared/footprint/estimate.ts';
import { validationSamples } from '../../../shared/footprint/validation.ts';
import type { Product } from '../../../shared/product.ts';
import { product } from '../product.ts';

const estimator = new FootprintEstimator({ devices: DEVICES, published: PUBLISHED });
const phone = ['Electronics', 'Mobile Phones', 'Smartphones'];

describe('a published figure for the same product wins', () => {
  it("is the maker's figure, not averaged with a price guess (Google Nest Hello, 70 kg)", () => {
    const nest = product({
      title: 'Google Nest Hello Video Doorbell',
      brand: 'Google',
      category: ['Electronics', 'Smart Home'],
      price: { amount: 229, currency: 'USD' },
    });
    const estimate = estimator.estimate(nest)!;
    expect(estimate.methods).toEqual(['published-same']);
    expect(estimate.kgCO2e).toBeCloseTo(70, 6);
    expect(estimate.low).toBeLessThan(70);
    expect(estimate.high).toBeGreaterThan(70);
    expect(estimate.steps.join('\n')).toMatch(/this very product: Google Nest Hello 70/);
    // Without the report in the table the same page is a blend of other witnesses, and no longer 70.
    const without = new FootprintEstimator({
      devices: DEVICES.filter((r) => r[1] !== 'Nest Hello'),
      published: PUBLISHED,
    });
    expect(without.estimate(nest)!.methods[0]).not.toBe('published-same');
  });

  it("uses the maker's stated uncertainty for the range when the report gives one", () => {
    const row = DEVICES.find((r) => r[1] === 'Latitude 5420')!;
    expect(row[11]).toBeGreaterThan(0);
    const estimate = estimator.estimate(product({ title: 'Dell Latitude 5420', brand: 'Dell' }))!;
    expect(estimate.kgCO2e).toBeCloseTo(row[3], 6);
    const half = 1.2816 * Math.log1p(row[11]!);
    expect(Math.log(estimate.high / estimate.kgCO2e)).toBeCloseTo(half, 6);
    expect(Math.log(estimate.kgCO2e / estimate.low)).toBeCloseTo(half, 6);
    expect(estimate.rangeMeaning).toMatch(/maker's stated uncertainty \(±22 %/);
  });

  it('is not another model of the line (a variant word or another model number)', () => {
    expect(
      estimator.estimate(product({ title: 'Apple iPhone 14 Pro Max 256GB', brand: 'Apple', category: phone }))!
        .methods[0],
    ).not.toBe('published-same');
    // "Latitude 5400 Chromebook" is in the table; "Latitude 5400" alone is not, nor is 5440.
    expect(estimator.estimate(product({ title: 'Dell Latitude 5440', brand: 'Dell' }))!.methods[0]).not.toBe(
      'published-same',
    );
    expect(estimator.estimate(product({ title: 'Dell Latitude 5430 Rugged', brand: 'Dell' }))!.kgCO2e).toBeCloseTo(
      DEVICES.find((r) => r[1] === 'Latitude 5430 Rugged')![3],
      6,
    );
    expect(
      estimator.estimate(product({ title: 'Apple iPhone 14 128GB', brand: 'Apple', category: phone }))!.methods[0],
    ).toBe('published-same');
  });
});

describe('generations trend', () => {
  it('reads product lines and generation numbers', () => {
    expect(productLine('iPhone 15 128GB', 'Apple')).toBe('iphone');
    expect(productLine('13-inch MacBook Air (M1 CPU)', 'Apple')).toBe('macbook');
    expect(productLine('P2418HZ Monitor', 'Dell')).toBe('p');
    expect(productLine("Levi's 505 Regular Straight Jeans", "Levi's")).toBe('505');
    expect(generationOf('Apple iPhone 15 128GB', 'Apple')).toBe(15);
    expect(generationOf('Surface Pro 7+', 'Microsoft')).toBe(7);
    expect(generationOf('EliteBook 840 G8', 'HP')).toBe(8);
    expect(generationOf('Latitude 5420', 'Dell')).toBeNull();
  });

  it('moves a near product of an older generation along its type trend, in the trend’s direction', () => {
    // A trend fitted on a line whose newer generations are lower, then a generation nobody reported.
    const rows = DEVICES.filter((r) => r[2] === 'laptop');
    const line = rows.filter((r) => r[0] === 'Acme');
    expect(line).toHaveLength(0);
    const acme = (name: string, kg: number, year: number): (typeof DEVICES)[number] => [
      'Acme',
      name,
      'laptop',
      kg,
      14,
      null,
      year,
      0.2,
      4,
      'WW',
      'https://acme.example/pcf',
      null,
    ];
    // Three generations with the same figure: only the type's trend can tell a newer query from
    // an older one the same two generations away (generation 87 is as far from 85 as 81 is from 83).
    const model = new DeviceModel([
      ...rows,
      acme('Zenbook 83', 280, 2018),
      acme('Zenbook 84', 280, 2019),
      acme('Zenbook 85', 280, 2020),
    ]);
    const query = { type: 'laptop', brand: 'Acme', title: 'Acme Zenbook 87', screenInches: null, year: null };
    const newer = model.predict(query)!;
    const older = model.predict({ ...query, title: 'Acme Zenbook 81' })!;
    expect(newer.generation!.yearsNewer).toBeGreaterThan(0);
    expect(older.generation!.yearsNewer).toBeLessThan(0);
    expect(newer.similarity).toBeCloseTo(older.similarity, 9);
    const trend = newer.generation!.logPerYear;
    expect(trend).toBeLessThan(0); // Boavizta laptops: newer is lower within a line
    expect(newer.kgCO2e).toBeLessThan(older.kgCO2e);
    // Without a trend (a type whose lines do not change) both would be the same.
    const flat = new DeviceModel([
      acme('Zenbook 83', 280, 2018),
      acme('Zenbook 84', 280, 2019),
      acme('Zenbook 85', 280, 2020),
    ]);
    expect(flat.predict(query)!.kgCO2e).toBeCloseTo(flat.predict({ ...query, title: 'Acme Zenbook 81' })!.kgCO2e, 9);
  });

  it('brings the iPhone 15 closer to what Apple publishes (56 kg) than to the older generations', () => {
    for (const price of [null, { amount: 799, currency: 'USD' }]) {
      const estimate = estimator.estimate(
        product({ title: 'Apple iPhone 15 128GB', brand: 'Apple', category: phone, price }),
      )!;
      expect(estimate.kgCO2e).toBeLessThan(66);
      expect(estimate.low).toBeLessThan(56);
    }
  });
});

describe('witnesses check each other', () => {
  it('a far-off witness is set aside, flagged in the result and a step, and the range widens', () => {
    // A mouse in a "Computer Accessories" trail read as a desktop: the desktop regression says
    // hundreds of kg, the price a few.
    const mouse = product({
      title: 'Logitech M185 Wireless Mouse',
      category: ['Computer Accessories'],
      price: { amount: 14.99, currency: 'USD' },
    });
    const estimate = estimator.estimate(mouse)!;
    if (estimate.category === 'desktops') {
      expect(estimate.flags).toContain('witnesses-disagree');
      expect(estimate.steps.join('\n')).toMatch(/Set aside: .* far more than they allow/);
      expect(estimate.kgCO2e).toBeLessThan(43); // no more than 10× the published 4.3 kg
    }
    // A witness misread by 1,000× (the price of a pack of 1,000 for one t-shirt) against a weighed one.
    const shirt = (amount: number) =>
      estimator.estimate(
        product({
          title: 'Cotton T-Shirt',
          category: ['Clothing', 'T-Shirts'],
          weightKg: 0.2,
          price: { amount, currency: 'EUR' },
        }),
      )!;
    const fair = shirt(15);
    const misread = shirt(15_000);
    expect(fair.flags).toEqual([]);
    expect(misread.flags).toEqual(['witnesses-disagree']);
    expect(misread.rangeMeaning).toMatch(/widened 1.5× because the methods disagree/);
    expect(fair.rangeMeaning).not.toMatch(/disagree/);
    expect(misread.kgCO2e / fair.kgCO2e).toBeLessThan(3);
    expect(Math.log(misread.high / misread.low)).toBeGreaterThan(Math.log(fair.high / fair.low));
  });

  it('a misread price does not pull a device off: the device model is the more robust witness', () => {
    const monitor = (price: Product['price']) =>
      estimator.estimate(
        product({
          title: 'Dell E2016H Monitor 20"',
          brand: 'Dell',
          category: ['Electronics', 'Computers', 'Monitors'],
          price,
        }),
      )!;
    const unpriced = monitor(null);
    const misread = monitor({ amount: 5, currency: 'USD' });
    expect(misread.flags).toEqual(['witnesses-disagree']);
    expect(misread.kgCO2e / unpriced.kgCO2e).toBeGreaterThan(0.5);
    expect(misread.steps.join('\n')).toMatch(/Set aside: spend-based/);
  });

  it('no published product is more than 10× off when a price, right or wildly wrong, is added', () => {
    // Prices cycle 5, 50, 500 USD whatever the product: a 5 USD monitor is a misread price. With the
    // full tables (a product's own report among them) this checks the witness checks, not accuracy.
    const prices = [5, 50, 500];
    let off = 0;
    for (const [i, sample] of validationSamples().entries()) {
      const e = estimator.estimate({ ...sample.product, price: { amount: prices[i % 3]!, currency: 'USD' } })!;
      if (Math.abs(Math.log(e.kgCO2e / sample.publishedKgCO2e)) > Math.log(10)) off++;
    }
    expect(off).toBe(0);
  });

  it('every range contains the central estimate and every witness it rests on (beef mince)', () => {
    const beef = estimator.estimate(
      product({
        title: 'Rinderhackfleisch 500g',
        category: ['Lebensmittel', 'Fleisch'],
        price: { amount: 4.99, currency: 'EUR' },
      }),
    )!;
    const perKg = 0.5 * 99.48; // the food factor's own figure
    expect(beef.low).toBeLessThanOrEqual(perKg);
    expect(beef.high).toBeGreaterThanOrEqual(perKg);
    // And on every published product, priced or not: every witness named in the steps is inside.
    const prices = [5, 50, 500];
    for (const [i, sample] of validationSamples().entries()) {
      const priced = { ...sample.product, price: { amount: prices[i % 3]!, currency: 'USD' } };
      for (const p of [sample.product, priced]) {
        const e = estimator.estimate(p)!;
        expect(e.low).toBeLessThanOrEqual(e.kgCO2e);
        expect(e.high).toBeGreaterThanOrEqual(e.kgCO2e);
        const combined = e.steps.find((s) => s.startsWith('Combined '));
        if (!combined) continue;
        for (const m of combined.matchAll(/([\d.]+) kg \(/g)) {
          const kg = Number(m[1]);
          expect(e.low * 0.99).toBeLessThanOrEqual(kg);
          expect(e.high * 1.01).toBeGreaterThanOrEqual(kg);
        }
      }
    }
  });
});
