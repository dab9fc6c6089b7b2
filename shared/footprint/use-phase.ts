// Method 5: use-phase electricity as people use things: kWh a year (duty cycle and standby, from
// data/use.ts) × the years we count × the grid intensity of the shop's (or shopper's) country.

import { GRID_G_PER_KWH } from './data/grid.ts';
import { USE_BY_CATEGORY, type UseRow } from './data/use.ts';
import { SOURCES, type Source } from './sources.ts';

/** Boavizta's use locations mapped to a grid in our table. */
const USE_LOCATION_GRID: Record<string, string> = {
  WW: 'WORLD',
  Worldwide: 'WORLD',
  EU: 'DE',
  Europe: 'DE',
  US: 'US',
  'North America': 'US',
  USA: 'US',
  FR: 'FR',
  DE: 'DE',
  CN: 'CN',
  JP: 'JP',
  GB: 'GB',
  UK: 'GB',
};

export interface Grid {
  key: string;
  kgPerKwh: number;
  year: number;
}

/** Grid intensity for a country code, or the world average when we have none for it. */
export function gridFor(country: string | null | undefined): Grid {
  const key = (country ?? '').toUpperCase();
  let grid = GRIDS.get(key);
  if (!grid) {
    const row = GRID_G_PER_KWH[key === 'UK' ? 'GB' : key] ?? GRID_G_PER_KWH.WORLD!;
    grid = Object.freeze({ key: GRID_G_PER_KWH[key] ? key : 'WORLD', kgPerKwh: row.gPerKwh / 1000, year: row.year });
    if (GRIDS.size < 512) GRIDS.set(key, grid);
  }
  return grid;
}
/** Grids by country key, built once from the table (shared and frozen). */
const GRIDS = new Map<string, Grid>();

/** The grid a manufacturer report assumed for its use phase. */
export const gridOfUseLocation = (location: string): Grid => gridFor(USE_LOCATION_GRID[location] ?? 'WORLD');

export interface UsePhase {
  kwhPerYear: number;
  years: number;
  kgCO2e: number;
  grid: Grid;
  /** How the yearly energy was reached, in words, and its sources. */
  basis: string;
  sources: Source[];
  /** The rated power read from the title and used for the yearly energy, or null. */
  watts: number | null;
}

// "2000W", "2 kW", "2.000 Watt", "1500-Watt": a rated power in the title.
const POWER = /(\d+(?:[.,]\d+)?)\s*-?\s*(kw|w|watts?)(?![a-z])/i;

/** The rated power named in a title, in watts, or null. */
export function wattsInTitle(title: string): number | null {
  const match = POWER.exec(title);
  if (!match?.[1] || !match[2]) return null;
  const raw = match[1];
  // "2.000 W" is two thousand watts (German thousands separator); "1,5 kW" is one and a half.
  const number = /^\d{1,2}[.,]\d{3}$/.test(raw) ? Number(raw.replace(/[.,]/, '')) : Number(raw.replace(',', '.'));
  const watts = match[2].toLowerCase() === 'kw' ? number * 1000 : number;
  return watts >= 1 && watts <= 4000 ? watts : null;
}

const USE_PHASES = new Map<string, { row: UseRow; sources: Source[] }>();

/**
 * Electricity over the product's life as people use it, on the grid of the country given (the
 * world average when unknown), for kinds with a use row; null for the others.
 */
export function usePhaseFor(categoryId: string, country: string | null | undefined, title = ''): UsePhase | null {
  let entry = USE_PHASES.get(categoryId);
  if (!entry) {
    const row = Object.hasOwn(USE_BY_CATEGORY, categoryId) ? USE_BY_CATEGORY[categoryId] : undefined;
    if (!row) return null;
    entry = { row, sources: [...row.src.map((id) => SOURCES[id]), SOURCES['ember-2025']] };
    USE_PHASES.set(categoryId, entry);
  }
  const { row, sources } = entry;
  const watts = row.fullLoadHoursPerYear ? wattsInTitle(title) : null;
  const kwhPerYear =
    watts !== null && row.fullLoadHoursPerYear ? (watts / 1000) * row.fullLoadHoursPerYear : row.kwhPerYear;
  const grid = gridFor(country);
  return {
    kwhPerYear,
    years: row.years,
    kgCO2e: kwhPerYear * row.years * grid.kgPerKwh,
    grid,
    basis:
      watts !== null
        ? `${watts} W from the title × ${row.fullLoadHoursPerYear} full-power hours a year (${row.basis})`
        : row.basis,
    sources,
    watts,
  };
}

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

/** "the grid of Germany", "the world-average grid": for steps in words. */
export function gridInWords(grid: Grid): string {
  if (grid.key === 'WORLD') return 'the world-average grid';
  let name: string | undefined;
  try {
    name = REGION_NAMES.of(grid.key);
  } catch {
    name = undefined;
  }
  return `the grid of ${name ?? grid.key}`;
}

/**
 * The country a browser's languages point to ("de-DE" → DE, "en-GB" → GB), for the grid when the
 * shop's own country is unknown; null when no language names a region.
 */
export function countryOfLanguages(languages: readonly string[]): string | null {
  for (const language of languages) {
    const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(language)?.[1];
    if (region) return region.toUpperCase();
  }
  return null;
}
