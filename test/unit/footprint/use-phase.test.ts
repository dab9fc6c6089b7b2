// Use phase as people use things: every row sourced and in range, the known bad cases (a coffee
// machine at 1,325 kg, a kettle that is 97 % world-grid electricity, a heater counting none) fixed
// as kinds of failure, the shop's grid applied, and making and using shown apart.

import { afterEach, describe, expect, it } from 'vitest';
import { USE_BY_CATEGORY } from '../../../shared/footprint/data/use.ts';
import { estimateFootprint, setFallbackCountry } from '../../../shared/footprint/estimate.ts';
import { SOURCES } from '../../../shared/footprint/sources.ts';
import { CATEGORY_BY_ID } from '../../../shared/footprint/taxonomy.ts';
import { countryOfLanguages, usePhaseFor, wattsInTitle } from '../../../shared/footprint/use-phase.ts';
import { product } from '../product.ts';

afterEach(() => setFallbackCountry(null));

describe('use table', () => {
  it('every row is an electric category, in range, with sources that resolve', () => {
    expect(Object.keys(USE_BY_CATEGORY).length).toBeGreaterThan(15);
    for (const [id, row] of Object.entries(USE_BY_CATEGORY)) {
      const category = CATEGORY_BY_ID.get(id);
      expect(category, id).toBeDefined();
      expect(category?.electric, id).toBe(true);
      expect(row.kwhPerYear, id).toBeGreaterThan(1);
      expect(row.kwhPerYear, id).toBeLessThan(1500);
      expect(row.years, id).toBeGreaterThanOrEqual(2);
      expect(row.years, id).toBeLessThanOrEqual(15);
      expect(row.basis.length, id).toBeGreaterThan(20);
      expect(row.src.length, id).toBeGreaterThan(0);
      for (const source of row.src) expect(Object.keys(SOURCES), `${id}: ${source}`).toContain(source);
      // Our own reading of the sources is flagged, and flagged rows cite the assumption.
      expect(row.assumption, id).toBe(row.src.includes('carbon-ledger-assumption'));
      if (row.fullLoadHoursPerYear) expect(row.fullLoadHoursPerYear, id).toBeLessThan(3000);
    }
  });

  it('duty cycle, not rated power × hours: kettles, coffee machines and fridges in published ranges', () => {
    // EU kettles: 20–33 TWh a year over 100–200 million kettles.
    expect(USE_BY_CATEGORY.kettles!.kwhPerYear).toBeGreaterThanOrEqual(60);
    expect(USE_BY_CATEGORY.kettles!.kwhPerYear).toBeLessThanOrEqual(200);
    // Coffee machines with auto power-down: below the 180 kWh of 2006, far below ADEME's 539.
    expect(USE_BY_CATEGORY['coffee-machines']!.kwhPerYear).toBeLessThan(180);
    expect(USE_BY_CATEGORY['capsule-machines']!.kwhPerYear).toBeLessThan(
      USE_BY_CATEGORY['coffee-machines']!.kwhPerYear,
    );
    // A 2 kW kettle boiling 24 hours a day would be 17,520 kWh; a fridge's compressor cycles.
    expect(USE_BY_CATEGORY.refrigerators!.kwhPerYear).toBeLessThan(400);
  });
});

describe('use phase in the estimate', () => {
  it('a coffee machine is not 1,325 kg: realistic kWh on the world grid, making and using apart', () => {
    const estimate = estimateFootprint(product({ title: "De'Longhi Magnifica S Kaffeevollautomat" }))!;
    expect(estimate.category).toBe('coffee-machines');
    expect(estimate.kgCO2e).toBeLessThan(400);
    expect(estimate.kgCO2e).toBeGreaterThan(100);
    expect(estimate.scope).toBe('making-and-using');
    expect(estimate.use?.kwhPerYear).toBe(USE_BY_CATEGORY['coffee-machines']!.kwhPerYear);
    expect(estimate.use?.years).toBe(5);
    expect(estimate.use?.grid).toBe('WORLD');
    expect(estimate.use!.makingKgCO2e + estimate.use!.usingKgCO2e).toBeCloseTo(estimate.kgCO2e, 6);
    expect(estimate.steps.join('\n')).toMatch(/Making [\d.]+ kg · using, 5 years on the world-average grid, \d+ kg/);
  });

  it('a kettle: electricity on the shop’s grid, stated apart from making; on the French grid well under 100 kg', () => {
    const kettle = (country: string | null) =>
      estimateFootprint(product({ title: 'Russell Hobbs electric kettle 1.7L', country }))!;
    const world = kettle(null);
    const germany = kettle('DE');
    const france = kettle('FR');
    expect(world.category).toBe('kettles');
    expect(world.kgCO2e).toBeLessThan(296);
    expect(france.kgCO2e).toBeLessThan(50);
    expect(germany.kgCO2e).toBeLessThan(world.kgCO2e);
    expect(germany.use?.grid).toBe('DE');
    expect(germany.steps.join('\n')).toMatch(/Making 9\.9 kg · using, 5 years on the grid of Germany, 17\d kg/);
    // The using part is kWh × years × grid, nothing more.
    expect(germany.use!.usingKgCO2e).toBeCloseTo((100 * 5 * 344.1) / 1000, 0);
  });

  it('a 2 kW heater counts its electricity, in proportion to the power its title names', () => {
    const heater = (title: string) => estimateFootprint(product({ title, country: 'DE' }))!;
    const two = heater('2000W electric convector heater with thermostat');
    const one = heater('1 kW electric convector heater with thermostat');
    expect(two.category).toBe('heaters');
    expect(two.scope).toBe('making-and-using');
    expect(two.breakdown.useKgCO2e).toBeGreaterThan(10 * two.use!.makingKgCO2e);
    expect(two.use?.kwhPerYear).toBe(300);
    expect(one.use?.kwhPerYear).toBe(150);
    expect(one.kgCO2e).toBeLessThan(two.kgCO2e);
    expect(two.sources.some((s) => s.title.startsWith('Powering the Nation 2'))).toBe(true);
  });

  it('goods without electricity are making only, and say so', () => {
    const shirt = estimateFootprint(product({ title: 'Organic cotton T-shirt, crew neck' }))!;
    expect(shirt.scope).toBe('making');
    expect(shirt.use).toBeNull();
    expect(shirt.steps.at(-1)).toMatch(/Making only/);
  });

  it('the browser’s country stands in when the shop’s is unknown; the shop’s wins when known', () => {
    const noCountry = product({ title: 'Russell Hobbs electric kettle 1.7L' });
    expect(estimateFootprint(noCountry)!.use?.grid).toBe('WORLD');
    setFallbackCountry('FR');
    expect(estimateFootprint(noCountry)!.use?.grid).toBe('FR');
    expect(estimateFootprint({ ...noCountry, country: 'PL' })!.use?.grid).toBe('PL');
    setFallbackCountry(null);
    expect(estimateFootprint(noCountry)!.use?.grid).toBe('WORLD');
  });

  it('reads rated power and browser countries', () => {
    expect(wattsInTitle('Heizlüfter 2.000 Watt mit Thermostat')).toBe(2000);
    expect(wattsInTitle('Oil radiator 1,5 kW')).toBe(1500);
    expect(wattsInTitle('LED bulb E27 9W warm white')).toBe(9);
    expect(wattsInTitle('Space heater, 1500-Watt')).toBe(1500);
    expect(wattsInTitle('Heater for 20 m² rooms')).toBeNull();
    expect(wattsInTitle('Industrial heater 9000 W')).toBeNull();
    expect(countryOfLanguages(['de', 'de-DE', 'en-US'])).toBe('DE');
    expect(countryOfLanguages(['zh-CN'])).toBe('CN');
    expect(countryOfLanguages(['en'])).toBeNull();
    expect(usePhaseFor('t-shirts', 'DE')).toBeNull();
  });
});
