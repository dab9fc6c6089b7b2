// Methods 1 and 2 for electronics: the published footprint of the same or a near product
// (brand, model line, generation, screen size, storage), and a regression over a device type's
// published footprints (screen size, year, brand) when no near product is known.

import type { DeviceRow } from './data/devices.ts';

export interface DeviceQuery {
  type: string;
  brand: string | null;
  title: string;
  screenInches: number | null;
  year: number | null;
}

export interface DevicePrediction {
  kgCO2e: number;
  /** Similarity of the nearest published product, 0–1. */
  similarity: number;
  /** The published products the figure rests on (at most 3), nearest first. */
  neighbours: { row: DeviceRow; similarity: number }[];
  /** Share of the whole-life footprint that is use phase, from the neighbours' reports. */
  useShare: number;
  lifetimeYears: number;
  useLocation: string;
  method: 'near-product' | 'regression' | 'blend';
  regressionKgCO2e: number;
}

const STOP = new Set(
  'the and with for of in inch inches gb tb ssd hdd cpu core display screen wifi wi fi 5g 4g lte new edition model series generation gen laptop notebook monitor desktop tablet phone smartphone printer computer pc'.split(
    ' ',
  ),
);

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

// Letters and numbers (`[\p{L}\p{N}]`) by UTF-16 code; characters outside the BMP are tested one by one.
const WORD_CHAR = new Uint8Array(65536);
for (let code = 0; code < 65536; code++) if (/[\p{L}\p{N}]/u.test(String.fromCharCode(code))) WORD_CHAR[code] = 1;
const WORD_CHAR_ASTRAL = /^[\p{L}\p{N}]$/u;

/** Name tokens, plus a model-family token for model numbers ("5420" → "54~", "542~"; "p2422h" → "p24~", "p242~"). */
export function nameTokens(text: string, brand: string | null): string[] {
  const brandWords = brand ? brand.toLowerCase().split(/\W+/) : null;
  const tokens: string[] = [];
  const add = (token: string) => {
    if (!tokens.includes(token)) tokens.push(token);
  };
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    let word = false;
    let width = 1;
    if (i < lower.length) {
      const code = lower.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < lower.length) {
        const next = lower.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          width = 2;
          word = WORD_CHAR_ASTRAL.test(lower.slice(i, i + 2));
        }
      } else word = WORD_CHAR[code] === 1;
    }
    if (word) {
      if (start < 0) start = i;
      i += width - 1;
      continue;
    }
    if (start < 0) continue;
    const raw = lower.slice(start, i);
    start = -1;
    if (STOP.has(raw) || (brandWords ? brandWords.includes(raw) : raw === '')) continue;
    add(raw);
    // Letters then at least three digits: a model number.
    let digitsAt = 0;
    while (digitsAt < raw.length && !isDigit(raw.charCodeAt(digitsAt))) digitsAt++;
    let digitsEnd = digitsAt;
    while (digitsEnd < raw.length && isDigit(raw.charCodeAt(digitsEnd))) digitsEnd++;
    if (digitsEnd - digitsAt >= 3) {
      add(`${raw.slice(0, digitsAt + 2)}~`);
      add(`${raw.slice(0, digitsAt + 3)}~`);
    }
  }
  return tokens;
}

interface Indexed {
  row: DeviceRow;
  brand: string;
  tokens: string[];
  norm: number;
  logKg: number;
}

interface TypeModel {
  rows: Indexed[];
  /** For each name token, the rows that have it, so a query only visits products sharing a word. */
  postings: Map<string, number[]>;
  /** Reused per query for dot products (one slot per row, left at zero between queries). */
  scratch: Float64Array;
  idf: Map<string, number>;
  /** log kg = b0 + b1 (screen − s̄) + b2 (year − ȳ), plus a shrunk brand offset. */
  b: [number, number, number];
  screenMean: number;
  yearMean: number;
  brandOffset: Map<string, number>;
  useShare: number;
  lifetimeYears: number;
}

/** Per-query scratch: the query's token weights and the rows it touches (predict is not re-entrant). */
const WEIGHTS: number[] = [];
const TOUCHED: number[] = [];
const TOP_ROW: number[] = [];
const TOP_SIMILARITY: number[] = [];
const SHARES: number[] = [];
const LIFETIMES: number[] = [];

const median = (values: number[]): number => {
  if (values.length === 1) return values[0]!;
  if (values.length === 2) return (values[0]! + values[1]!) / 2;
  if (values.length === 3) {
    const [a, b, c] = values as [number, number, number];
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Least squares for three coefficients (normal equations, solved by Cramer's rule). */
function fit3(xs: [number, number, number][], ys: number[]): [number, number, number] {
  const a = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const v = [0, 0, 0];
  xs.forEach((x, k) => {
    for (let i = 0; i < 3; i++) {
      v[i]! += x[i]! * ys[k]!;
      for (let j = 0; j < 3; j++) a[i]![j]! += x[i]! * x[j]!;
    }
  });
  // A little ridge on the slopes keeps thin types (few screens or years) stable.
  a[1]![1]! += 1;
  a[2]![2]! += 1;
  const det = (m: number[][]) =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
    m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
    m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const d = det(a);
  if (Math.abs(d) < 1e-9) return [median(ys), 0, 0];
  const solve = (col: number) => det(a.map((row, i) => row.map((value, j) => (j === col ? v[i]! : value))));
  return [solve(0) / d, solve(1) / d, solve(2) / d];
}

/** Tuning of the near-product weighting, fixed by cross-validation (see docs/methods.md). */
export const DEVICE_TUNING = { k: 3, power: 4, trustFrom: 0.2, trustSpan: 0.5, screenScale: 3, yearScale: 4 };

export class DeviceModel {
  private readonly types = new Map<string, TypeModel>();

  constructor(rows: readonly DeviceRow[]) {
    const byType = new Map<string, DeviceRow[]>();
    for (const row of rows) byType.set(row[2], [...(byType.get(row[2]) ?? []), row]);
    for (const [type, typeRows] of byType) this.types.set(type, this.build(typeRows));
  }

  has(type: string): boolean {
    return this.types.has(type);
  }

  /** Number of published footprints of a type: a handful (printers) calibrates nothing. */
  count(type: string): number {
    return this.types.get(type)?.rows.length ?? 0;
  }

  private build(rows: DeviceRow[]): TypeModel {
    const documentFrequency = new Map<string, number>();
    const tokenized = rows.map((row) => {
      const tokens = nameTokens(row[1], row[0]);
      for (const token of tokens) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
      return tokens;
    });
    const idf = new Map<string, number>();
    for (const [token, count] of documentFrequency) idf.set(token, Math.log(1 + rows.length / count));
    const indexed: Indexed[] = rows.map((row, i) => {
      const tokens = tokenized[i]!;
      return {
        row,
        brand: row[0].toLowerCase(),
        tokens,
        norm: tokens.reduce((sum, t) => sum + (idf.get(t) ?? 0), 0) || 1,
        logKg: Math.log(row[3]),
      };
    });
    const postings = new Map<string, number[]>();
    indexed.forEach((r, i) => {
      for (const token of r.tokens) {
        const list = postings.get(token);
        if (list) list.push(i);
        else postings.set(token, [i]);
      }
    });
    const screens = rows.map((r) => r[4]).filter((s): s is number => s !== null);
    const years = rows.map((r) => r[6]).filter((y): y is number => y !== null);
    const screenMean = screens.length ? screens.reduce((a, b) => a + b, 0) / screens.length : 0;
    const yearMean = years.length ? years.reduce((a, b) => a + b, 0) / years.length : 2020;
    const xs = rows.map((r): [number, number, number] => [
      1,
      (r[4] ?? screenMean) - screenMean,
      (r[6] ?? yearMean) - yearMean,
    ]);
    const ys = indexed.map((r) => r.logKg);
    const b = fit3(xs, ys);
    const residualsByBrand = new Map<string, number[]>();
    indexed.forEach((r, i) => {
      const x = xs[i]!;
      const residual = r.logKg - (b[0] + b[1] * x[1] + b[2] * x[2]);
      residualsByBrand.set(r.brand, [...(residualsByBrand.get(r.brand) ?? []), residual]);
    });
    const brandOffset = new Map<string, number>();
    // Shrink brand offsets towards zero: a brand with 2 reports should barely move the estimate.
    for (const [brand, residuals] of residualsByBrand)
      brandOffset.set(
        brand,
        (residuals.reduce((a, c) => a + c, 0) / residuals.length) * (residuals.length / (residuals.length + 5)),
      );
    const useShares = rows.map((r) => r[7]).filter((u): u is number => u !== null && u >= 0 && u < 1);
    const lifetimes = rows.map((r) => r[8]).filter((l): l is number => l !== null && l > 0);
    return {
      rows: indexed,
      postings,
      scratch: new Float64Array(indexed.length),
      idf,
      b,
      screenMean,
      yearMean,
      brandOffset,
      useShare: useShares.length ? median(useShares) : 0.3,
      lifetimeYears: lifetimes.length ? median(lifetimes) : 4,
    };
  }

  predict(query: DeviceQuery): DevicePrediction | null {
    const model = this.types.get(query.type);
    if (!model) return null;
    const brand = (query.brand ?? '').toLowerCase();
    const tokens = nameTokens(query.title, query.brand);
    const weights = WEIGHTS;
    let norm = 0;
    for (let t = 0; t < tokens.length; t++) {
      weights[t] = model.idf.get(tokens[t]!) ?? 0;
      norm += weights[t]!;
    }
    norm ||= 1;

    const regressionLog =
      model.b[0] +
      model.b[1] * ((query.screenInches ?? model.screenMean) - model.screenMean) +
      model.b[2] * ((query.year ?? model.yearMean) - model.yearMean) +
      (model.brandOffset.get(brand) ?? 0);

    // Keep the three most similar published products (row indexes and similarities, most similar first).
    const topRow = TOP_ROW;
    const topSimilarity = TOP_SIMILARITY;
    let topCount = 0;
    const k = DEVICE_TUNING.k;
    // Accumulate dot products only for products that share a word with the query.
    const dots = model.scratch;
    const touched = TOUCHED;
    let touchedCount = 0;
    for (let t = 0; t < tokens.length; t++) {
      const weight = weights[t]!;
      if (!(weight > 0)) continue;
      const rows: number[] | undefined = model.postings.get(tokens[t]!);
      if (!rows) continue;
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r]!;
        if (dots[i] === 0) touched[touchedCount++] = i;
        dots[i]! += weight;
      }
    }
    const screenInches = query.screenInches;
    const queryYear = query.year;
    for (let t = 0; t < touchedCount; t++) {
      const i = touched[t]!;
      const dot = dots[i]!;
      dots[i] = 0;
      const indexed = model.rows[i]!;
      // How much of the query's known name the product explains, discounted by what it adds.
      let similarity = (dot / norm) * (0.5 + (0.5 * dot) / indexed.norm);
      // Penalties only lower it: skip the rest as soon as it cannot enter the top k.
      if (topCount === k && similarity <= topSimilarity[k - 1]!) continue;
      if (brand && indexed.brand !== brand && !brand.includes(indexed.brand)) {
        similarity *= 0.5;
        if (topCount === k && similarity <= topSimilarity[k - 1]!) continue;
      }
      const screen = indexed.row[4];
      if (screenInches !== null && screen !== null) {
        similarity *= Math.exp(-Math.abs(screenInches - screen) / DEVICE_TUNING.screenScale);
        if (topCount === k && similarity <= topSimilarity[k - 1]!) continue;
      }
      const year = indexed.row[6];
      if (queryYear !== null && year !== null)
        similarity *= Math.exp(-Math.abs(queryYear - year) / DEVICE_TUNING.yearScale);
      if (topCount < k || similarity > topSimilarity[topCount - 1]!) {
        // Insert after the ones at least as similar (the first one found keeps its place on a tie).
        let at = topCount < k ? topCount : k - 1;
        while (at > 0 && topSimilarity[at - 1]! < similarity) {
          topRow[at] = topRow[at - 1]!;
          topSimilarity[at] = topSimilarity[at - 1]!;
          at--;
        }
        topRow[at] = i;
        topSimilarity[at] = similarity;
        if (topCount < k) topCount++;
      }
    }
    const neighbours: DevicePrediction['neighbours'] = [];
    for (let t = 0; t < topCount; t++)
      neighbours.push({ row: model.rows[topRow[t]!]!.row, similarity: topSimilarity[t]! });
    const best = topCount ? topSimilarity[0]! : 0;
    let logKg = regressionLog;
    let method: DevicePrediction['method'] = 'regression';
    if (topCount) {
      let sumW = 0;
      let sumLog = 0;
      for (let t = 0; t < topCount; t++) {
        const w = topSimilarity[t]! ** DEVICE_TUNING.power;
        sumW += w;
        sumLog += w * model.rows[topRow[t]!]!.logKg;
      }
      const nearLog = sumLog / sumW;
      // Trust the near products in proportion to how near they are; the regression fills in.
      const trust = Math.min(1, Math.max(0, (best - DEVICE_TUNING.trustFrom) / DEVICE_TUNING.trustSpan));
      logKg = trust * nearLog + (1 - trust) * regressionLog;
      method = trust >= 1 ? 'near-product' : trust > 0 ? 'blend' : 'regression';
    }
    let useShare = model.useShare;
    let lifetimeYears = model.lifetimeYears;
    if (method !== 'regression') {
      const useShares = SHARES;
      const lifetimes = LIFETIMES;
      useShares.length = 0;
      lifetimes.length = 0;
      for (const { row } of neighbours) {
        const u = row[7];
        if (u !== null && u >= 0 && u < 1) useShares.push(u);
        const l = row[8];
        if (l !== null && l > 0) lifetimes.push(l);
      }
      if (useShares.length) useShare = median(useShares);
      if (lifetimes.length) lifetimeYears = median(lifetimes);
    }
    return {
      kgCO2e: Math.exp(logKg),
      similarity: best,
      neighbours,
      useShare,
      lifetimeYears,
      useLocation: (method !== 'regression' && neighbours[0]?.row[9]) || 'WW',
      method,
      regressionKgCO2e: Math.exp(regressionLog),
    };
  }
}
