// Footprint estimation: every method that applies to a product is a witness, a figure with a
// calibrated spread. The maker's own published figure for this very product wins outright. Else the
// witnesses are checked against each other: one that disagrees with the most robust witness by far
// more than their spreads allow is set aside (flagged, range widened); the rest are combined by
// their precision, and the range is the calibrated 80 % interval of the most precise one, stretched
// to hold the central figure and every witness combined. Pure and deterministic: no DOM, no clock,
// no randomness.

import type { Product } from '../product.ts';
import {
  type Candidate,
  DeviceCandidate,
  ElectronicsWeightCandidate,
  fmt,
  ItemCandidate,
  PerKgCandidate,
  type PerKgFactor,
  PublishedCandidate,
  type PublishedEntry,
  SpendCandidate,
  src,
} from './candidates.ts';
import { type Classification, classifyProduct } from './classify.ts';
import { conditionOf, conditionShare } from './condition.ts';
import { CALIBRATION, type Spread, type Tier } from './data/calibration.ts';
import { DEVICES, type DeviceRow } from './data/devices.ts';
import { EEIO_KG_PER_USD2022 } from './data/eeio.ts';
import { AGRIBALYSE_KG_PER_KG, POORE_NEMECEK_KG_PER_KG } from './data/food.ts';
import { TYPICAL_ITEMS } from './data/items.ts';
import { MATERIAL_KG_PER_KG } from './data/materials.ts';
import { NAMED_KG_PER_KG } from './data/named.ts';
import { PUBLISHED, type PublishedRow } from './data/published.ts';
import { type DeliveryMode, deliveryKgCO2e } from './delivery.ts';
import { DeviceModel, nameTokens } from './device-model.ts';
import { Details, type SetAside, TIER_LABEL, WITNESS } from './explain.ts';
import { toUsd2022 } from './money.ts';
import { parseQuantity, parseScreenInches, parseYear } from './parse.ts';
import { DISAGREE_FLAGS, Estimate, type FootprintEstimate, NO_FLAGS, type UseSummary } from './result.ts';
import type { SourceId } from './sources.ts';
import { type Category, ELECTRONICS_WITH_REPORTS } from './taxonomy.ts';
import { gridFor, type UsePhase, usePhaseFor } from './use-phase.ts';

export type { Tier } from './data/calibration.ts';
export type { EstimateFlag, FootprintEstimate, UseSummary } from './result.ts';

export interface EstimateOptions {
  /** ISO country of the shop (or the shopper), for use-phase electricity. Defaults to product.country. */
  country?: string | null;
  /** Add the delivery of the parcel by this mode to the total. */
  delivery?: DeliveryMode | null;
}

export interface FootprintTables {
  devices: readonly DeviceRow[];
  published: readonly PublishedRow[];
  /** Spreads per method tier; the committed calibration unless a calibration run supplies its own. */
  calibration?: Record<Tier, Spread>;
}

const log = Math.log;
const Z80 = 1.2816;
/** Device types with fewer published footprints than this are estimated with the wide tier. */
const SPARSE_DEVICE_TYPE = 15;
/** Methods whose precision (1/variance) is below the best one divided by this are left out. */
const MIX = { threshold: 4 };
/**
 * Chosen by cross-validation (docs/methods.md): how a brand sibling's footprint scales with weight,
 * and the spread (log units) of a sibling-scaled figure when the siblings agree: siblings whose
 * scaled footprints disagree widen it, sd = √(base² + (range / 2)²).
 */
const TUNING = { weightElasticity: 0.5, siblingBaseSd: 0.3 };

const CATEGORY_ONLY = 4;
/** A classification this sure (trail and title agree) makes a device regression robust (rank 2). */
const SURE_CATEGORY = 0.85;
/**
 * How robust a method is to one misread input, most robust first: a figure matched by name to
 * published footprints; a per-kg factor with a weight read from the page, or a device model whose
 * name partly matched published products, or whose category the shop's trail and the title agree
 * on, or whose maker reports devices of the type; the price; methods that rest on the category alone (a wrong category makes them wrong by any
 * factor).
 */
const ROBUSTNESS: Record<Tier, number> = {
  'published-same': 0,
  'device-near': 1,
  'device-other-near': 1,
  'published-brand-weighed': 1,
  'published-brand': 1,
  'per-kg': 2,
  'per-kg-electric': CATEGORY_ONLY,
  'per-kg-food': 2,
  spend: 3,
  'device-blend': 2,
  'device-regression': CATEGORY_ONLY,
  'device-other': 4,
  'typical-item': 4,
  'per-kg-typical-weight': 4,
  'spend-unknown': 5,
};

function perKgFactorOf(category: Category): PerKgFactor | null {
  const ref = category.perKg;
  if (!ref) return null;
  if (ref.table === 'agribalyse') {
    const row = AGRIBALYSE_KG_PER_KG[ref.key];
    return row
      ? { kgPerKg: row.kgPerKg, label: `Agribalyse "${ref.key}" median`, ref, sources: src('agribalyse-3.2') }
      : null;
  }
  if (ref.table === 'poore') {
    const row = POORE_NEMECEK_KG_PER_KG[ref.key];
    return row
      ? { kgPerKg: row.kgPerKg, label: `Poore & Nemecek "${ref.key}"`, ref, sources: src('poore-nemecek-2018') }
      : null;
  }
  if (ref.table === 'desnz') {
    const row = MATERIAL_KG_PER_KG[ref.key];
    return row ? { kgPerKg: row.kgPerKg, label: `DESNZ material "${ref.key}"`, ref, sources: src('desnz-2025') } : null;
  }
  const row = NAMED_KG_PER_KG[ref.key];
  return row
    ? { kgPerKg: row.kgPerKg, label: `${ref.key}: ${row.how}`, ref, sources: src(...(row.src as SourceId[])) }
    : null;
}

// A category's factor depends only on the static tables: looked up once per category.
const PER_KG_FACTORS = new Map<Category, PerKgFactor | null>();
function perKgFactor(category: Category): PerKgFactor | null {
  let factor = PER_KG_FACTORS.get(category);
  if (factor === undefined) {
    factor = perKgFactorOf(category);
    PER_KG_FACTORS.set(category, factor);
  }
  return factor;
}

const normalBrand = (brand: string): string => brand.toLowerCase().replace(/[^a-z0-9]/g, '');
/** Brands match when one normalised name starts the other ("levis" / "levistrauss"). */
const sameBrand = (x: string, y: string): boolean =>
  x.length > 1 && y.length > 1 && (x === y || x.startsWith(y) || y.startsWith(x));

const WHITESPACE = /\s/;
/** The first word of a title (`text.split(/\s+/)[0]`). */
const firstWord = (text: string): string => {
  const space = WHITESPACE.exec(text);
  return space ? text.slice(0, space.index) : text;
};

const median = (values: number[]): number => {
  if (values.length === 1) return values[0]!;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The precision a tier's spread gives a candidate in the combination (1 / variance). */
const precisionOf = (s: { q10: number; q90: number }): number => 1 / ((s.q90 - s.q10) / (2 * Z80)) ** 2;

/** How many times its tier's calibrated spread an estimate's range was made (see `Details.scale`). */
export function rangeScaleOf(estimate: FootprintEstimate): number {
  return estimate instanceof Estimate ? estimate.rangeScale : 1;
}

/** The device type whose own spread set an estimate's range (device tiers), else null. */
export function rangeTypeOf(estimate: FootprintEstimate): string | null {
  return estimate instanceof Estimate ? estimate.rangeType : null;
}

export class FootprintEstimator {
  private readonly devices: DeviceModel;
  private readonly published: PublishedEntry[];
  /** The published rows of each category, in table order. */
  private readonly publishedByCategory = new Map<string, PublishedEntry[]>();
  private readonly calibration: Record<Tier, Spread>;
  private readonly precision = new Map<Tier, number>();
  private readonly rangeMeaning = new Map<Tier, string>();
  /** Published whole-life footprints of electronics against their weight: kg = e^a × weight^e. */
  private readonly byWeight: ElectronicsByWeight | null;

  constructor(tables: FootprintTables) {
    this.calibration = tables.calibration ?? CALIBRATION;
    for (const tier of Object.keys(TIER_LABEL) as Tier[]) {
      const spread = this.calibration[tier];
      this.precision.set(tier, precisionOf(spread));
      this.rangeMeaning.set(tier, `80 % interval (${spread.assumed ? 'assumed' : 'calibrated'}): ${spread.note}`);
    }
    this.devices = new DeviceModel(tables.devices);
    this.byWeight = fitByWeight(tables.devices);
    this.published = tables.published.map((row) => ({
      row,
      category: classifyProduct({ title: row[1], category: [row[3]], brand: row[2] }).category.id,
      brand: normalBrand(row[2]),
      tokens: nameTokens(row[1], row[2]),
    }));
    for (const entry of this.published) {
      const list = this.publishedByCategory.get(entry.category);
      if (list) list.push(entry);
      else this.publishedByCategory.set(entry.category, [entry]);
    }
  }

  estimate(product: Product, options: EstimateOptions = {}): FootprintEstimate | null {
    const classification = classifyProduct(product);
    const { category } = classification;
    const country = options.country ?? product.country ?? null;
    const title = product.title ?? '';
    const quantity = parseQuantity(title);
    const pageWeight = product.weightKg && product.weightKg > 0 ? product.weightKg : null;
    const weighedKg = pageWeight ?? quantity?.kg ?? null;
    // A kind the title names (a mouse among keyboards and mice) has its own typical weight.
    const kind = kindOf(category, title);
    const typicalKg = kind?.typicalKg ?? category.typicalKg;
    const weightKg = weighedKg ?? (category.id === 'unknown' ? null : typicalKg);
    const weightAssumed = weighedKg === null && weightKg !== null;
    const noProcessor = kind?.noProcessor ?? category.noProcessor ?? false;
    const brand = product.brand ?? null;

    const candidates: Candidate[] = [];
    // A kind without a processor is not its category's device (a game controller is not a console).
    const device = noProcessor ? null : this.deviceCandidate(product, category, brand, country, weighedKg);
    if (device) candidates.push(device);
    const published = this.publishedCandidate(product, category, brand, weighedKg);
    if (published) candidates.push(published);
    // Electricity as people use the product, on the shop's (or shopper's) grid (use-phase.ts).
    const use = category.electric ? usePhaseFor(category.id, country, title) : null;
    const item = this.itemCandidate(category, use);
    const perKg = this.perKgCandidate(
      category,
      weightKg,
      weightAssumed,
      quantity?.text ?? null,
      pageWeight,
      use,
      typicalKg,
      noProcessor,
    );
    // A typical item stands for a typical weight; with a real weight the per-kg figure is better.
    // Neither joins a device model: ADEME's typical laptop is not the manufacturer's whole life of
    // this one (combined, it made the cross-validated error worse); the price still checks it.
    if (item && !device && (weightAssumed || !perKg)) candidates.push(item);
    // Per-kg factors cover making only; for devices with published whole-life footprints they would
    // drag a better figure down, so they step in only when no device model applies. With a weight
    // from the page they still check the device model (a 100 g "desktop" is not one).
    const checkOnly = perKg && device && !weightAssumed ? perKg : null;
    if (perKg && (!device || checkOnly)) candidates.push(perKg);
    // Spend-based factors stop at the shop shelf; electric products get the same use phase as the others.
    const useForSpend = device?.useKgCO2e ?? item?.useKgCO2e ?? perKg?.useKgCO2e ?? null;
    let spend = this.spendCandidate(product, classification.naics, category.id === 'unknown', useForSpend, country);
    if (spend) candidates.push(spend);
    if (!candidates.length) return null;

    // Precision of each witness (1 / variance from its calibrated spread and its own scale).
    const precisions: number[] = [];
    let used: Candidate[];
    let setAside: SetAside[] | null = null;
    const same = candidates.find((c) => c.tier === 'published-same');
    if (same) {
      // The maker's figure for this very product is the estimate: not averaged with a price guess.
      used = [same];
      precisions.push(this.precisionOf(same));
    } else {
      // Witnesses that disagree with the most robust one by far more than their spreads allow are
      // set aside (a misread weight, price or category), before any is combined.
      // A device regression is robust when the category is sure (trail and title agree) or the
      // maker reports devices of this type (an HP Chromebook; not a Logitech "desktop").
      const deviceRobust =
        device !== null &&
        (classification.confidence >= SURE_CATEGORY ||
          this.devices.hasBrand(category.device!, brand ?? firstWord(title)));
      // A price that says less than the product's materials alone (a DESNZ factor × the page's
      // weight, halved for the factor's spread) is misread: a 5 USD game controller of 270 g.
      const floorKg = perKg instanceof ElectronicsWeightCandidate ? perKg.materialFloorKg : null;
      const priceTooLow = spend !== null && perKg !== null && floorKg !== null && spend.makingKg < floorKg / 2;
      const pool = priceTooLow ? candidates.filter((c) => c !== spend) : candidates;
      const anchor = this.anchorOf(pool, deviceRobust);
      used = [];
      if (priceTooLow)
        setAside = [
          {
            candidate: spend!,
            against: perKg!,
            z: this.disagreement(spend!, perKg!),
            reason: `less than half its materials alone (${fmt(floorKg!)} kg by weight)`,
          },
        ];
      for (const candidate of pool) {
        const z = candidate === anchor ? 0 : this.disagreement(candidate, anchor);
        // A check-only witness is combined only when the device model it checks was set aside.
        if (z <= WITNESS.z) {
          if (candidate !== checkOnly || anchor === checkOnly) used.push(candidate);
        } else if (setAside) setAside.push({ candidate, against: anchor, z });
        else setAside = [{ candidate, against: anchor, z }];
      }
      if (setAside && spend && used.includes(spend) && spend.useKgCO2e !== null) {
        // The price's use phase was borrowed from another witness: from the set-aside device, take
        // the category's; when the price outweighed the category's own witnesses, take none.
        const categoryDoubted = anchor === spend && setAside.some((s) => ROBUSTNESS[s.candidate.tier] >= CATEGORY_ONLY);
        const use = categoryDoubted
          ? null
          : device && !used.includes(device)
            ? (item?.useKgCO2e ?? perKg?.useKgCO2e ?? null)
            : spend.useKgCO2e;
        if (use !== spend.useKgCO2e) {
          const replaced = spend.withUse(use);
          used[used.indexOf(spend)] = replaced;
          spend = replaced;
        }
      }
      for (const candidate of used) precisions.push(this.precisionOf(candidate) / candidate.scale ** 2);
      // Most precise first (a stable order: ties keep the order above).
      for (let i = 1; i < used.length; i++) {
        const candidate = used[i]!;
        const weight = precisions[i]!;
        let at = i;
        while (at > 0 && precisions[at - 1]! < weight) {
          used[at] = used[at - 1]!;
          precisions[at] = precisions[at - 1]!;
          at--;
        }
        used[at] = candidate;
        precisions[at] = weight;
      }
      // Methods far less precise than the best one add noise, not information: leave them out.
      while (precisions[used.length - 1]! < precisions[0]! / MIX.threshold) used.pop();
    }
    const bestCandidate = used[0]!;
    let totalWeight = 0;
    let weightedLog = 0;
    const methods: Tier[] = [];
    let method = '';
    let useParts: number[] | null = null;
    for (let i = 0; i < used.length; i++) {
      const candidate = used[i]!;
      totalWeight += precisions[i]!;
      methods.push(candidate.tier);
      method = method ? `${method} + ${TIER_LABEL[candidate.tier]}` : TIER_LABEL[candidate.tier];
      if (candidate.useKgCO2e === null) continue;
      if (useParts) useParts.push(candidate.useKgCO2e);
      else useParts = [candidate.useKgCO2e];
    }
    for (let i = 0; i < used.length; i++) weightedLog += precisions[i]! * log(used[i]!.kgCO2e);
    let kgCO2e = Math.exp(weightedLog / totalWeight);
    let spread = this.spreadOf(bestCandidate);
    // The maker's own stated uncertainty (read as one standard deviation), when it gives one.
    const makerError = same instanceof DeviceCandidate ? same.makerErrorRatio : null;
    if (makerError) {
      const half = Z80 * Math.log1p(makerError);
      spread = { ...spread, q10: -half, q90: half };
    }
    const scale = bestCandidate.scale * (setAside ? WITNESS.widen : 1);
    let low = kgCO2e * Math.exp(spread.q10 * scale);
    let high = kgCO2e * Math.exp(spread.q90 * scale);
    // The range holds every figure the estimate rests on (a witness outside its own range would
    // contradict it), and so the central one.
    for (const candidate of used) {
      if (candidate.kgCO2e < low) low = candidate.kgCO2e;
      if (candidate.kgCO2e > high) high = candidate.kgCO2e;
    }
    let useKgCO2e = useParts ? median(useParts) : null;
    // Making and using apart; a used or refurbished offer counts only part of the making (condition.ts).
    const condition = conditionOf(product);
    const usingKg = useKgCO2e === null ? 0 : Math.min(useKgCO2e, kgCO2e);
    const newMakingKg = kgCO2e - usingKg;
    const conditioned = conditionShare(condition, category);
    const share = conditioned.share;
    if (share !== 1 && kgCO2e > 0) {
      const factor = (newMakingKg * share + usingKg) / kgCO2e;
      kgCO2e *= factor;
      low *= factor;
      high *= factor;
    }
    if (useKgCO2e !== null) useKgCO2e = usingKg;
    // The use table counts when a method other than a maker's report carried it into the figure.
    const tableUse = use && used.some((c) => !(c instanceof DeviceCandidate) && c.useKgCO2e !== null) ? use : null;
    const useSummary: UseSummary | null =
      usingKg > 0
        ? {
            makingKgCO2e: newMakingKg * share,
            usingKgCO2e: usingKg,
            ...(tableUse && !used.some((c) => c instanceof DeviceCandidate)
              ? { kwhPerYear: tableUse.kwhPerYear, years: tableUse.years }
              : { kwhPerYear: null, years: null }),
            grid: (use?.grid ?? gridFor(country)).key,
            gridYear: (use?.grid ?? gridFor(country)).year,
          }
        : null;
    const productKgCO2e = kgCO2e;
    let delivery: number | null = null;
    const mode = options.delivery ?? null;
    if (mode) {
      delivery = deliveryKgCO2e(mode, weightKg ?? 1);
      kgCO2e += delivery;
      low += delivery;
      high += delivery;
    }
    const details = new Details(
      classification,
      used,
      productKgCO2e,
      mode,
      delivery,
      weightKg,
      weightAssumed,
      setAside,
      scale,
    );
    details.useAndCondition(useSummary, tableUse, conditioned, newMakingKg, country !== null);
    const tierSpread = this.calibration[bestCandidate.tier];
    details.range = makerError
      ? { makerError }
      : { n: tierSpread.n, assumed: Boolean(tierSpread.assumed), widened: setAside !== null };
    const confidence =
      Math.round(
        classification.confidence * Math.min(1, 0.5 / Math.max(0.25, (spread.q90 - spread.q10) * scale)) * 100,
      ) / 100;
    const estimate = new Estimate(
      kgCO2e,
      low,
      high,
      makerError
        ? `80 % interval from the maker's stated uncertainty (±${Math.round(makerError * 100)} %, read as one standard deviation)`
        : setAside
          ? `${this.rangeMeaning.get(bestCandidate.tier)!}; widened ${WITNESS.widen}× because the methods disagree (see the steps)`
          : this.rangeMeaning.get(bestCandidate.tier)!,
      category,
      confidence,
      method,
      methods,
      details,
      { productKgCO2e, useKgCO2e, deliveryKgCO2e: delivery },
      weightKg,
      weightAssumed,
      setAside ? DISAGREE_FLAGS : NO_FLAGS,
    );
    // The weight fit over published devices is whole life, though it cannot split making from using.
    estimate.scope =
      useSummary || used.some((c) => c instanceof ElectronicsWeightCandidate) ? 'making-and-using' : 'making';
    estimate.use = useSummary;
    estimate.condition = condition;
    return estimate;
  }

  /** A candidate's calibrated spread: its device type's own, where calibrated, else its tier's. */
  private spreadOf(candidate: Candidate): Spread {
    const spread = this.calibration[candidate.tier];
    const own = candidate.deviceType ? spread.byType?.[candidate.deviceType] : undefined;
    return own ? { ...spread, q10: own.q10, q90: own.q90, n: own.n } : spread;
  }

  private precisionOf(candidate: Candidate): number {
    if (!candidate.deviceType) return this.precision.get(candidate.tier)!;
    const own = this.calibration[candidate.tier].byType?.[candidate.deviceType];
    return own ? precisionOf(own) : this.precision.get(candidate.tier)!;
  }

  /**
   * The witness the others are checked against: the one most others agree with (within their
   * spreads), then the most robust to a misread input, then the most precise.
   */
  private anchorOf(candidates: Candidate[], deviceRobust: boolean): Candidate {
    let anchor = candidates[0]!;
    if (candidates.length === 1) return anchor;
    const rank = (c: Candidate): number =>
      deviceRobust && ROBUSTNESS[c.tier] === CATEGORY_ONLY && c.deviceType ? 2 : ROBUSTNESS[c.tier];
    let bestAgree = -1;
    for (const candidate of candidates) {
      let agree = 0;
      for (const other of candidates)
        if (other !== candidate && this.disagreement(candidate, other) <= WITNESS.z) agree++;
      const better =
        agree > bestAgree ||
        (agree === bestAgree &&
          (rank(candidate) < rank(anchor) ||
            (rank(candidate) === rank(anchor) &&
              this.precisionOf(candidate) / candidate.scale ** 2 > this.precisionOf(anchor) / anchor.scale ** 2)));
      if (better) {
        anchor = candidate;
        bestAgree = agree;
      }
    }
    return anchor;
  }

  /** How many combined standard deviations apart two witnesses' making parts are. */
  private disagreement(a: Candidate, b: Candidate): number {
    const sa = (1 / this.precisionOf(a)) * a.scale ** 2;
    const sb = (1 / this.precisionOf(b)) * b.scale ** 2;
    const ma = a.makingKg > 0 ? a.makingKg : a.kgCO2e;
    const mb = b.makingKg > 0 ? b.makingKg : b.kgCO2e;
    return Math.abs(log(ma / mb)) / Math.sqrt(sa + sb);
  }

  private deviceCandidate(
    product: Product,
    category: Category,
    brand: string | null,
    country: string | null,
    weighedKg: number | null,
  ): Candidate | null {
    if (!category.device || !this.devices.has(category.device)) return null;
    const title = product.title ?? '';
    const prediction = this.devices.predict({
      type: category.device,
      brand: brand ?? firstWord(title),
      title,
      screenInches: parseScreenInches(title),
      year: parseYear(title),
      weightKg: weighedKg,
    });
    if (!prediction) return null;
    // The maker's report for this very product: it is the estimate.
    if (prediction.same) return new DeviceCandidate('published-same', prediction, category, country);
    // Electronics beyond the six well-reported types (smart home, streaming, consoles) spread more.
    // Types with a handful of reports (printers: six office machines of one brand) say little about
    // another brand's products: use them only for their own brand (the nearest report's or, with no
    // near report, a maker with reports of the type), and with the wide tier.
    const sparse = this.devices.count(category.device) < SPARSE_DEVICE_TYPE;
    const nearestBrand =
      prediction.method === 'regression'
        ? this.devices.hasBrand(category.device, brand ?? '')
          ? (brand ?? '').toLowerCase()
          : undefined
        : prediction.neighbours[0]?.row[0].toLowerCase();
    if (sparse && (!brand || !nearestBrand || !brand.toLowerCase().includes(nearestBrand))) return null;
    const tier: Tier =
      sparse || !ELECTRONICS_WITH_REPORTS.has(category.id)
        ? prediction.similarity >= 0.6 && prediction.method !== 'regression'
          ? 'device-other-near'
          : 'device-other'
        : prediction.method === 'regression'
          ? 'device-regression'
          : prediction.similarity >= 0.6
            ? 'device-near'
            : 'device-blend';
    return new DeviceCandidate(tier, prediction, category, country);
  }

  private publishedCandidate(
    product: Product,
    category: Category,
    brand: string | null,
    weighedKg: number | null,
  ): Candidate | null {
    if (category.id === 'unknown') return null;
    const rows = this.publishedByCategory.get(category.id);
    if (!rows) return null;
    const brandName = brand ?? firstWord(product.title);
    const brandKey = normalBrand(brandName);
    const siblings: PublishedEntry[] = [];
    for (const p of rows) if (sameBrand(p.brand, brandKey)) siblings.push(p);
    if (!siblings.length) return null;
    // A sibling whose every name word is in this product's name (and no model number is left over)
    // is this very product: its published figure is the estimate.
    const words = nameTokens(product.title, brandName);
    for (const p of siblings) {
      if (!p.tokens.length || p.tokens.some((t) => !words.includes(t))) continue;
      if (words.some((t) => !p.tokens.includes(t) && /\d/.test(t) && rows.some((q) => q.tokens.includes(t)))) continue;
      return new PublishedCandidate('published-same', p.row[5], [p], brandName, null, 1);
    }
    // Scale by weight only between products of similar size: a USB stick is not a tenth of a DVD box.
    let weighed: PublishedEntry[] | null = null;
    if (weighedKg !== null)
      for (const p of siblings)
        if (p.row[4] !== null && p.row[4] > 0 && Math.abs(Math.log(p.row[4] / weighedKg)) < Math.log(3))
          if (weighed) weighed.push(p);
          else weighed = [p];
    if (weighedKg !== null && weighed) {
      // Each sibling's footprint scaled to this weight, kg ∝ weight^e (e < 1: a product twice as heavy
      // is rarely twice the footprint), averaged with more say for siblings of similar weight and
      // for shared name words ("Aeron"), which mark the same product line.
      let sumW = 0;
      let sumLog = 0;
      let lowest = Number.POSITIVE_INFINITY;
      let highest = Number.NEGATIVE_INFINITY;
      for (const p of weighed) {
        const theirs = p.tokens;
        let common = 0;
        for (const t of theirs) if (words.includes(t)) common++;
        const shared = common / Math.max(1, Math.min(words.length, theirs.length));
        const weightLog = log(weighedKg / p.row[4]!);
        const w = Math.exp(-2 * Math.abs(weightLog)) * (0.1 + shared);
        sumW += w;
        const scaled = log(p.row[5]) + TUNING.weightElasticity * weightLog;
        sumLog += w * scaled;
        if (scaled < lowest) lowest = scaled;
        if (scaled > highest) highest = scaled;
      }
      // Siblings that disagree once scaled to this weight (a product line with 50 and 160 kg desks)
      // make the figure less sure: its interval widens with their range.
      const base = TUNING.siblingBaseSd;
      const scale = Math.sqrt(base ** 2 + ((highest - lowest) / 2) ** 2) / base;
      return new PublishedCandidate(
        'published-brand-weighed',
        Math.exp(sumLog / sumW),
        siblings,
        brandName,
        { toKg: weighedKg, elasticity: TUNING.weightElasticity },
        scale,
      );
    }
    return new PublishedCandidate(
      'published-brand',
      median(siblings.map((p) => p.row[5])),
      siblings,
      brandName,
      null,
      1,
    );
  }

  private itemCandidate(category: Category, use: UsePhase | null): Candidate | null {
    const item = category.item ? TYPICAL_ITEMS[category.item] : undefined;
    if (!item || !category.item) return null;
    const kgCO2e = item.kgMaking + Math.max(0, item.kgEndOfLife) + (use?.kgCO2e ?? 0);
    return new ItemCandidate(kgCO2e, category, item, use);
  }

  private perKgCandidate(
    category: Category,
    weightKg: number | null,
    weightAssumed: boolean,
    quantityText: string | null,
    pageWeight: number | null,
    use: UsePhase | null,
    typicalKg: number,
    noProcessor: boolean,
  ): Candidate | null {
    const factor = perKgFactor(category);
    if (!factor || weightKg === null) return null;
    if (category.group === 'electronics' && category.electric && category.device !== 'printer' && this.byWeight) {
      // Electronics: a material factor × weight misses the chips and boards. The witness is what
      // published electronics of this weight report, whole life (use included), recentred by the
      // tier's calibrated shift. Not printers: their published figures count the paper and toner
      // of their life (Lexmark: 5.6–8.3 t), which the machine's weight says nothing about.
      const fit = this.byWeight;
      const shift = this.calibration['per-kg-electric'].shift ?? 0;
      // Outside the weights the fit was made on, the curve is extrapolated and the range says so
      // (widened by how far outside). Going with the weight instead (exponent 1) was tried: the
      // Chromecast (40 g, 40 kg), held out, fell to 0.25× its figure.
      let kg = Math.exp(fit.a) * weightKg ** fit.e;
      const outsideBy = Math.abs(Math.log(Math.min(fit.maxKg, Math.max(fit.minKg, weightKg)) / weightKg));
      // No processor (a mouse, a game controller): between the material factor × weight and what
      // computing devices of its weight report — their geometric mean.
      const materialKg = noProcessor ? factor.kgPerKg * weightKg : null;
      if (materialKg !== null) kg = Math.sqrt(kg * materialKg);
      kg *= Math.exp(shift);
      return new ElectronicsWeightCandidate(kg, weightKg, weightAssumed, pageWeight, quantityText, fit, shift, {
        outside: outsideBy > 0,
        materialKg,
        materialLabel: factor.label,
        materialPerKg: factor.kgPerKg,
        scale: electricScale(fit.e, weightAssumed, outsideBy, this.calibration['per-kg-electric']),
      });
    }
    // Software, games, films: a page weight below one typical item's (a 9 g USB stick holding a
    // software suite) is not what its footprint is about; the typical weight stands, in the wider tier.
    const floored = category.perItem === true && !weightAssumed && weightKg < typicalKg;
    if (floored) {
      const kg = typicalKg;
      const makingKg = factor.kgPerKg * kg;
      const useKgCO2e = use ? use.kgCO2e : null;
      return new PerKgCandidate(
        'per-kg-typical-weight',
        makingKg + (useKgCO2e ?? 0),
        useKgCO2e,
        factor,
        kg,
        makingKg,
        true,
        pageWeight,
        quantityText,
        use,
        weightKg,
      );
    }
    const tier: Tier = weightAssumed
      ? 'per-kg-typical-weight'
      : category.group === 'food-drink'
        ? 'per-kg-food'
        : 'per-kg';
    const makingKg = factor.kgPerKg * weightKg;
    const useKgCO2e = use ? use.kgCO2e : null;
    const kgCO2e = makingKg + (useKgCO2e ?? 0);
    return new PerKgCandidate(
      tier,
      kgCO2e,
      useKgCO2e,
      factor,
      weightKg,
      makingKg,
      weightAssumed,
      pageWeight,
      quantityText,
      use,
    );
  }

  private spendCandidate(
    product: Product,
    naics: string,
    /** The category is unknown: the widest range, whichever sector's factor is the best estimate. */
    unknown: boolean,
    useKgCO2e: number | null,
    country: string | null,
  ): SpendCandidate | null {
    const price = product.price;
    if (!price || !(price.amount > 0)) return null;
    const usd2022 = toUsd2022(price);
    const factor = EEIO_KG_PER_USD2022[naics];
    if (usd2022 === null || !factor) return null;
    const shelfKg = usd2022 * factor.kgPerUsd2022;
    const kgCO2e = shelfKg + (useKgCO2e ?? 0);
    return new SpendCandidate(
      unknown ? 'spend-unknown' : 'spend',
      kgCO2e,
      useKgCO2e,
      price,
      usd2022,
      naics,
      factor,
      shelfKg,
      country,
    );
  }
}

interface ElectronicsByWeight {
  a: number;
  e: number;
  n: number;
  /** The lightest and heaviest weights the fit was made on. */
  minKg: number;
  maxKg: number;
}

/**
 * A typical weight is within ×3 of the product's (our assumption: the kinds of a category still
 * differ), which makes the figure uncertain by ln 3 × the fit's exponent in log units; a weight
 * outside the fitted ones is an extrapolation, uncertain by half its log distance from them (our
 * assumption: the slope beyond is unknown). Either is added in quadrature to the tier's half width.
 */
const ASSUMED_WEIGHT_FACTOR = 3;

function electricScale(e: number, assumed: boolean, outsideBy: number, spread: Spread): number {
  if (!assumed && !(outsideBy > 0)) return 1;
  const half = Math.max(0.1, (spread.q90 - spread.q10) / 2);
  const extra = (assumed ? e * Math.log(ASSUMED_WEIGHT_FACTOR) : 0) + outsideBy / 2;
  return Math.sqrt(half ** 2 + extra ** 2) / half;
}

/** The kind within a category that the title names (`Category.kinds`), if any. */
function kindOf(category: Category, title: string): NonNullable<Category['kinds']>[number] | null {
  if (!category.kinds || !title) return null;
  let patterns = KIND_PATTERNS.get(category);
  if (!patterns) {
    patterns = category.kinds.map((kind) => {
      const latin = kind.words.filter((w) => /^[\p{Script=Latin}\d\s!-]+$/u.test(w));
      const other = kind.words.filter((w) => !latin.includes(w));
      const quote = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const parts = [
        // Whole words, or the last part of a German compound (Funkmaus, Funktastatur).
        ...(latin.length ? [`(?:${latin.map(quote).join('|')})(?![\\p{L}\\d])`] : []),
        ...other.map(quote),
      ];
      return new RegExp(parts.join('|'), 'iu');
    });
    KIND_PATTERNS.set(category, patterns);
  }
  for (let i = 0; i < patterns.length; i++) if (patterns[i]!.test(title)) return category.kinds[i]!;
  return null;
}
const KIND_PATTERNS = new WeakMap<Category, RegExp[]>();

/**
 * Least squares of log kg CO2e on log weight over the published device footprints that give a
 * weight (Boavizta: 789 of 925 rows, laptops to smart speakers; kg ≈ 204 × weight^0.56 on the
 * committed rows). Null with fewer than 20 such rows or no spread of weights.
 */
function fitByWeight(devices: readonly DeviceRow[]): ElectronicsByWeight | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let minKg = Number.POSITIVE_INFINITY;
  let maxKg = 0;
  for (const row of devices)
    if (row[5] !== null && row[5] > 0) {
      n++;
      minKg = Math.min(minKg, row[5]);
      maxKg = Math.max(maxKg, row[5]);
      sx += log(row[5]);
      sy += log(row[3]);
    }
  if (n < 20) return null;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (const row of devices)
    if (row[5] !== null && row[5] > 0) {
      sxy += (log(row[5]) - mx) * (log(row[3]) - my);
      sxx += (log(row[5]) - mx) ** 2;
    }
  if (!(sxx > 0)) return null;
  const e = sxy / sxx;
  return { a: my - e * mx, e, n, minKg, maxKg };
}

let defaultEstimator: FootprintEstimator | null = null;
/** The country whose grid applies when neither the options nor the product name one (see setFallbackCountry). */
let fallbackCountry: string | null = null;

/**
 * Sets the country used for the use phase when neither the options nor the product give one (the
 * extension passes the browser's country; the CLI leaves it unset, so the world average applies).
 */
export function setFallbackCountry(country: string | null): void {
  const next = country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : null;
  if (next === fallbackCountry) return;
  fallbackCountry = next;
  memo.clear();
}

// A listing page estimates the same products again and again (every badge, and every item's
// alternatives compare it with all the others), so recent results are kept. The estimate is a
// pure function of these fields, so a hit returns exactly what a fresh run would.
const MEMO_SIZE = 2000;
const memo = new Map<string, FootprintEstimate | null>();
const memoKey = (p: Product, o: EstimateOptions): string =>
  JSON.stringify([p.title, p.brand, p.category, p.price, p.weightKg, p.country, p.condition, o.country, o.delivery]);

/**
 * Estimates a product's footprint, or null when nothing we know applies (no category factor, no
 * price). Results are shared between calls with the same product: treat them as read-only.
 */
export function estimateFootprint(product: Product, options: EstimateOptions = {}): FootprintEstimate | null {
  const key = memoKey(product, options);
  const hit = memo.get(key);
  if (hit !== undefined) {
    // Refresh its place so the least recently used entry is the one dropped.
    memo.delete(key);
    memo.set(key, hit);
    return hit;
  }
  defaultEstimator ??= new FootprintEstimator({ devices: DEVICES, published: PUBLISHED });
  const estimate = defaultEstimator.estimate(
    product,
    fallbackCountry && !options.country && !product.country ? { ...options, country: fallbackCountry } : options,
  );
  memo.set(key, estimate);
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
  return estimate;
}

export type { Classification };
