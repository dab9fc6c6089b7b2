// Method 5: use-phase electricity, kWh per year × years × grid intensity of the shop's country.

import { GRID_G_PER_KWH } from './data/grid.ts';
import { TYPICAL_ITEMS } from './data/items.ts';

/**
 * ADEME's yearly use figures assume the French consumption mix. We turn them back into kWh with
 * this intensity (our assumption, close to ADEME Base Empreinte's French average mix; Ember's
 * generation-only figure for France is lower, 44 g/kWh, because it leaves out imports and upstream).
 */
export const ADEME_FRENCH_MIX_KG_PER_KWH = 0.052;

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
}

/** Use phase of a typical ADEME item in a country, or null when the item uses no electricity. */
export function itemUsePhase(itemSlug: string, country: string | null | undefined): UsePhase | null {
  const item = TYPICAL_ITEMS[itemSlug];
  if (!item || !(item.kgUsePerYear > 0) || !(item.years > 0)) return null;
  const kwhPerYear = item.kgUsePerYear / ADEME_FRENCH_MIX_KG_PER_KWH;
  const grid = gridFor(country);
  return { kwhPerYear, years: item.years, kgCO2e: kwhPerYear * item.years * grid.kgPerKwh, grid };
}
