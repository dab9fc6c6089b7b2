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
  /** The device's weight from the page, when it gives one. */
  weightKg?: number | null;
}

export interface DevicePrediction {
  kgCO2e: number;
  /**
   * The published footprint of this very product (same maker, every model word of the report in the
   * name, no variant word such as "Pro" or "Max" left over), when one is known: it is the estimate.
   */
  same: SameProduct | null;
  /** How the near products were moved for the generation or year between them and the query. */
  generation: { yearsNewer: number; logPerYear: number; how: string } | null;
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

export interface SameProduct {
  /** The reports of this model (several configurations when the name does not pick one). */
  rows: DeviceRow[];
  kgCO2e: number;
  /**
   * The maker's stated relative error (Boavizta gwp_error_ratio, read as one standard deviation), or
   * null when the report gives none; with several configurations, at least their spread.
   */
  errorRatio: number | null;
}

const LINE_STOP = new Set(['inch', 'in', 'new', 'the', 'with', 'and', 'gen', 'ml', 'oz', 'kg', 'g', 'x']);

/**
 * The product-line word of a name: its first word of letters after the brand ("Latitude 5420" →
 * latitude, "13-inch MacBook Air" → macbook, "iPhone 15" → iphone), or the letters of a model code
 * ("P2418HZ" → p), or a model number of three or more digits ("Levi's 505" → 505).
 */
export function productLine(name: string, brand: string | null): string {
  const brandWords = new Set((brand ?? '').toLowerCase().split(/[^a-z0-9]+/));
  for (const word of name.toLowerCase().split(/[^a-z0-9]+/)) {
    if (!word || brandWords.has(word) || LINE_STOP.has(word)) continue;
    if (/^\d+$/.test(word)) {
      // A bare number is a line only when it is a model number ("501"), not a size ("13"-inch).
      if (word.length >= 3) return word;
      continue;
    }
    return /^[a-z]+/.exec(word)?.[0] ?? word;
  }
  return '';
}

/**
 * The generation number of a name within its line: the first one- or two-digit number after the
 * line word ("iPhone 15" → 15, "Surface Pro 7+" → 7, "Pixel 7" → 7) or a G-number ("EliteBook 840
 * G8" → 8). Null when there is none.
 */
export function generationOf(name: string, brand: string | null): number | null {
  const line = productLine(name, brand);
  if (!line) return null;
  const words = name.toLowerCase().split(/[^a-z0-9]+/);
  let after = false;
  for (const word of words) {
    if (!after) {
      if (word.startsWith(line)) after = true;
      continue;
    }
    if (/^\d{1,2}$/.test(word)) return Number(word);
    const g = /^g(\d{1,2})$/.exec(word);
    if (g) return Number(g[1]);
  }
  return null;
}

/** Words that make another model of the same line: a report without them is not this product. */
const VARIANT = new Set(['pro', 'max', 'plus', 'mini', 'ultra', 'lite', 'air', 'se', 'xl', 'fold', 'flip', 'slim']);
/** Numbers with a unit in a title: a resolution, a frequency, a battery, a length. */
const UNIT = /^\d+(?:p|k|hz|mah|wh|w|mp|mm|cm|m|in|v)$/;
/** Storage and memory sizes pick a configuration of a model, not another model. */
const isConfig = (token: string): boolean => /^\d+(?:gb|tb)$/.test(token);

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
  /** Number of its tokens that name the model (not a storage size). */
  modelCount: number;
  line: string;
  generation: number | null;
}

interface TypeModel {
  rows: Indexed[];
  /** For each name token, the rows that have it, so a query only visits products sharing a word. */
  postings: Map<string, number[]>;
  /** Reused per query for dot products (one slot per row, left at zero between queries). */
  scratch: Float64Array;
  idf: Map<string, number>;
  /** log kg = b0 + b1 (screen − s̄) + b2 (year − ȳ) + b3 (log weight − mean), plus a shrunk brand offset. */
  b: number[];
  screenMean: number;
  screenMin: number;
  screenMax: number;
  /** Mean and range of log weight of the reports that give one (the regression's weight term). */
  logWeightMean: number;
  logWeightMin: number;
  logWeightMax: number;
  yearMean: number;
  brandOffset: Map<string, number>;
  useShare: number;
  lifetimeYears: number;
  /** Per-row count of the query's model tokens it has (scratch, like `scratch`). */
  matched: Uint16Array;
  /** Change of log kg CO2e per year within a product line (newer generations are lower). */
  logPerYear: number;
  /** Years between generations of each line, from its reports (1 when they do not say). */
  yearsPerGeneration: Map<string, number>;
  /** Similarity from which a near product counts (DEVICE_TUNING.trustFrom, or the type's own). */
  trustFrom: number;
}

/** Per-query scratch: the query's token weights and the rows it touches (predict is not re-entrant). */
const WEIGHTS: number[] = [];
const TOUCHED: number[] = [];
const TOP_ROW: number[] = [];
const TOP_SIMILARITY: number[] = [];
const SHARES: number[] = [];
const SAME: number[] = [];
/** The trend moves a near product by at most this many years. */
const MAX_TREND_YEARS = 6;

/**
 * The same product among the candidate reports: the most specific ones (most model words), those
 * of the query's storage size when the query names one, their median figure.
 */
function sameProduct(model: TypeModel, candidates: number[], count: number, tokens: string[]): SameProduct {
  let most = 0;
  for (let c = 0; c < count; c++) most = Math.max(most, model.rows[candidates[c]!]!.modelCount);
  let rows = [] as Indexed[];
  for (let c = 0; c < count; c++) {
    const r = model.rows[candidates[c]!]!;
    if (r.modelCount === most) rows.push(r);
  }
  const configs = tokens.filter(isConfig);
  if (configs.length) {
    const sameConfig = rows.filter((r) => configs.some((t) => r.tokens.includes(t)));
    if (sameConfig.length) rows = sameConfig;
  }
  const errors = rows.map((r) => r.row[11]).filter((e): e is number => e !== null && e > 0);
  return {
    rows: rows.map((r) => r.row),
    kgCO2e: median(rows.map((r) => r.row[3])),
    errorRatio: errors.length ? median(errors) : null,
  };
}
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

/**
 * Least squares for an intercept and slopes (normal equations, Gaussian elimination with partial
 * pivoting), with a little ridge on the slopes, which keeps thin types (few screens, years or
 * weights) stable.
 */
function fitLinear(xs: number[][], ys: number[]): number[] {
  const d = xs[0]?.length ?? 1;
  const a = Array.from({ length: d }, () => new Array<number>(d + 1).fill(0));
  xs.forEach((x, k) => {
    for (let i = 0; i < d; i++) {
      a[i]![d]! += x[i]! * ys[k]!;
      for (let j = 0; j < d; j++) a[i]![j]! += x[i]! * x[j]!;
    }
  });
  for (let i = 1; i < d; i++) a[i]![i]! += 1;
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let r = col + 1; r < d; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-9) return [median(ys), ...new Array<number>(d - 1).fill(0)];
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < d; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c <= d; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  return a.map((row, i) => row[d]! / row[i]!);
}

/**
 * Footprint trend over the years within a product line, screen size and storage (fixed effects:
 * each group is centred on its own means, so a type whose recent reports are mostly large
 * screens does not read as "newer is heavier"), shrunk towards no trend as if there were
 * TREND_PRIOR_YEARS² of evidence for it, and the years between a line's generation numbers.
 */
function generationTrend(rows: Indexed[]): { logPerYear: number; yearsPerGeneration: Map<string, number> } {
  const groups = new Map<string, Indexed[]>();
  for (const r of rows) {
    if (r.row[6] === null) continue;
    // Same line, screen size, storage and variant: a 1 TB iPhone Pro of 2021 is not a trend.
    const key = `${r.line}:${r.row[4] === null ? '' : Math.round(r.row[4])}:${r.tokens.filter((t) => isConfig(t) || VARIANT.has(t)).join(',')}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  let sxy = 0;
  let sxx = 0;
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const meanYear = members.reduce((a, r) => a + r.row[6]!, 0) / members.length;
    const meanLog = members.reduce((a, r) => a + r.logKg, 0) / members.length;
    for (const r of members) {
      sxy += (r.row[6]! - meanYear) * (r.logKg - meanLog);
      sxx += (r.row[6]! - meanYear) ** 2;
    }
  }
  const logPerYear = sxy / (sxx + TREND_PRIOR_YEARS ** 2);
  const byLine = new Map<string, [number, number][]>();
  for (const r of rows)
    if (r.generation !== null && r.row[6] !== null) {
      const list = byLine.get(r.line);
      if (list) list.push([r.generation, r.row[6]]);
      else byLine.set(r.line, [[r.generation, r.row[6]]]);
    }
  const yearsPerGeneration = new Map<string, number>();
  for (const [line, points] of byLine) {
    const mg = points.reduce((a, p) => a + p[0], 0) / points.length;
    const my = points.reduce((a, p) => a + p[1], 0) / points.length;
    let gy = 0;
    let gg = 0;
    for (const [g, y] of points) {
      gy += (g - mg) * (y - my);
      gg += (g - mg) ** 2;
    }
    // A line whose generation numbers do not move with the years (sizes read as numbers) gets 1.
    const slope = gg > 0 ? gy / gg : 1;
    yearsPerGeneration.set(line, slope >= 0.5 && slope <= 3 ? slope : 1);
  }
  return { logPerYear, yearsPerGeneration };
}

/** How many years of within-line evidence the trend needs to count fully (shrinkage, log units). */
const TREND_PRIOR_YEARS = 3;

/** Tuning of the near-product weighting, fixed by cross-validation (see docs/methods.md). */
const DEVICE_TUNING = {
  k: 3,
  power: 4,
  trustFrom: 0.2,
  trustSpan: 0.5,
  screenScale: 3,
  yearScale: 4,
  weightScale: 1,
  /**
   * Where a type's regression is surer than its near products, or less sure, the similarity from
   * which a near product counts moves: monitors are told apart by their screen size, which the
   * regression reads (near products count from 0.3); phones differ by generation and storage,
   * which it does not (from 0.1). Chosen on the grouped cross-validation, lines held out (0.1–0.4),
   * and checked with makers held out (see docs/methods.md).
   */
  trustFromByType: { monitor: 0.3, phone: 0.1 } as Readonly<Record<string, number>>,
};

export class DeviceModel {
  private readonly types = new Map<string, TypeModel>();

  constructor(rows: readonly DeviceRow[]) {
    const byType = new Map<string, DeviceRow[]>();
    for (const row of rows) byType.set(row[2], [...(byType.get(row[2]) ?? []), row]);
    for (const [type, typeRows] of byType) this.types.set(type, this.build(typeRows, type));
  }

  has(type: string): boolean {
    return this.types.has(type);
  }

  /** Number of published footprints of a type: a handful (printers) calibrates nothing. */
  count(type: string): number {
    return this.types.get(type)?.rows.length ?? 0;
  }

  /** Whether a maker has reports of this type (its offset in the type's regression). */
  hasBrand(type: string, brand: string): boolean {
    return this.types.get(type)?.brandOffset.has(brand.toLowerCase()) ?? false;
  }

  private build(rows: DeviceRow[], type: string): TypeModel {
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
        modelCount: tokens.filter((t) => !isConfig(t)).length,
        line: `${row[0].toLowerCase()}:${productLine(row[1], row[0])}`,
        generation: generationOf(row[1], row[0]),
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
    const screenMin = screens.length ? Math.min(...screens) : 0;
    const screenMax = screens.length ? Math.max(...screens) : 0;
    const yearMean = years.length ? years.reduce((a, b) => a + b, 0) / years.length : 2020;
    const logWeights = rows
      .map((r) => r[5])
      .filter((w): w is number => w !== null && w > 0)
      .map(Math.log);
    const logWeightMean = logWeights.length ? logWeights.reduce((a, b) => a + b, 0) / logWeights.length : 0;
    const logWeightMin = logWeights.length ? Math.min(...logWeights) : 0;
    const logWeightMax = logWeights.length ? Math.max(...logWeights) : 0;
    const xs = rows.map((r): number[] => [
      1,
      (r[4] ?? screenMean) - screenMean,
      (r[6] ?? yearMean) - yearMean,
      r[5] !== null && r[5] > 0 ? Math.log(r[5]) - logWeightMean : 0,
    ]);
    const ys = indexed.map((r) => r.logKg);
    const b = fitLinear(xs, ys);
    const residualsByBrand = new Map<string, number[]>();
    indexed.forEach((r, i) => {
      const x = xs[i]!;
      const residual = r.logKg - (b[0]! + b[1]! * x[1]! + b[2]! * x[2]! + b[3]! * x[3]!);
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
      screenMin,
      screenMax,
      logWeightMean,
      logWeightMin,
      logWeightMax,
      yearMean,
      brandOffset,
      useShare: useShares.length ? median(useShares) : 0.3,
      lifetimeYears: lifetimes.length ? median(lifetimes) : 4,
      matched: new Uint16Array(indexed.length),
      ...generationTrend(indexed),
      trustFrom: DEVICE_TUNING.trustFromByType[type] ?? DEVICE_TUNING.trustFrom,
    };
  }

  /** Whether a report whose model words are all in the query names the query's own model. */
  private sameModel(row: Indexed, query: DeviceQuery, tokens: string[], brand: string): boolean {
    if (!brand || (row.brand !== brand && !brand.includes(row.brand))) return false;
    // One generic word ("Chromebook") does not name a model; a number or two words do.
    if (row.modelCount < 2 && !/\d/.test(row.tokens.join(''))) return false;
    const year = row.row[6];
    if (query.year !== null && year !== null && Math.abs(query.year - year) > 1) return false;
    const screen = row.row[4];
    if (query.screenInches !== null && screen !== null && Math.abs(query.screenInches - screen) > 0.5) return false;
    for (const token of tokens) {
      if (row.tokens.includes(token) || isConfig(token)) continue;
      // A variant word ("Pro", "Max") or a model number the report lacks ("14a", "G10"): another
      // model. Years, the screen size and units ("1080p", "60hz") are not model numbers.
      if (VARIANT.has(token)) return false;
      if (/\d/.test(token) && !/^20\d\d$/.test(token) && !UNIT.test(token)) {
        if (query.screenInches === null || token !== String(Math.round(query.screenInches))) return false;
      }
    }
    return true;
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
      model.b[0]! +
      // A screen outside the type's reported sizes is held to them: a line does not extrapolate.
      model.b[1]! *
        (Math.min(model.screenMax, Math.max(model.screenMin, query.screenInches ?? model.screenMean)) -
          model.screenMean) +
      model.b[2]! * ((query.year ?? model.yearMean) - model.yearMean) +
      (query.weightKg && query.weightKg > 0
        ? model.b[3]! *
          (Math.min(model.logWeightMax, Math.max(model.logWeightMin, Math.log(query.weightKg))) - model.logWeightMean)
        : 0) +
      (model.brandOffset.get(brand) ?? 0);

    // Keep the three most similar published products (row indexes and similarities, most similar first).
    const topRow = TOP_ROW;
    const topSimilarity = TOP_SIMILARITY;
    let topCount = 0;
    const k = DEVICE_TUNING.k;
    // Accumulate dot products only for products that share a word with the query.
    const dots = model.scratch;
    const matched = model.matched;
    const touched = TOUCHED;
    let touchedCount = 0;
    for (let t = 0; t < tokens.length; t++) {
      const weight = weights[t]!;
      if (!(weight > 0)) continue;
      const rows: number[] | undefined = model.postings.get(tokens[t]!);
      if (!rows) continue;
      const modelWord = !isConfig(tokens[t]!);
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r]!;
        if (dots[i] === 0) touched[touchedCount++] = i;
        dots[i]! += weight;
        if (modelWord) matched[i]!++;
      }
    }
    const screenInches = query.screenInches;
    const queryYear = query.year;
    const queryWeight = query.weightKg && query.weightKg > 0 ? query.weightKg : null;
    // The query's line and generation ("iPhone 15"): the years to a report of the same line follow
    // from their generation numbers when the title states no year.
    const queryLine = `${brand}:${productLine(query.title, query.brand)}`;
    const queryGeneration = queryYear === null ? generationOf(query.title, query.brand) : null;
    let sameCount = 0;
    for (let t = 0; t < touchedCount; t++) {
      const i = touched[t]!;
      const dot = dots[i]!;
      dots[i] = 0;
      const indexed = model.rows[i]!;
      // Every model word of this report is in the query: a candidate for the same product.
      if (matched[i] === indexed.modelCount && indexed.modelCount > 0) {
        if (this.sameModel(indexed, query, tokens, brand)) SAME[sameCount++] = i;
      }
      matched[i] = 0;
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
      const weight = indexed.row[5];
      if (queryWeight && weight) {
        similarity *= Math.exp(-Math.abs(Math.log(queryWeight / weight)) / DEVICE_TUNING.weightScale);
        if (topCount === k && similarity <= topSimilarity[k - 1]!) continue;
      }
      const year = indexed.row[6];
      if (queryYear !== null && year !== null)
        similarity *= Math.exp(-Math.abs(queryYear - year) / DEVICE_TUNING.yearScale);
      else if (queryGeneration !== null && indexed.generation !== null && indexed.line === queryLine)
        similarity *= Math.exp(
          -Math.abs((queryGeneration - indexed.generation) * (model.yearsPerGeneration.get(queryLine) ?? 1)) /
            DEVICE_TUNING.yearScale,
        );
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
    const same = sameCount ? sameProduct(model, SAME, sameCount, tokens) : null;
    const neighbours: DevicePrediction['neighbours'] = [];
    for (let t = 0; t < topCount; t++)
      neighbours.push({ row: model.rows[topRow[t]!]!.row, similarity: topSimilarity[t]! });
    const best = topCount ? topSimilarity[0]! : 0;
    let logKg = regressionLog;
    let method: DevicePrediction['method'] = 'regression';
    let generation: DevicePrediction['generation'] = null;
    if (topCount) {
      let sumW = 0;
      let sumLog = 0;
      let sumYears = 0;
      let how = '';
      for (let t = 0; t < topCount; t++) {
        const w = topSimilarity[t]! ** DEVICE_TUNING.power;
        const near = model.rows[topRow[t]!]!;
        // Newer generations are lower: move the near product along its type's trend by the years
        // between it and the query (the title's year, else the generation numbers of one line).
        let years = 0;
        const nearYear = near.row[6];
        if (nearYear !== null) {
          if (queryYear !== null) {
            years = queryYear - nearYear;
            how = `${queryYear} vs ${nearYear}`;
          } else if (
            near.generation !== null &&
            queryGeneration !== null &&
            near.line === queryLine &&
            queryGeneration !== near.generation
          ) {
            years = (queryGeneration - near.generation) * (model.yearsPerGeneration.get(near.line) ?? 1);
            how = `generation ${queryGeneration} vs ${near.generation}`;
          }
          if (Math.abs(years) > MAX_TREND_YEARS) years = Math.sign(years) * MAX_TREND_YEARS;
        }
        sumW += w;
        sumYears += w * years;
        sumLog += w * (near.logKg + model.logPerYear * years);
      }
      const nearLog = sumLog / sumW;
      if (sumYears !== 0) generation = { yearsNewer: sumYears / sumW, logPerYear: model.logPerYear, how };
      // Trust the near products in proportion to how near they are; the regression fills in.
      const trust = Math.min(1, Math.max(0, (best - model.trustFrom) / DEVICE_TUNING.trustSpan));
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
      same,
      generation,
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
