// Builds the compact factor tables the estimator ships with, from the public reference data in
// ../shared/reference. Run with `npm run factors`; the output is committed so that a fresh clone
// builds without the reference folder. Every row written carries a source id from
// shared/footprint/sources.ts, and where the reference names a per-row document, its URL.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../shared/csv.ts';
import { CATEGORIES, UNKNOWN } from '../shared/footprint/taxonomy.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reference = resolve(process.env.CARBON_LEDGER_REFERENCE ?? join(root, '..', 'shared', 'reference'));
const out = join(root, 'shared', 'footprint', 'data');

if (!existsSync(reference)) {
  console.error(`carbon-ledger factors: reference data not found at ${reference} (set CARBON_LEDGER_REFERENCE)`);
  process.exit(2);
}

const readTable = (path: string) => parseCsv(readFileSync(join(reference, path), 'utf8'));
const round = (value: number, digits = 4) => Number(value.toPrecision(digits));
const num = (text: string | undefined): number | null => {
  const value = Number(text);
  return text !== undefined && text.trim() !== '' && Number.isFinite(value) ? value : null;
};

// The sector model is trained first (scripts/train-sectors.ts): its sectors need factors too.
const SECTOR_MODEL = await import('./train-sectors.ts').then((m) => {
  const model = m.buildSectorModel();
  m.writeSectorModel(model);
  return model;
});
/** NAICS commodities the taxonomy maps categories onto, and those the sector model chooses from. */
const EEIO_CODES = [
  ...new Set([...[...CATEGORIES, UNKNOWN].map((category) => category.naics), ...SECTOR_MODEL.sectors]),
].sort();

function buildEeio() {
  const rows = readTable('eeio_us_epa/SupplyChainGHGEmissionFactors_v1.3.0_NAICS_CO2e_USD2022.csv');
  const table: Record<string, { title: string; kgPerUsd2022: number; src: string }> = {};
  for (const row of rows) {
    const code = row['2017 NAICS Code'] ?? '';
    if (!EEIO_CODES.includes(code)) continue;
    if (row.Unit !== 'kg CO2e/2022 USD, purchaser price') throw new Error(`unexpected unit for ${code}: ${row.Unit}`);
    table[code] = {
      title: row['2017 NAICS Title'] ?? code,
      kgPerUsd2022: Number(row['Supply Chain Emission Factors with Margins']),
      src: 'epa-supply-chain-v1.3',
    };
  }
  const missing = EEIO_CODES.filter((code) => !table[code]);
  if (missing.length) throw new Error(`NAICS codes not in the EPA table: ${missing.join(', ')}`);
  return table;
}

/** Units of each currency per US dollar, by year: FRED first, ECB where FRED lacks one. */
function buildFx() {
  const perUsd: Record<string, Record<string, number>> = {};
  for (const row of readTable('fx_and_prices/fx_fred_annual_currency_per_usd.csv')) {
    const currency = row.iso4217_added ?? '';
    if (!/^[A-Z]{3}$/.test(currency) || currency === 'VES' || currency === 'VEF') continue;
    const year = (row.Date ?? '').slice(0, 4);
    perUsd[currency] ??= {};
    perUsd[currency][year] = Number(row.Value_currency_units_per_1_USD);
  }
  for (const row of readTable('fx_and_prices/fx_ecb_annual_avg.derived.csv')) {
    const currency = row.currency ?? '';
    const year = row.year ?? '';
    const value = Number(row.avg_units_per_1_USD_derived);
    if (!/^[A-Z]{3}$/.test(currency) || !(value > 0)) continue;
    perUsd[currency] ??= {};
    perUsd[currency][year] ??= value;
  }
  perUsd.USD = {};
  const years = [...new Set(Object.values(perUsd).flatMap((byYear) => Object.keys(byYear)))].sort();
  for (const year of years) perUsd.USD[year] = 1;
  // Currencies fixed to the dollar, which neither table carries: the official rate for every year
  // since the peg was set (source 'usd-pegs').
  for (const [currency, { rate, since }] of Object.entries(USD_PEGS)) {
    if (perUsd[currency]) continue;
    perUsd[currency] = Object.fromEntries(years.filter((year) => Number(year) >= since).map((year) => [year, rate]));
  }
  return perUsd;
}

/**
 * Official pegs to the US dollar (units per USD) and the year each was fixed, as the IMF's Annual
 * Report on Exchange Arrangements lists them and the central banks publish them (SAMA, CBUAE, QCB,
 * CBB, CBO, CBJ). Their market rates stay within a fraction of a percent of these.
 */
const USD_PEGS: Record<string, { rate: number; since: number }> = {
  SAR: { rate: 3.75, since: 1986 },
  AED: { rate: 3.6725, since: 1997 },
  QAR: { rate: 3.64, since: 2001 },
  BHD: { rate: 0.376, since: 2001 },
  OMR: { rate: 0.3845, since: 1986 },
  JOD: { rate: 0.709, since: 1995 },
};

function buildCpi(): Record<string, number> {
  const cpi: Record<string, number> = {};
  for (const row of readTable('fx_and_prices/us_cpi_u_annual_avg.derived.csv')) {
    if (row.note?.includes('INCOMPLETE') || row.n_months !== '12') continue;
    cpi[row.year ?? ''] = Number(row.cpi_u_annual_avg_1982_84_eq_100);
  }
  return cpi;
}

// ISO 3166 alpha-3 → alpha-2 for the countries shops are in (Ember uses alpha-3).
const ISO3_TO_2 = Object.fromEntries(
  (
    'ARG AR AUS AU AUT AT BEL BE BGR BG BRA BR CAN CA CHE CH CHL CL CHN CN COL CO CZE CZ DEU DE DNK DK EGY EG ESP ES ' +
    'EST EE FIN FI FRA FR GBR GB GRC GR HKG HK HRV HR HUN HU IDN ID IND IN IRL IE ISL IS ISR IL ITA IT JPN JP KOR KR ' +
    'LTU LT LUX LU LVA LV MAR MA MEX MX MYS MY NGA NG NLD NL NOR NO NZL NZ PAK PK PER PE PHL PH POL PL PRT PT ROU RO ' +
    'RUS RU SAU SA SGP SG SVK SK SVN SI SWE SE THA TH TUR TR TWN TW UKR UA ARE AE USA US VNM VN ZAF ZA KEN KE BGD BD'
  )
    .match(/[A-Z]{3} [A-Z]{2}/g)!
    .map((pair) => pair.split(' ') as [string, string]),
);

function buildGrid() {
  const grid: Record<string, { gPerKwh: number; year: number; src: string }> = {};
  for (const row of readTable('grid_ember/ember_latest_intensity_by_country.derived.csv')) {
    const g = num(row.emissions_intensity_gco2_per_kwh);
    const key = row.country_or_region === 'World' ? 'WORLD' : ISO3_TO_2[row.country_code ?? ''];
    if (!key || g === null) continue;
    grid[key] = { gPerKwh: round(g), year: Number(row.year), src: 'ember-2025' };
  }
  return grid;
}

const DEVICE_TYPES: Record<string, string> = {
  Laptop: 'laptop',
  Monitor: 'monitor',
  Desktop: 'desktop',
  Workstation: 'desktop',
  // Thin clients are small desktops; their names ("thin client") find each other within the type.
  'Thin Client': 'desktop',
  'Thin client': 'desktop',
  Smartphone: 'phone',
  Tablet: 'tablet',
  Printer: 'printer',
  IoT: 'smart-home',
  Multimedia: 'streaming',
  Network: 'router',
  Gaming: 'console',
};

/** Manufacturer footprints of electronics (Boavizta), one compact row each. */
function buildDevices() {
  const rows: unknown[] = [];
  for (const row of readTable('boavizta-product-footprints.csv')) {
    const type = DEVICE_TYPES[row.subcategory ?? ''];
    const kg = num(row.gwp_total);
    if (!type || kg === null || kg <= 0) continue;
    const year = (row.report_date ?? '').match(/(20\d\d)/)?.[1];
    rows.push([
      row.manufacturer,
      (row.name ?? '').replace(/\s+/g, ' ').trim(),
      type,
      round(kg, 5),
      num(row.screen_size) || null,
      num(row.weight) || null,
      year ? Number(year) : null,
      num(row.gwp_use_ratio),
      num(row.lifetime),
      row.use_location || 'WW',
      row.sources?.split(/\s+/)[0] ?? '',
      num(row.gwp_error_ratio) || null,
    ]);
  }
  return rows;
}

/** ADEME Impact CO2 typical items: making, use per year (French grid), years, end of life. */
function buildItems() {
  const items: Record<string, unknown> = {};
  for (const row of readTable('products_ademe_impactco2/impactco2_product_footprints.csv')) {
    items[row.slug ?? ''] = {
      kgMaking: round(Number(row.manufacturing_total_sum_of_ecv_kgco2e)),
      kgUsePerYear: num(row.usage_kgco2e_per_year) ?? 0,
      years: num(row.usage_default_years) ?? 0,
      kgEndOfLife: round(num(row.end_of_life_kgco2e) ?? 0),
      src: 'ademe-impactco2',
      url: row.source_url_in_metadata || 'https://impactco2.fr',
    };
  }
  return items;
}

function buildDelivery() {
  const parcels: Record<string, Record<string, number>> = {};
  for (const row of readTable('products_ademe_impactco2/impactco2_delivery_standard_parcels.csv')) {
    const mode = `${row.purchase_mode}${row.customer_trip?.startsWith('walk') ? '-walk' : ''}`;
    parcels[mode] ??= {};
    parcels[mode][(row.parcel_weight ?? '').replace('kg', '')] = round(Number(row.total_kgco2e_per_parcel));
  }
  return { parcels, src: 'ademe-impactco2-delivery' };
}

/** Food per kg: Agribalyse sub-group medians and Poore & Nemecek global means. */
function buildFood() {
  const groups = new Map<string, number[]>();
  for (const row of readTable('food_agribalyse/agribalyse_synthese_climate.csv')) {
    const key = row["Sous-groupe d'aliment"] ?? '';
    const value = num(row['Changement climatique']);
    if (value === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), value]);
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const agribalyse: Record<string, { kgPerKg: number; n: number; src: string }> = {};
  for (const [key, values] of groups)
    agribalyse[key] = { kgPerKg: round(median(values), 3), n: values.length, src: 'agribalyse-3.2' };
  const poore: Record<string, { kgPerKg: number; src: string }> = {};
  for (const row of readTable('food_poore_nemecek_owid/poore_nemecek_2018_ghg_per_kg.csv')) {
    const key = Object.keys(row).find((k) => k.startsWith('GHG emissions per kilogram'));
    const value = key ? num(row[key]) : null;
    if (value !== null) poore[row.Entity ?? ''] = { kgPerKg: value, src: 'poore-nemecek-2018' };
  }
  return { agribalyse, poore, rows: readTable('food_agribalyse/agribalyse_synthese_climate.csv') };
}

type Food = ReturnType<typeof buildFood>;
type Materials = ReturnType<typeof buildMaterials>;

// Per-kg factors the tables do not give directly: a median over matching Agribalyse products, or
// a composition of published per-kg factors whose shares are our assumption (flagged as such).
const AGRIBALYSE_SELECTIONS: Record<string, { subgroup?: string; name: RegExp }> = {
  coffee: { name: /^Coffee, ground/ },
  crisps: { name: /^Potato crisps/ },
  'canned-fish': { name: /(tuna|sardine|mackerel).*(canned|in oil|in brine|in water)/i },
  water: { subgroup: 'eaux', name: /^Water, bottled/ },
  'soft-drinks': { subgroup: 'boissons sans alcool', name: /cola|soda|lemonade|soft drink|carbonated|juice/i },
  beer: { name: /^Beer/ },
  spirits: { subgroup: 'boisson alcoolisées', name: /whisky|vodka|rum\b|^gin|spirit|cognac|brandy/i },
};
const COMPOSITIONS: Record<string, { parts: [table: 'desnz' | 'poore', key: string, share: number][]; why: string }> = {
  'office-furniture': {
    parts: [
      ['desnz', 'Metals', 0.5],
      ['desnz', 'average plastics', 0.3],
      ['desnz', 'Wood', 0.2],
    ],
    why: 'steel/aluminium frame, plastic and foam parts, wood or board top',
  },
  'upholstered-furniture': {
    parts: [
      ['desnz', 'Wood', 0.3],
      ['desnz', 'average plastics', 0.3],
      ['desnz', 'Clothing', 0.15],
      ['desnz', 'Metals', 0.25],
    ],
    why: 'wood frame, foam, textile cover, springs',
  },
  detergent: {
    parts: [
      ['desnz', 'Food and drink', 0.3],
      ['desnz', 'average plastics', 0.2],
    ],
    why: 'mostly water; surfactants (agro/petro-based) and a plastic bottle',
  },
  cosmetics: {
    parts: [
      ['desnz', 'Food and drink', 0.6],
      ['desnz', 'average plastic rigid', 0.4],
    ],
    why: 'oils and extracts, and rigid plastic or glass packaging',
  },
  'pet-food': {
    parts: [
      ['poore', 'Poultry Meat', 0.3],
      ['poore', 'Wheat & Rye', 0.5],
      ['poore', 'Maize', 0.2],
    ],
    why: 'dry food: meat by-products and cereals',
  },
};

function buildNamed(food: Food, materials: Materials) {
  const named: Record<string, { kgPerKg: number; how: string; src: string[]; assumption: boolean }> = {};
  for (const [key, selection] of Object.entries(AGRIBALYSE_SELECTIONS)) {
    const values = food.rows
      .filter(
        (row) =>
          (!selection.subgroup || row["Sous-groupe d'aliment"] === selection.subgroup) &&
          selection.name.test(row['LCI Name'] ?? ''),
      )
      .map((row) => num(row['Changement climatique']))
      .filter((value): value is number => value !== null)
      .sort((a, b) => a - b);
    if (!values.length) throw new Error(`no Agribalyse rows for ${key}`);
    named[key] = {
      kgPerKg: round(values[values.length >> 1]!, 3),
      how: `median of ${values.length} Agribalyse products matching ${selection.name}`,
      src: ['agribalyse-3.2'],
      assumption: false,
    };
  }
  for (const [key, { parts, why }] of Object.entries(COMPOSITIONS)) {
    let kgPerKg = 0;
    for (const [table, name, share] of parts) {
      const factor = table === 'desnz' ? materials.materials[name]?.kgPerKg : food.poore[name]?.kgPerKg;
      if (factor === undefined) throw new Error(`composition ${key}: no ${table} factor ${name}`);
      kgPerKg += share * factor;
    }
    named[key] = {
      kgPerKg: round(kgPerKg, 3),
      how: `composition (our assumption: ${why}): ${parts.map(([, name, share]) => `${share * 100}% ${name}`).join(', ')}`,
      src: [
        ...new Set(parts.map(([table]) => (table === 'desnz' ? 'desnz-2025' : 'poore-nemecek-2018'))),
        'carbon-ledger-assumption',
      ],
      assumption: true,
    };
  }
  return named;
}

/** DESNZ 2025 material use (kg CO2e per kg) and freight (kg CO2e per tonne-km). */
function buildMaterials() {
  const materials: Record<string, { kgPerKg: number; reusedKgPerKg: number | null; src: string }> = {};
  for (const row of readTable('uk_desnz_2025_conversion_factors/desnz_2025_material_use_and_waste.csv')) {
    if (row['Level 1'] !== 'Material use' || row.UOM !== 'tonnes') continue;
    const name = (row['Level 3'] ?? '').replace(/^(Plastics|Metal|Paper and board): /, '');
    const value = num(row['GHG Conversion Factor 2025']);
    if (value === null) continue;
    materials[name] ??= { kgPerKg: 0, reusedKgPerKg: null, src: 'desnz-2025' };
    if (row['Column Text'] === 'Primary material production') materials[name].kgPerKg = round(value / 1000);
    if (row['Column Text'] === 'Re-used') materials[name].reusedKgPerKg = round(value / 1000);
  }
  const wanted: Record<string, string> = {
    'Vans|Average (up to 3.5 tonnes)|Diesel': 'van-diesel',
    'Vans|Average (up to 3.5 tonnes)|Battery Electric Vehicle': 'van-electric',
    'HGV (all diesel)|All HGVs|Average laden': 'hgv',
    'Rail|Freight train|': 'rail',
    'Cargo ship|Container ship|Average': 'container-ship',
  };
  const freight: Record<string, { kgPerTonneKm: number; src: string }> = {};
  for (const row of readTable('uk_desnz_2025_conversion_factors/desnz_2025_freight_delivery.csv')) {
    if (row['Level 1'] !== 'Freighting goods' || row.UOM !== 'tonne.km') continue;
    const level4 = row['Level 4'] || row['Column Text'] || '';
    const key = wanted[`${row['Level 2']}|${(row['Level 3'] ?? '').trim()}|${level4.trim()}`];
    if (key) freight[key] = { kgPerTonneKm: Number(row['GHG Conversion Factor 2025']), src: 'desnz-2025' };
    if (
      row['Level 2'] === 'Freight flights' &&
      /long-haul/i.test(row['Level 3'] ?? '') &&
      /With RF/i.test(row['Column Text'] ?? '')
    )
      freight['air-long-haul'] ??= { kgPerTonneKm: Number(row['GHG Conversion Factor 2025']), src: 'desnz-2025' };
  }
  return { materials: Object.fromEntries(Object.entries(materials).filter(([, m]) => m.kgPerKg > 0)), freight };
}

/** Consumer products with published footprints (Carbon Catalogue sample). */
function buildPublished() {
  return readTable('products_carbon_catalogue/carbon-catalogue-sample.csv').map((row) => [
    row.id,
    row.product_name,
    row.brand,
    row.category_trail,
    num(row.weight_kg_if_known),
    Number(row.kg_co2e),
    row.functional_unit,
  ]);
}

const header = `// Generated by \`npm run factors\` from ../shared/reference. Do not edit by hand.\n`;
const write = (file: string, note: string, body: string) =>
  writeFileSync(join(out, file), `${header}// ${note}\n${body}`);
const json = (value: unknown) => JSON.stringify(value);

const eeio = buildEeio();
write(
  'eeio.ts',
  'kg CO2e per 2022 USD, purchaser price, with margins. Source: epa-supply-chain-v1.3.',
  `export const EEIO_KG_PER_USD2022: Record<string, { title: string; kgPerUsd2022: number; src: 'epa-supply-chain-v1.3' }> = ${JSON.stringify(eeio, null, 1)};\n`,
);
const fx = buildFx();
const cpi = buildCpi();
write(
  'money.ts',
  "Sources: 'fred-fx' (FRED/Fed H.10) first, 'ecb-fx' where FRED lacks a currency, 'usd-pegs' for currencies fixed to the dollar; 'bls-cpi-u' for the index.",
  `export const FX_SOURCES = ['fred-fx', 'ecb-fx', 'usd-pegs'] as const;\nexport const CPI_SOURCE = 'bls-cpi-u' as const;\n` +
    `export const FX_UNITS_PER_USD: Record<string, Record<string, number>> = ${json(fx)};\n` +
    `export const US_CPI_U: Record<string, number> = ${json(cpi)};\n`,
);
const grid = buildGrid();
write(
  'grid.ts',
  'Grid carbon intensity, g CO2e per kWh generated, latest year per country (ISO 3166 alpha-2; WORLD). Source: ember-2025.',
  `export const GRID_G_PER_KWH: Record<string, { gPerKwh: number; year: number; src: 'ember-2025' }> = ${json(grid)};\n`,
);
const devices = buildDevices();
write(
  'devices.ts',
  'Manufacturer product carbon footprints, kg CO2e per device, whole life as reported. Source: boavizta-2023; url = the report.',
  `export type DeviceRow = [brand: string, name: string, type: string, kgCO2e: number, screenInches: number | null, weightKg: number | null, reportYear: number | null, useShare: number | null, lifetimeYears: number | null, useLocation: string, url: string, errorRatio: number | null];\n` +
    `export const DEVICES_SOURCE = 'boavizta-2023' as const;\n` +
    `export const DEVICES: DeviceRow[] = [\n${devices.map((row) => json(row)).join(',\n')}\n];\n`,
);
write(
  'items.ts',
  'Typical items, kg CO2e per item (making), per year of use (French grid), end of life. Source: ademe-impactco2.',
  `export interface TypicalItem { kgMaking: number; kgUsePerYear: number; years: number; kgEndOfLife: number; src: 'ademe-impactco2'; url: string }\n` +
    `export const TYPICAL_ITEMS: Record<string, TypicalItem> = ${JSON.stringify(buildItems(), null, 1)};\n`,
);
const delivery = buildDelivery();
write(
  'delivery.ts',
  'kg CO2e per parcel by purchase mode and parcel weight (kg). Source: ademe-impactco2-delivery.',
  `export const DELIVERY_SOURCE = '${delivery.src}' as const;\nexport const PARCEL_KG_CO2E: Record<string, Record<string, number>> = ${json(delivery.parcels)};\n`,
);
const food = buildFood();
write(
  'food.ts',
  'Food, kg CO2e per kg of product. Sources: agribalyse-3.2 (sub-group medians, as sold in France), poore-nemecek-2018 (global means).',
  `export const AGRIBALYSE_KG_PER_KG: Record<string, { kgPerKg: number; n: number; src: 'agribalyse-3.2' }> = ${JSON.stringify(food.agribalyse, null, 1)};\n` +
    `export const POORE_NEMECEK_KG_PER_KG: Record<string, { kgPerKg: number; src: 'poore-nemecek-2018' }> = ${JSON.stringify(food.poore, null, 1)};\n`,
);
const materials = buildMaterials();
write(
  'materials.ts',
  'Material use (kg CO2e per kg, primary production; re-used where given) and freight (kg CO2e per tonne-km). Source: desnz-2025.',
  `export const MATERIAL_KG_PER_KG: Record<string, { kgPerKg: number; reusedKgPerKg: number | null; src: 'desnz-2025' }> = ${JSON.stringify(materials.materials, null, 1)};\n` +
    `export const FREIGHT_KG_PER_TONNE_KM: Record<string, { kgPerTonneKm: number; src: 'desnz-2025' }> = ${JSON.stringify(materials.freight, null, 1)};\n`,
);
write(
  'named.ts',
  'Per-kg factors derived from the tables: Agribalyse selections and compositions (shares are our assumption).',
  `export const NAMED_KG_PER_KG: Record<string, { kgPerKg: number; how: string; src: string[]; assumption: boolean }> = ${JSON.stringify(buildNamed(food, materials), null, 1)};\n`,
);
const published = buildPublished();
write(
  'published.ts',
  'Consumer products with the footprint their maker reported to CDP, kg CO2e per functional unit. Source: carbon-catalogue-2022.',
  `export type PublishedRow = [id: string, name: string, brand: string, trail: string, weightKg: number | null, kgCO2e: number, functionalUnit: string];\n` +
    `export const PUBLISHED_SOURCE = 'carbon-catalogue-2022' as const;\n` +
    `export const PUBLISHED: PublishedRow[] = [\n${published.map((row) => json(row)).join(',\n')}\n];\n`,
);
console.log(
  `factors: ${Object.keys(eeio).length} EEIO commodities, ${Object.keys(fx).length} currencies, ${Object.keys(grid).length} grids, ` +
    `${devices.length} devices, ${published.length} published products, ${Object.keys(food.agribalyse).length} food groups -> ${out}`,
);

// Calibration: the 80 % interval of log(published / estimated) per method tier, from 10-fold
// cross-validation over the published footprints just written (`calibrate` in
// shared/footprint/validation.ts: four passes, because the spreads also weight the combination).
const TIERS = [
  'published-same',
  'device-near',
  'device-blend',
  'device-regression',
  'device-other',
  'device-other-near',
  'published-brand',
  'published-brand-weighed',
  'per-kg',
  'per-kg-electric',
  'per-kg-food',
  'per-kg-typical-weight',
  'typical-item',
  'spend',
  'spend-unknown',
] as const;
type Spread = {
  q10: number;
  q90: number;
  n: number;
  note: string;
  assumed?: boolean;
  shift?: number;
  byType?: Record<string, { q10: number; q90: number; n: number }>;
};
const writeCalibration = (spreads: Record<string, Spread>) =>
  write(
    'calibration.ts',
    '80 % intervals of log(published / estimated) per method tier, from grouped 10-fold cross-validation (whole product lines, and separately whole makers, held out; residuals pooled; shrunk towards assumed spreads; assumed where too few samples).',
    `export type Tier = ${TIERS.map((t) => `'${t}'`).join(' | ')};\n` +
      'export interface Spread { q10: number; q90: number; n: number; note: string; assumed?: boolean; shift?: number; byType?: Record<string, { q10: number; q90: number; n: number }> }\n' +
      `export const CALIBRATION: Record<Tier, Spread> = ${JSON.stringify(spreads, null, 1)};\n`,
  );
// Written first so the estimator module always finds every tier, even when tiers were added.
writeCalibration(Object.fromEntries(TIERS.map((t) => [t, { q10: -1, q90: 1, n: 0, note: 'prior' }])));
const { calibrate, validationSamples } = await import('../shared/footprint/validation.ts');
const spreads = calibrate(validationSamples(), 10, 4);
writeCalibration(spreads);
console.log(`calibration: ${TIERS.map((t) => `${t} n=${spreads[t]!.n}`).join(', ')}`);
