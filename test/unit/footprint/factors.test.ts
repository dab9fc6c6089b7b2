// Every factor row has a source that resolves, sits in a plausible range for its unit, and says
// when it is our assumption rather than a publication.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv.ts';
import { CALIBRATION } from '../../../shared/footprint/data/calibration.ts';
import { PARCEL_KG_CO2E } from '../../../shared/footprint/data/delivery.ts';
import { DEVICES, DEVICES_SOURCE } from '../../../shared/footprint/data/devices.ts';
import { EEIO_KG_PER_USD2022 } from '../../../shared/footprint/data/eeio.ts';
import { AGRIBALYSE_KG_PER_KG, POORE_NEMECEK_KG_PER_KG } from '../../../shared/footprint/data/food.ts';
import { GRID_G_PER_KWH } from '../../../shared/footprint/data/grid.ts';
import { TYPICAL_ITEMS } from '../../../shared/footprint/data/items.ts';
import { FREIGHT_KG_PER_TONNE_KM, MATERIAL_KG_PER_KG } from '../../../shared/footprint/data/materials.ts';
import { CPI_SOURCE, FX_SOURCES, FX_UNITS_PER_USD, US_CPI_U } from '../../../shared/footprint/data/money.ts';
import { NAMED_KG_PER_KG } from '../../../shared/footprint/data/named.ts';
import { PUBLISHED, PUBLISHED_SOURCE } from '../../../shared/footprint/data/published.ts';
import { SOURCES } from '../../../shared/footprint/sources.ts';
import { CATEGORIES, UNKNOWN } from '../../../shared/footprint/taxonomy.ts';
import { HAS_SHARED, sharedPath } from '../../shared-fixtures.ts';

const known = (id: string) => expect(Object.keys(SOURCES), `source id ${id}`).toContain(id);

describe('factor tables', () => {
  it('every source has a title, publisher, year and URL', () => {
    for (const [id, source] of Object.entries(SOURCES)) {
      expect(source.title.length, id).toBeGreaterThan(10);
      expect(source.publisher.length, id).toBeGreaterThan(2);
      expect(source.year, id).toBeGreaterThanOrEqual(2010);
      expect(source.url, id).toMatch(/^(https:\/\/|docs\/)/);
    }
    expect(Object.values(SOURCES).filter((s) => 'assumption' in s && s.assumption)).toHaveLength(1);
  });

  it('EEIO factors: kg CO2e per 2022 USD between 0.01 and 3, sourced', () => {
    for (const [code, row] of Object.entries(EEIO_KG_PER_USD2022)) {
      expect(code).toMatch(/^\d{6}$/);
      expect(row.kgPerUsd2022, code).toBeGreaterThan(0.01);
      expect(row.kgPerUsd2022, code).toBeLessThan(3);
      known(row.src);
    }
  });

  it('every category maps to an EEIO commodity and resolvable per-kg and item factors', () => {
    for (const category of [...CATEGORIES, UNKNOWN]) {
      expect(EEIO_KG_PER_USD2022[category.naics], `${category.id} → ${category.naics}`).toBeDefined();
      expect(category.typicalKg, category.id).toBeGreaterThan(0.001);
      expect(category.typicalKg, category.id).toBeLessThan(1000);
      if (category.item) expect(TYPICAL_ITEMS[category.item], category.id).toBeDefined();
      const ref = category.perKg;
      if (!ref) continue;
      const table = {
        agribalyse: AGRIBALYSE_KG_PER_KG,
        poore: POORE_NEMECEK_KG_PER_KG,
        desnz: MATERIAL_KG_PER_KG,
        'food-named': NAMED_KG_PER_KG,
      }[ref.table] as Record<string, unknown>;
      expect(table[ref.key], `${category.id} per-kg ${ref.table}:${ref.key}`).toBeDefined();
    }
  });

  it('money: exchange rates positive, CPI rising to 2022, sourced', () => {
    expect(FX_UNITS_PER_USD.USD!['2022']).toBe(1);
    expect(FX_UNITS_PER_USD.EUR!['2024']).toBeGreaterThan(0.7);
    expect(FX_UNITS_PER_USD.EUR!['2024']).toBeLessThan(1.2);
    expect(FX_UNITS_PER_USD.CNY!['2024']).toBeGreaterThan(5);
    expect(US_CPI_U['2022']).toBeGreaterThan(US_CPI_U['2015']!);
    for (const id of [...FX_SOURCES, CPI_SOURCE]) known(id);
  });

  it('per-kg food and material factors are plausible (0.05–120 kg CO2e per kg)', () => {
    for (const [name, row] of [
      ...Object.entries(AGRIBALYSE_KG_PER_KG),
      ...Object.entries(POORE_NEMECEK_KG_PER_KG),
      ...Object.entries(NAMED_KG_PER_KG),
    ]) {
      expect(row.kgPerKg, name).toBeGreaterThan(0.05);
      expect(row.kgPerKg, name).toBeLessThan(120);
    }
    for (const [name, row] of Object.entries(MATERIAL_KG_PER_KG)) {
      expect(row.kgPerKg, name).toBeGreaterThan(0.001);
      expect(row.kgPerKg, name).toBeLessThan(50);
      known(row.src);
    }
    expect(POORE_NEMECEK_KG_PER_KG['Beef (beef herd)']!.kgPerKg).toBeGreaterThan(POORE_NEMECEK_KG_PER_KG.Tofu!.kgPerKg);
  });

  it('derived per-kg factors name their sources and flag compositions as assumptions', () => {
    for (const [name, row] of Object.entries(NAMED_KG_PER_KG)) {
      for (const id of row.src) known(id);
      expect(row.assumption, name).toBe(row.how.startsWith('composition'));
      if (row.assumption) expect(row.src, name).toContain('carbon-ledger-assumption');
    }
  });

  it('grid intensities in g per kWh, 0–1200, with a world average', () => {
    expect(GRID_G_PER_KWH.WORLD!.gPerKwh).toBeGreaterThan(300);
    expect(GRID_G_PER_KWH.FR!.gPerKwh).toBeLessThan(GRID_G_PER_KWH.DE!.gPerKwh);
    for (const [country, row] of Object.entries(GRID_G_PER_KWH)) {
      expect(row.gPerKwh, country).toBeGreaterThanOrEqual(0);
      expect(row.gPerKwh, country).toBeLessThan(1200);
      known(row.src);
    }
  });

  it('device footprints: kg CO2e per device 1–10,000, each with its report URL', () => {
    known(DEVICES_SOURCE);
    expect(DEVICES.length).toBeGreaterThan(800);
    for (const row of DEVICES) {
      expect(row[3], row[1]).toBeGreaterThan(1);
      expect(row[3], row[1]).toBeLessThan(10_000);
      expect(row[10], row[1]).toMatch(/^https?:\/\//);
      if (row[4] !== null) expect(row[4]).toBeLessThan(100);
    }
  });

  it('published products, typical items, delivery and freight are in range and sourced', () => {
    known(PUBLISHED_SOURCE);
    for (const row of PUBLISHED) {
      expect(row[5], row[1]).toBeGreaterThan(0.001);
      expect(row[6].length, row[1]).toBeGreaterThan(3);
    }
    for (const [slug, item] of Object.entries(TYPICAL_ITEMS)) {
      expect(item.kgMaking, slug).toBeGreaterThan(0.1);
      expect(item.kgMaking, slug).toBeLessThan(2000);
      known(item.src);
    }
    expect(PARCEL_KG_CO2E.livraisondomicile!['1']).toBeCloseTo(0.722, 2);
    expect(FREIGHT_KG_PER_TONNE_KM['air-long-haul']!.kgPerTonneKm).toBeGreaterThan(
      20 * FREIGHT_KG_PER_TONNE_KM['container-ship']!.kgPerTonneKm,
    );
    for (const row of Object.values(FREIGHT_KG_PER_TONNE_KM)) known(row.src);
  });

  it('calibrated spreads are intervals around zero, wider for weaker methods', () => {
    for (const [tier, spread] of Object.entries(CALIBRATION)) {
      expect(spread.q10, tier).toBeLessThan(0.2);
      expect(spread.q90, tier).toBeGreaterThan(-0.2);
      expect(spread.q90 - spread.q10, tier).toBeGreaterThan(0.1);
    }
    expect(CALIBRATION.spend.q90 - CALIBRATION.spend.q10).toBeGreaterThan(
      CALIBRATION['device-near'].q90 - CALIBRATION['device-near'].q10,
    );
  });

  it.skipIf(!HAS_SHARED)('the committed tables match the reference data in ../shared', () => {
    const boavizta = parseCsv(readFileSync(sharedPath('reference', 'boavizta-product-footprints.csv'), 'utf8'));
    const macbook = boavizta.find((row) => row.name === '13-inch MacBook Air (M1 CPU) 512GB - 2020');
    const committed = DEVICES.find((row) => row[1] === '13-inch MacBook Air (M1 CPU) 512GB - 2020');
    expect(Number(macbook?.gwp_total)).toBe(committed?.[3]);
    const catalogue = parseCsv(
      readFileSync(sharedPath('reference', 'products_carbon_catalogue', 'carbon-catalogue-sample.csv'), 'utf8'),
    );
    expect(catalogue).toHaveLength(PUBLISHED.length);
  });
});
