// Cross-validation over products with published footprints (manufacturer reports via Boavizta,
// CDP reports via The Carbon Catalogue), described as a shop page would describe them. Folds are
// grouped: a product is held out together with its product line (every configuration and
// generation of a Latitude, an iPhone, a Levi's 505) or, stricter, with every product of its maker,
// so a held-out product never meets a brand sibling or near-duplicate that a new product would not
// have. Each fold's products are removed from every lookup table and fit before they are
// estimated. Used by the validation test, `npm run validate` and to calibrate the ranges
// (`npm run factors`); not part of the extension.

import type { Product } from '../product.ts';
import { CALIBRATION, type Spread } from './data/calibration.ts';
import { DEVICES, type DeviceRow } from './data/devices.ts';
import { PUBLISHED, type PublishedRow } from './data/published.ts';
import { productLine } from './device-model.ts';
import { type FootprintEstimate, FootprintEstimator, rangeScaleOf, rangeTypeOf, type Tier } from './estimate.ts';

export type ValidationGroup = 'electronics' | 'other';

export interface Sample {
  group: ValidationGroup;
  /** What kind of product, for reporting ("laptop", "Furniture"). */
  kind: string;
  product: Product;
  publishedKgCO2e: number;
  device?: DeviceRow;
  publishedRow?: PublishedRow;
}

export interface Scored extends Sample {
  /** The group it was held out with (see `groupOf`). */
  heldOutWith: string;
  /** The device type whose own spread set the range (device tiers), else null. */
  rangeType: string | null;
  kgCO2e: number;
  low: number;
  high: number;
  tier: Tier;
  /**
   * How many times its tier's calibrated spread the estimate's range is (1 unless the estimate
   * widened it, e.g. for brand siblings that disagree): residuals are calibrated in these units.
   */
  scale: number;
}

const TRAILS: Record<string, string[]> = {
  laptop: ['Electronics', 'Computers', 'Laptops'],
  monitor: ['Electronics', 'Computers', 'Monitors'],
  desktop: ['Electronics', 'Computers', 'Desktop Computers'],
  phone: ['Electronics', 'Mobile Phones', 'Smartphones'],
  tablet: ['Electronics', 'Computers', 'Tablets'],
  printer: ['Electronics', 'Office Electronics', 'Printers'],
  'smart-home': ['Electronics', 'Smart Home'],
  streaming: ['Electronics', 'TV & Video', 'Streaming Media Players'],
  router: ['Electronics', 'Networking', 'Routers'],
  console: ['Electronics', 'Video Games', 'Consoles'],
};

/** Device types whose published footprints the electronics target is about. */
export const ELECTRONICS_TYPES = new Set(['laptop', 'monitor', 'desktop', 'phone', 'tablet', 'printer']);

export function validationSamples(
  devices: readonly DeviceRow[] = DEVICES,
  published: readonly PublishedRow[] = PUBLISHED,
): Sample[] {
  const samples: Sample[] = [];
  for (const row of devices) {
    const [brand, name, type, kg, screen, weight] = row;
    // A shop title names the brand and, for screens, the size.
    const hasSize = /\d\s*(?:-|\s)?(?:inch|in\b|"|”)/i.test(name);
    const title = `${name.toLowerCase().startsWith(brand.toLowerCase()) ? '' : `${brand} `}${name}${screen && !hasSize ? ` ${screen}"` : ''}`;
    samples.push({
      group: ELECTRONICS_TYPES.has(type) ? 'electronics' : 'other',
      kind: type,
      product: {
        title,
        price: null,
        brand,
        category: TRAILS[type] ?? ['Electronics'],
        gtin: null,
        url: row[10],
        weightKg: weight,
      },
      publishedKgCO2e: kg,
      device: row,
    });
  }
  for (const row of published) {
    samples.push({
      group: 'other',
      kind: row[3].split('>')[0]!.trim(),
      product: {
        title: row[1],
        price: null,
        brand: row[2],
        category: row[3].split('>').map((part) => part.trim()),
        gtin: null,
        url: '',
        weightKg: row[4],
      },
      publishedKgCO2e: row[5],
      publishedRow: row,
    });
  }
  return samples;
}

/**
 * How products are held out together:
 * - `line`: a maker's product line (Boavizta: maker + line word, "dell latitude", "apple iphone",
 *   "dell p" for P-series monitors; Carbon Catalogue: reporting company + line word, "levi's 505",
 *   "herman miller aeron"), so configurations and generations of one product never help each other;
 * - `maker`: every product of one maker (Boavizta manufacturer; Carbon Catalogue reporting company,
 *   so Diet Coke goes with Coca-Cola), the case of a product whose maker we have no figure from;
 * - `row`: each product alone (the old, optimistic scheme, for comparison only).
 * The line word is `productLine` (device-model.ts), the same the generation trend is fitted within.
 */
export type Grouping = 'line' | 'maker' | 'row';

/** The reporting company of a Carbon Catalogue row: the CDP account in its id ("CC-17788-4-2014"). */
const companyOf = (row: PublishedRow): string => row[0].split('-').slice(0, 2).join('-');

/** The group a sample is held out with. */
export function groupOf(sample: Sample, grouping: Grouping): string {
  if (grouping === 'row')
    return sample.device ? `device:${sample.device[10]}:${sample.device[1]}` : `cc:${sample.publishedRow?.[0]}`;
  if (sample.device) {
    const maker = sample.device[0].toLowerCase();
    return grouping === 'maker'
      ? `device:${maker}`
      : `device:${maker}:${productLine(sample.device[1], sample.device[0])}`;
  }
  const row = sample.publishedRow!;
  const company = companyOf(row);
  return grouping === 'maker' ? `cc:${company}` : `cc:${company}:${productLine(row[1], row[2])}`;
}

/**
 * Fold of each sample: whole groups go to one fold, largest groups first, each to the fold with the
 * fewest samples so far (deterministic; ties to the lowest fold).
 */
export function groupedFolds(samples: Sample[], k: number, grouping: Grouping): number[] {
  const members = new Map<string, number[]>();
  samples.forEach((sample, i) => {
    const key = groupOf(sample, grouping);
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  });
  const groups = [...members.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const sizes = new Array<number>(k).fill(0);
  const folds = new Array<number>(samples.length).fill(0);
  for (const [, indexes] of groups) {
    let fold = 0;
    for (let f = 1; f < k; f++) if (sizes[f]! < sizes[fold]!) fold = f;
    sizes[fold]! += indexes.length;
    for (const i of indexes) folds[i] = fold;
  }
  return folds;
}

function score(sample: Sample, estimate: FootprintEstimate, heldOutWith: string): Scored {
  return {
    ...sample,
    heldOutWith,
    rangeType: rangeTypeOf(estimate),
    kgCO2e: estimate.kgCO2e,
    low: estimate.low,
    high: estimate.high,
    tier: estimate.methods[0]!,
    scale: rangeScaleOf(estimate),
  };
}

/**
 * Grouped k-fold cross-validation: each fold holds out whole groups (see `Grouping`), from both
 * tables, and is estimated by an estimator built without them.
 */
export function crossValidate(
  samples: Sample[] = validationSamples(),
  k = 10,
  calibration?: Record<Tier, Spread>,
  grouping: Grouping = 'line',
): Scored[] {
  const folds = groupedFolds(samples, k, grouping);
  const scored: Scored[] = [];
  for (let fold = 0; fold < k; fold++) {
    const heldOut = samples.filter((_, i) => folds[i] === fold);
    if (!heldOut.length) continue;
    const training = samples.filter((_, i) => folds[i] !== fold);
    const estimator = new FootprintEstimator({
      devices: training.flatMap((s) => (s.device ? [s.device] : [])),
      published: training.flatMap((s) => (s.publishedRow ? [s.publishedRow] : [])),
      calibration: calibration ?? CALIBRATION,
    });
    for (const sample of heldOut) {
      const estimate = estimator.estimate(sample.product);
      if (estimate) scored.push(score(sample, estimate, groupOf(sample, grouping)));
    }
  }
  return scored;
}

export interface GroupFigures {
  group: string;
  n: number;
  /** Median of max(estimate/published, published/estimate). */
  medianRatioError: number;
  /** Share of published values inside low–high. */
  shareInside: number;
  /** Median of high/low. */
  medianRangeWidth: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function summarize(group: string, scored: Scored[]): GroupFigures {
  return {
    group,
    n: scored.length,
    medianRatioError: median(scored.map((s) => Math.exp(Math.abs(Math.log(s.kgCO2e / s.publishedKgCO2e))))),
    shareInside: scored.filter((s) => s.publishedKgCO2e >= s.low && s.publishedKgCO2e <= s.high).length / scored.length,
    medianRangeWidth: median(scored.map((s) => s.high / s.low)),
  };
}

// Calibration: the 80 % interval of log(published / estimated) per method tier, from k-fold
// cross-validation. Several passes, because the tiers' spreads also weight the combination of methods.

/**
 * Our assumed spreads (q10, q90 of log(published / estimated)) for each tier: used as they are for
 * tiers the published sample cannot calibrate (no prices in it, too few products), and as the prior
 * the calibrated quantiles are shrunk towards. Wide on purpose (EEIO sector averages vs product
 * footprints differ by ×3 either way). For `published-brand-weighed` the units are the estimate's
 * own scale (siblings that disagree widen it).
 */
export const ASSUMED_SPREADS: Record<Tier, [number, number]> = {
  // The same model in another configuration or report year (storage sizes move Apple's figures by
  // up to a third); the maker's own stated error replaces it where the report gives one.
  'published-same': [-0.25, 0.25],
  'device-near': [-0.35, 0.35],
  'device-blend': [-0.4, 0.4],
  'device-regression': [-0.5, 0.5],
  'device-other': [-0.7, 0.7],
  'device-other-near': [-0.5, 0.5],
  'published-brand': [-0.6, 0.6],
  'published-brand-weighed': [-0.6, 0.6],
  'per-kg': [-0.9, 0.9],
  'per-kg-electric': [-1.2, 1.2],
  'per-kg-food': [-0.7, 0.7],
  'per-kg-typical-weight': [-1.2, 1.2],
  'typical-item': [-1, 1],
  spend: [-1.1, 1.1],
  'spend-unknown': [-1.6, 1.6],
};

/**
 * Tiers with fewer held-out products than this, or from fewer makers than MIN_CALIBRATION_BRANDS,
 * keep the assumed spread: six office printers of one maker say nothing about the typical-weight
 * method for food or clothing.
 */
export const MIN_CALIBRATION_SAMPLES = 5;
export const MIN_CALIBRATION_BRANDS = 3;
/**
 * The assumed spread counts as this many products: a tier's quantiles are
 * (n · measured + 5 · assumed) / (n + 5), so a tier of 9 products moves most of the way to what it
 * measured without one outlier setting its range, and a tier of 400 is what it measured.
 */
export const CALIBRATION_PRIOR_WEIGHT = 5;

const round3 = (value: number) => Number(value.toPrecision(3));

/**
 * Tiers whose central figure is recentred on the median held-out residual (shrunk like the
 * quantiles): a material factor × weight for electronics misses their chips and boards by a factor
 * the published footprints measure; other tiers are left uncorrected.
 */
const RECENTRED: ReadonlySet<Tier> = new Set<Tier>(['per-kg-electric']);

/**
 * Device tiers whose spread is also calibrated per device type: a monitor's figure from near
 * monitors is surer than a desktop's from near desktops (a desktop line's form factor is its own).
 */
const BY_TYPE: ReadonlySet<Tier> = new Set<Tier>(['device-near', 'device-blend', 'device-regression']);
/** A device type gets its own spread in a tier with at least this many held-out products. */
const MIN_TYPE_SAMPLES = 20;

/**
 * The interval of sorted held-out residuals: with fewer than CONFORMAL_NARROWING products, their
 * 10th and 90th percentiles at position p (n + 1) (the Weibull estimator, which does not understate
 * the tails of small samples); with more, the shortest window that holds ⌈0.8 (n + 1)⌉ of them and
 * 0 (the estimate itself), which for skewed residuals is narrower than the equal-tailed one at the
 * same coverage.
 */
function intervalOf(values: number[]): [number, number] {
  const n = values.length;
  const at = (p: number) => {
    const position = Math.min(n, Math.max(1, p * (n + 1))) - 1;
    const lo = Math.floor(position);
    const hi = Math.min(lo + 1, n - 1);
    return values[lo]! + (values[hi]! - values[lo]!) * (position - lo);
  };
  if (n < CONFORMAL_NARROWING) return [at(0.1), at(0.9)];
  const m = Math.min(n, Math.ceil(0.8 * (n + 1)));
  let best: [number, number] = [at(0.1), at(0.9)];
  for (let i = 0; i + m - 1 < n; i++) {
    const lo = Math.min(0, values[i]!);
    const hi = Math.max(0, values[i + m - 1]!);
    if (hi - lo < best[1] - best[0]) best = [lo, hi];
  }
  return best;
}

/** A tier's spread per device type, shrunk towards the tier's as if it were five more products. */
function typeSpreads(
  scored: Scored[],
  tier: Tier,
  q10: number,
  q90: number,
): Record<string, { q10: number; q90: number; n: number }> | null {
  const byType = new Map<string, { values: number[]; makers: Set<string> }>();
  for (const s of scored) {
    if (s.tier !== tier || !s.rangeType) continue;
    const entry = byType.get(s.rangeType) ?? { values: [], makers: new Set<string>() };
    entry.values.push(Math.log(s.publishedKgCO2e / s.kgCO2e) / s.scale);
    entry.makers.add((s.product.brand ?? '').toLowerCase());
    byType.set(s.rangeType, entry);
  }
  const out: Record<string, { q10: number; q90: number; n: number }> = {};
  const w = CALIBRATION_PRIOR_WEIGHT;
  for (const [type, { values, makers }] of [...byType].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const n = values.length;
    if (n < MIN_TYPE_SAMPLES || makers.size < MIN_CALIBRATION_BRANDS) continue;
    values.sort((a, b) => a - b);
    const [lo, hi] = intervalOf(values);
    out[type] = { q10: round3((n * lo + w * q10) / (n + w)), q90: round3((n * hi + w * q90) / (n + w)), n };
  }
  return Object.keys(out).length ? out : null;
}

/** Spreads per tier from cross-validated residuals (in each estimate's own scale). */
function fitSpreads(scored: Scored[], previous?: Record<Tier, Spread>): Record<Tier, Spread> {
  const residuals = new Map<Tier, number[]>();
  const brands = new Map<Tier, Set<string>>();
  for (const s of scored) {
    const list = residuals.get(s.tier) ?? [];
    list.push(Math.log(s.publishedKgCO2e / s.kgCO2e) / s.scale);
    residuals.set(s.tier, list);
    const makers = brands.get(s.tier) ?? new Set<string>();
    makers.add((s.product.brand ?? '').toLowerCase());
    brands.set(s.tier, makers);
  }
  const spreads = {} as Record<Tier, Spread>;
  for (const tier of Object.keys(ASSUMED_SPREADS) as Tier[]) {
    const [assumed10, assumed90] = ASSUMED_SPREADS[tier];
    let values = (residuals.get(tier) ?? []).sort((a, b) => a - b);
    const n = values.length;
    // The recentring accumulates over the passes: each pass measures what is left of the bias.
    let shift: number | undefined;
    if (
      RECENTRED.has(tier) &&
      n >= MIN_CALIBRATION_SAMPLES &&
      (brands.get(tier)?.size ?? 0) >= MIN_CALIBRATION_BRANDS
    ) {
      const mid = n >> 1;
      const m = (n % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2) * (n / (n + CALIBRATION_PRIOR_WEIGHT));
      shift = round3((previous?.[tier]?.shift ?? 0) + m);
      values = values.map((v) => v - m);
    }
    if (n < MIN_CALIBRATION_SAMPLES || (brands.get(tier)?.size ?? 0) < MIN_CALIBRATION_BRANDS) {
      spreads[tier] = {
        q10: assumed10,
        q90: assumed90,
        n,
        note: 'our assumed spread for this method (too few published footprints to calibrate it)',
        assumed: true,
      };
      continue;
    }
    const [lo, hi] = intervalOf(values);
    const w = CALIBRATION_PRIOR_WEIGHT;
    const q10 = round3((n * lo + w * assumed10) / (n + w));
    const q90 = round3((n * hi + w * assumed90) / (n + w));
    const byType = BY_TYPE.has(tier) ? typeSpreads(scored, tier, q10, q90) : null;
    spreads[tier] = {
      q10,
      q90,
      n,
      ...(shift !== undefined ? { shift } : {}),
      ...(byType ? { byType } : {}),
      note:
        `80 % of ${n} held-out products with published footprints fell inside a range this wide around our estimate` +
        (tier === 'published-brand-weighed' ? ", widened where the brand's published products disagree" : '') +
        (shift !== undefined ? `, around the figure recentred ×${Math.exp(shift).toFixed(2)} on their median` : '') +
        ` (grouped 10-fold cross-validation: whole product lines and makers held out${n < 50 ? '; shrunk towards our assumed spread' : ''})`,
    };
  }
  return spreads;
}

/** The groupings the calibration pools: a new product of a known maker's new line, and of a new maker. */
const CALIBRATION_GROUPINGS: readonly Grouping[] = ['line', 'maker'];

/**
 * Calibrated spreads from grouped k-fold cross-validation over these samples, starting from the
 * assumed ones. The residuals of both groupings are pooled, so a tier's interval holds both for a
 * new line of a maker we know and for a maker we have no figure from.
 */
export function calibrate(
  samples: Sample[] = validationSamples(),
  k = 10,
  passes = 4,
  groupings: readonly Grouping[] = CALIBRATION_GROUPINGS,
): Record<Tier, Spread> {
  let spreads = Object.fromEntries(
    Object.entries(ASSUMED_SPREADS).map(([tier, [q10, q90]]) => [tier, { q10, q90, n: 0, note: 'prior' }]),
  ) as Record<Tier, Spread>;
  for (let pass = 1; pass <= passes; pass++) {
    const current = spreads;
    spreads = fitSpreads(
      groupings.flatMap((grouping) => crossValidate(samples, k, current, grouping)),
      current,
    );
  }
  const checked = spreads;
  return holdCoverage(
    checked,
    groupings.flatMap((grouping) => crossValidate(samples, k, checked, grouping)),
  );
}

/**
 * The check that the stated coverage is met on what was left out: a calibrated tier whose held-out
 * products fall inside their ranges less than 80 % of the time (the shrinkage towards the assumed
 * spread, or the passes moving the combination, can leave it a little short) is widened by the
 * smallest factor that brings it to 80 %.
 */
function holdCoverage(spreads: Record<Tier, Spread>, scored: Scored[]): Record<Tier, Spread> {
  const out = { ...spreads };
  for (const tier of Object.keys(spreads) as Tier[]) {
    const spread = spreads[tier];
    if (spread.assumed) continue;
    const mine = scored.filter((s) => s.tier === tier);
    // Each device type with its own spread is checked on its own products.
    const types = spread.byType ? Object.keys(spread.byType) : [];
    const byType = spread.byType ? { ...spread.byType } : undefined;
    for (const type of types) {
      const own = byType![type]!;
      const f = widening(
        own,
        mine.filter((s) => s.rangeType === type),
      );
      if (f !== 1)
        byType![type] = {
          ...own,
          q10: Math.floor(own.q10 * f * 1000) / 1000,
          q90: Math.ceil(own.q90 * f * 1000) / 1000,
        };
    }
    // The tier's own spread (what a type without its own uses) is checked on all of the tier's
    // products: checked on the leftover types alone, a handful of monitors would set the phones' range.
    const f = widening(spread, mine);
    out[tier] = {
      ...spread,
      ...(byType ? { byType } : {}),
      ...(f !== 1
        ? {
            q10: Math.floor(spread.q10 * f * 1000) / 1000,
            q90: Math.ceil(spread.q90 * f * 1000) / 1000,
            note: `${spread.note}; ${f > 1 ? 'widened' : 'narrowed'} ×${f.toFixed(2)} so that 80 % of the held-out products fall inside`,
          }
        : {}),
    };
  }
  return out;
}

/**
 * The factor on a spread that puts ⌈0.8 (n + 1)⌉ of these n products inside (the split-conformal
 * count, so that a new product is inside with 80 % odds): the smallest one ≥ 1 when too few are
 * inside; with at least CONFORMAL_NARROWING products, also one < 1 when more are inside than that
 * (the shrinkage towards a wider spread over-covers a type whose figures are surer).
 */
function widening(spread: { q10: number; q90: number }, scored: Scored[]): number {
  if (!scored.length) return 1;
  const need = Math.min(scored.length, Math.ceil(0.8 * (scored.length + 1)));
  const factors: number[] = [];
  let inside = 0;
  for (const s of scored) {
    const r = Math.log(s.publishedKgCO2e / s.kgCO2e) / s.scale;
    factors.push(r > 0 ? r / spread.q90 : r < 0 ? r / spread.q10 : 0);
    if (s.publishedKgCO2e >= s.low && s.publishedKgCO2e <= s.high) inside++;
  }
  factors.sort((a, b) => a - b);
  const f = factors[need - 1]! * 1.001;
  if (inside < need) return Math.max(1, f);
  return scored.length >= CONFORMAL_NARROWING ? Math.min(1, f) : 1;
}

/** Products a spread needs before the coverage check may also narrow it. */
const CONFORMAL_NARROWING = 50;

/**
 * Grouped cross-validation with the calibration inside the folds: each fold's groups are estimated
 * with spreads calibrated (by an inner grouped cross-validation) on the other folds only, so not
 * even a product's own residual, or its line's, sets its range. Stricter than `crossValidate`.
 */
export function nestedCrossValidate(
  samples: Sample[] = validationSamples(),
  k = 10,
  passes = 4,
  grouping: Grouping = 'line',
): Scored[] {
  const folds = groupedFolds(samples, k, grouping);
  const scored: Scored[] = [];
  for (let fold = 0; fold < k; fold++) {
    const training = samples.filter((_, i) => folds[i] !== fold);
    const heldOut = samples.filter((_, i) => folds[i] === fold);
    if (!heldOut.length) continue;
    const calibration = calibrate(training, k, passes);
    const estimator = new FootprintEstimator({
      devices: training.flatMap((s) => (s.device ? [s.device] : [])),
      published: training.flatMap((s) => (s.publishedRow ? [s.publishedRow] : [])),
      calibration,
    });
    for (const sample of heldOut) {
      const estimate = estimator.estimate(sample.product);
      if (estimate) scored.push(score(sample, estimate, groupOf(sample, grouping)));
    }
  }
  return scored;
}
