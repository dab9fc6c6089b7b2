// The data the sector model learns from and is measured on: CaML's Amazon titles with expert NAICS
// labels (split once, grouped by brand, into a training part and a held-out part), the EPA factors
// of each sector, and the NAICS 2007/2012 → 2017 concordance CaML's labels need.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../shared/csv.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REFERENCE = resolve(process.env.CARBON_LEDGER_REFERENCE ?? join(root, '..', 'shared', 'reference'));
export const CAML_FILE = 'product_titles_caml/amazon_titles_expert_naics.dev.csv';
export const EPA_FILE = 'eeio_us_epa/SupplyChainGHGEmissionFactors_v1.3.0_NAICS_CO2e_USD2022.csv';

/**
 * CaML's annotators used 2007 NAICS codes; the EPA factors are by 2017 NAICS. Codes that were
 * merged or renumbered (U.S. Census Bureau, NAICS concordances 2007→2012 and 2012→2017,
 * https://www.census.gov/naics/?68967) map onto their 2017 code here; any other code missing from
 * the EPA table falls back to the EPA code sharing its longest prefix (at least four digits).
 */
export const NAICS_2017: Record<string, string> = {
  '311222': '311224', // soybean processing → soybean and other oilseed processing
  '311223': '311224',
  '311311': '311314', // sugarcane mills → cane sugar manufacturing
  '311312': '311314', // cane sugar refining
  '311320': '311351', // chocolate and confectionery from cacao beans
  '311330': '311352', // confectionery from purchased chocolate
  '311711': '311710', // seafood canning → seafood product preparation and packaging
  '311712': '311710', // fresh and frozen seafood processing
  '311822': '311824', // flour mixes and dough from purchased flour
  '311823': '311824', // dry pasta
  '312229': '312230', // other tobacco products → tobacco manufacturing
  '314129': '314120', // other household textile products → curtain and linen mills
  '314911': '314910',
  '315111': '315110',
  '315119': '315110',
  '315191': '315190',
  '315192': '315190',
  '315211': '315210',
  '315212': '315210',
  '315228': '315220',
  '315231': '315240',
  '315232': '315240',
  '315233': '315240',
  '315234': '315240',
  '315239': '315240',
  '315291': '315240',
  '315299': '315280',
  '316211': '316210',
  '316212': '316210',
  '316213': '316210',
  '316214': '316210',
  '316219': '316210',
  '316991': '316998',
  '316993': '316998',
  '316999': '316998',
  '322214': '322219',
  '322215': '322219',
  '322222': '322220',
  '322223': '322220',
  '322224': '322220',
  '322225': '322220',
  '322226': '322220',
  '325132': '325130',
  '325181': '325180',
  '325182': '325180',
  '325188': '325180',
  '325191': '325194',
  '327111': '327110',
  '327112': '327110',
  '327113': '327110',
  '327124': '327120',
  '332211': '332215',
  '332212': '332216',
  '332213': '332216',
  '332214': '332215',
  '333294': '333241', // food product machinery
  '333319': '333318',
  '333411': '333413',
  '333412': '333413',
  '333518': '333519',
  '334119': '334118',
  '335211': '335210', // electric housewares and household fans → small electrical appliances
  '335212': '335210', // household vacuum cleaners
  '335221': '335220',
  '335222': '335220',
  '335224': '335220',
  '335228': '335220',
  '339911': '339910',
  '339912': '339910',
  '339913': '339910',
  '339914': '339910',
  '339931': '339930',
  '339932': '339930',
  '339941': '339940',
  '339942': '339940',
  '339943': '339940',
  '339944': '339940',
};

export interface EpaFactor {
  title: string;
  kgPerUsd2022: number;
}

let epa: Map<string, EpaFactor> | null = null;

/** Every 2017 NAICS commodity of the EPA table with its factor (with margins, purchaser price). */
export function epaFactors(): Map<string, EpaFactor> {
  if (epa) return epa;
  epa = new Map();
  for (const row of parseCsv(readFileSync(join(REFERENCE, EPA_FILE), 'utf8'))) {
    const code = row['2017 NAICS Code'] ?? '';
    if (!/^\d{6}$/.test(code)) continue;
    epa.set(code, {
      title: row['2017 NAICS Title'] ?? code,
      kgPerUsd2022: Number(row['Supply Chain Emission Factors with Margins']),
    });
  }
  return epa;
}

/** A CaML code as the 2017 NAICS commodity the EPA table has, or null for "no match" (≤ 0). */
export function toNaics2017(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return null;
  const table = epaFactors();
  const mapped = NAICS_2017[code] ?? code;
  if (table.has(mapped)) return mapped;
  for (let digits = 5; digits >= 4; digits--) {
    const prefix = mapped.slice(0, digits);
    for (const known of table.keys()) if (known.startsWith(prefix)) return known;
  }
  return null;
}

export interface LabelledTitle {
  asin: string;
  title: string;
  /** The data set's label (annotators' majority), as a 2017 NAICS code. */
  naics: string;
  /** Each annotator's code that names a sector, as 2017 NAICS codes. */
  votes: string[];
  /** What near-duplicates share: the title's first word (the brand, mostly). */
  group: string;
}

/** The product-line key titles are grouped by: the first word, letters and digits only. */
export const groupKey = (title: string): string =>
  (title.trim().split(/\s+/)[0] ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Held out when sha256("cl-sector-split|" + group) falls in the first quarter: whole brands fall on
 * one side, so a brand's other titles cannot teach the model what it is measured on.
 */
export const isHeldOut = (group: string): boolean =>
  createHash('sha256').update(`cl-sector-split|${group}`).digest().readUInt32BE(0) % 4 === 0;

let caml: readonly LabelledTitle[] | null = null;

/** The CaML titles with a sector label, read once per process (the scoring script asks twice). */
export function camlTitles(): readonly LabelledTitle[] {
  if (caml) return caml;
  const rows = parseCsv(readFileSync(join(REFERENCE, CAML_FILE), 'utf8'));
  const titles: LabelledTitle[] = [];
  for (const row of rows) {
    const naics = toNaics2017(row.naics_expert ?? '');
    const title = (row.title ?? '').trim();
    if (!naics || !title) continue;
    const votes = (row.annotator_codes ?? '')
      .split(/\s+/)
      .map(toNaics2017)
      .filter((code): code is string => code !== null);
    titles.push({ asin: row.product_code ?? '', title, naics, votes, group: groupKey(title) });
  }
  caml = titles;
  return titles;
}

export function camlSplit(): { train: LabelledTitle[]; heldOut: LabelledTitle[] } {
  const train: LabelledTitle[] = [];
  const heldOut: LabelledTitle[] = [];
  for (const title of camlTitles()) (isHeldOut(title.group) ? heldOut : train).push(title);
  return { train, heldOut };
}
