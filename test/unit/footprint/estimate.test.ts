import { describe, expect, it } from 'vitest';
import { DEVICES } from '../../../shared/footprint/data/devices.ts';
import { PUBLISHED } from '../../../shared/footprint/data/published.ts';
import { deliveryKgCO2e } from '../../../shared/footprint/delivery.ts';
import { estimateFootprint, FootprintEstimator } from '../../../shared/footprint/estimate.ts';
import { product } from '../product.ts';

describe('estimateFootprint', () => {
  it('method 1: the published footprint of this very product, with its report as a source', () => {
    const estimate = estimateFootprint(product({ title: 'Dell Latitude 5420 14" laptop', brand: 'Dell' }))!;
    expect(estimate.category).toBe('laptops');
    expect(estimate.methods).toEqual(['published-same']);
    expect(estimate.kgCO2e).toBeGreaterThan(300);
    expect(estimate.kgCO2e).toBeLessThan(420);
    expect(estimate.sources.some((s) => /latitude-5420/i.test(s.url))).toBe(true);
    expect(estimate.low).toBeLessThan(estimate.kgCO2e);
    expect(estimate.high).toBeGreaterThan(estimate.kgCO2e);
    expect(estimate.rangeMeaning).toMatch(/80 %/);
  });

  it('method 1 only uses what it was given: a held-out product is not looked up', () => {
    const name = 'Latitude 5420';
    const without = new FootprintEstimator({
      devices: DEVICES.filter((r) => !r[1].includes(name)),
      published: PUBLISHED,
    });
    const estimate = without.estimate(product({ title: `Dell ${name} 14" laptop`, brand: 'Dell' }))!;
    expect(estimate.sources.some((s) => /latitude-5420-pcf/i.test(s.url))).toBe(false);
  });

  it('method 2: a regression over the type when nothing near is known', () => {
    const estimate = estimateFootprint(product({ title: 'Acme Nova 15.6" laptop', brand: 'Acme' }))!;
    expect(estimate.category).toBe('laptops');
    expect(['device-regression', 'device-blend']).toContain(estimate.methods[0]);
    expect(estimate.kgCO2e).toBeGreaterThan(100);
    expect(estimate.kgCO2e).toBeLessThan(700);
  });

  it('method 3: per-kg × weight read from the title, else a typical weight marked as an assumption', () => {
    const weighed = estimateFootprint(
      product({ title: 'Rinderhackfleisch 500g', category: ['Lebensmittel', 'Fleisch'] }),
    )!;
    expect(weighed.category).toBe('beef');
    expect(weighed.weightKg).toBeCloseTo(0.5);
    expect(weighed.weightAssumed).toBe(false);
    expect(weighed.kgCO2e).toBeCloseTo(0.5 * 99.48, 0);
    const assumed = estimateFootprint(product({ title: 'Rinderhackfleisch' }))!;
    expect(assumed.weightAssumed).toBe(true);
    expect(assumed.sources.some((s) => s.assumption)).toBe(true);
    expect(assumed.high / assumed.low).toBeGreaterThan(weighed.high / weighed.low);
  });

  it('method 4: spend-based with currency conversion, for anything with a price', () => {
    const usd = estimateFootprint(product({ title: 'Zyxel thing', price: { amount: 100, currency: 'USD' } }))!;
    const eur = estimateFootprint(product({ title: 'Zyxel thing', price: { amount: 100, currency: 'EUR' } }))!;
    expect(usd.category).toBe('unknown');
    expect(usd.methods).toEqual(['spend-unknown']);
    expect(usd.confidence).toBeLessThan(0.2);
    expect(eur.kgCO2e).toBeGreaterThan(usd.kgCO2e);
    expect(estimateFootprint(product({ title: 'Zyxel thing' }))).toBeNull();
    expect(estimateFootprint(product({ title: 'Zyxel thing', price: { amount: 5, currency: 'XXX' } }))).toBeNull();
  });

  it('method 5: use phase follows the grid of the shop country', () => {
    const fridge = product({ title: 'Kühlschrank A+++ 250 l' });
    const france = estimateFootprint(fridge, { country: 'FR' })!;
    const poland = estimateFootprint(fridge, { country: 'PL' })!;
    expect(france.breakdown.useKgCO2e).toBeGreaterThan(0);
    expect(poland.breakdown.useKgCO2e!).toBeGreaterThan(5 * france.breakdown.useKgCO2e!);
    expect(poland.kgCO2e).toBeGreaterThan(france.kgCO2e);
    const laptopFr = estimateFootprint(product({ title: 'Dell Latitude 5420 laptop' }), { country: 'FR' })!;
    const laptopAsReported = estimateFootprint(product({ title: 'Dell Latitude 5420 laptop' }))!;
    expect(laptopFr.kgCO2e).toBeLessThan(laptopAsReported.kgCO2e);
  });

  it('method 6: delivery is added when asked, from ADEME per-parcel figures', () => {
    const base = estimateFootprint(product({ title: 'Levi’s 501 jeans', brand: "Levi's" }))!;
    const home = estimateFootprint(product({ title: 'Levi’s 501 jeans', brand: "Levi's" }), { delivery: 'home' })!;
    expect(home.breakdown.deliveryKgCO2e).toBeCloseTo(deliveryKgCO2e('home', base.weightKg!), 6);
    expect(home.kgCO2e - base.kgCO2e).toBeCloseTo(home.breakdown.deliveryKgCO2e!, 6);
    expect(deliveryKgCO2e('home', 1)).toBeCloseTo(0.722, 2);
    expect(deliveryKgCO2e('store-car', 1)).toBeGreaterThan(deliveryKgCO2e('pickup-point-walk', 1));
  });

  it('is deterministic and keeps the fields the overlay shows', () => {
    const p = product({ title: 'Apple iPhone 12 128GB', brand: 'Apple', price: { amount: 799, currency: 'USD' } });
    const a = estimateFootprint(p)!;
    expect(estimateFootprint(p)).toEqual(a);
    for (const key of [
      'kgCO2e',
      'low',
      'high',
      'rangeMeaning',
      'category',
      'categoryLabel',
      'confidence',
      'method',
      'steps',
      'sources',
    ])
      expect(a).toHaveProperty(key);
    expect(a.steps.length).toBeGreaterThan(1);
  });

  it('keeps steps and sources in JSON and structured clones (messages to a page)', () => {
    const estimate = new FootprintEstimator({ devices: DEVICES, published: PUBLISHED }).estimate(
      product({ title: 'Dell Latitude 5420 14" laptop', brand: 'Dell', category: ['Electronics', 'Laptops'] }),
    )!;
    const cloned = structuredClone(estimate);
    expect(cloned.steps).toEqual(estimate.steps);
    expect(cloned.sources).toEqual(estimate.sources);
    const json = JSON.parse(JSON.stringify(estimate));
    expect(Object.keys(json)).toEqual(Object.keys(estimate));
    expect(json.steps).toEqual(estimate.steps);
    expect(Object.keys(estimate).slice(8, 11)).toEqual(['methods', 'steps', 'sources']);
  });
});
