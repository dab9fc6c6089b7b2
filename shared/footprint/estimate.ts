// Footprint estimation: every method that applies to a product gives a figure with a calibrated
// spread; the figures are combined by their precision, and the range is the calibrated 80 %
// interval of the most precise one. Pure and deterministic: no DOM, no clock, no randomness.

import type { Condition, Product } from '../product.ts';
import {
  type Candidate,
  DeviceCandidate,
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
import { type ConditionShare, conditionOf, conditionShare, conditionStep } from './condition.ts';
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
import { toUsd2022 } from './money.ts';
import { parseQuantity, parseScreenInches, parseYear } from './parse.ts';
import type { Source, SourceId } from './sources.ts';
import { type Category, ELECTRONICS_WITH_REPORTS } from './taxonomy.ts';
import { gridFor, gridInWords, type UsePhase, usePhaseFor } from './use-phase.ts';

export type { Tier } from './data/calibration.ts';

export interface EstimateOptions {
  /** ISO country of the shop (or the shopper), for use-phase electricity. Defaults to product.country. */
  country?: string | null;
  /** Add the delivery of the parcel by this mode to the total. */
  delivery?: DeliveryMode | null;
}

export interface FootprintEstimate {
  /** Central estimate, kg CO2e per offer (the whole pack), life cycle as the method's sources define it. */
  kgCO2e: number;
  low: number;
  high: number;
  /** What `low`–`high` means, in words. */
  rangeMeaning: string;
  category: string;
  categoryLabel: string;
  /** 2017 NAICS commodity of the spend-based factor (the classifier's sector; 339999 when the text says nothing). */
  sector: string;
  confidence: number;
  /** The methods used, in words, most precise first. */
  method: string;
  /** Machine-readable method tiers, most precise first. */
  methods: Tier[];
  steps: string[];
  sources: Source[];
  breakdown: { productKgCO2e: number; useKgCO2e: number | null; deliveryKgCO2e: number | null };
  /** Whether the figure counts the electricity of using the product ("making-and-using") or not. */
  scope: 'making' | 'making-and-using';
  /** Making and using apart (using null when not counted); making after the condition's share. */
  use: UseSummary | null;
  /** The offer's condition as estimated: a used or refurbished one counts only part of the making. */
  condition: Condition;
  /** The weight used, and whether it was our typical-weight assumption. */
  weightKg: number | null;
  weightAssumed: boolean;
}

export interface UseSummary {
  makingKgCO2e: number;
  usingKgCO2e: number;
  /** kWh a year and years counted, when the use came from our use table (null for a maker's report). */
  kwhPerYear: number | null;
  years: number | null;
  /** Grid key (ISO country or WORLD) and the year of its intensity. */
  grid: string;
  gridYear: number;
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
export const MIX = { threshold: 4 };
/**
 * Chosen by cross-validation (docs/methods.md): how a brand sibling's footprint scales with weight,
 * and the spread (log units) of a sibling-scaled figure when the siblings agree: siblings whose
 * scaled footprints disagree widen it, sd = √(base² + (range / 2)²).
 */
export const TUNING = { weightElasticity: 0.5, siblingBaseSd: 0.3 };

function perKgFactorOf(category: Category): PerKgFactor | null {
  const ref = category.perKg;
  if (!ref) return null;
  if (ref.table === 'agribalyse') {
    const row = AGRIBALYSE_KG_PER_KG[ref.key];
    return row
      ? { kgPerKg: row.kgPerKg, label: `Agribalyse "${ref.key}" median`, sources: src('agribalyse-3.2') }
      : null;
  }
  if (ref.table === 'poore') {
    const row = POORE_NEMECEK_KG_PER_KG[ref.key];
    return row
      ? { kgPerKg: row.kgPerKg, label: `Poore & Nemecek "${ref.key}"`, sources: src('poore-nemecek-2018') }
      : null;
  }
  if (ref.table === 'desnz') {
    const row = MATERIAL_KG_PER_KG[ref.key];
    return row ? { kgPerKg: row.kgPerKg, label: `DESNZ material "${ref.key}"`, sources: src('desnz-2025') } : null;
  }
  const row = NAMED_KG_PER_KG[ref.key];
  return row
    ? { kgPerKg: row.kgPerKg, label: `${ref.key}: ${row.how}`, sources: src(...(row.src as SourceId[])) }
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
const precisionOf = (s: Spread): number => 1 / ((s.q90 - s.q10) / (2 * Z80)) ** 2;

export class FootprintEstimator {
  private readonly devices: DeviceModel;
  private readonly published: PublishedEntry[];
  /** The published rows of each category, in table order. */
  private readonly publishedByCategory = new Map<string, PublishedEntry[]>();
  private readonly calibration: Record<Tier, Spread>;
  private readonly precision = new Map<Tier, number>();
  private readonly rangeMeaning = new Map<Tier, string>();

  constructor(tables: FootprintTables) {
    this.calibration = tables.calibration ?? CALIBRATION;
    for (const tier of Object.keys(TIER_LABEL) as Tier[]) {
      const spread = this.calibration[tier];
      this.precision.set(tier, precisionOf(spread));
      this.rangeMeaning.set(tier, `80 % interval (${spread.assumed ? 'assumed' : 'calibrated'}): ${spread.note}`);
    }
    this.devices = new DeviceModel(tables.devices);
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
    const weightKg = weighedKg ?? (category.id === 'unknown' ? null : category.typicalKg);
    const weightAssumed = weighedKg === null && weightKg !== null;
    const brand = product.brand ?? null;

    const candidates: Candidate[] = [];
    const device = this.deviceCandidate(product, category, brand, country);
    if (device) candidates.push(device);
    const published = this.publishedCandidate(product, category, brand, weighedKg);
    if (published) candidates.push(published);
    // Electricity as people use the product, on the shop's (or shopper's) grid (use-phase.ts).
    const use = category.electric ? usePhaseFor(category.id, country, title) : null;
    const item = this.itemCandidate(category, use);
    const perKg = this.perKgCandidate(category, weightKg, weightAssumed, quantity?.text ?? null, pageWeight, use);
    // A typical item stands for a typical weight; with a real weight the per-kg figure is better.
    if (item && (weightAssumed || !perKg)) candidates.push(item);
    // Per-kg factors cover making only; for devices with published whole-life footprints they would
    // drag a better figure down, so they step in only when no device model applies.
    if (perKg && !device) candidates.push(perKg);
    // Spend-based factors stop at the shop shelf; electric products get the same use phase as the others.
    const useForSpend = device?.useKgCO2e ?? item?.useKgCO2e ?? perKg?.useKgCO2e ?? null;
    const spend = this.spendCandidate(product, classification.naics, category.id === 'unknown', useForSpend, country);
    if (spend) candidates.push(spend);
    if (!candidates.length) return null;

    // Precision-weighted mean of the logs; the range is the most precise method's calibrated interval.
    // Most precise first (a stable order: ties keep the order above).
    const used = candidates;
    const precisions: number[] = [];
    for (const candidate of used) precisions.push(this.precision.get(candidate.tier)! / candidate.scale ** 2);
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
    const bestCandidate = used[0]!;
    // Methods far less precise than the best one add noise, not information: leave them out.
    while (precisions[used.length - 1]! < precisions[0]! / MIX.threshold) used.pop();
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
    const spread = this.calibration[bestCandidate.tier];
    const scale = bestCandidate.scale;
    let low = kgCO2e * Math.exp(spread.q10 * scale);
    let high = kgCO2e * Math.exp(spread.q90 * scale);
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
    const details = new Details(classification, used, productKgCO2e, mode, delivery, weightKg, weightAssumed);
    details.useAndCondition(useSummary, tableUse, conditioned, newMakingKg, country !== null);
    const confidence =
      Math.round(
        classification.confidence * Math.min(1, 0.5 / Math.max(0.25, (spread.q90 - spread.q10) * scale)) * 100,
      ) / 100;
    const estimate = new Estimate(
      kgCO2e,
      low,
      high,
      this.rangeMeaning.get(bestCandidate.tier)!,
      category,
      confidence,
      method,
      methods,
      details,
      { productKgCO2e, useKgCO2e, deliveryKgCO2e: delivery },
      weightKg,
      weightAssumed,
    );
    estimate.scope = useSummary ? 'making-and-using' : 'making';
    estimate.use = useSummary;
    estimate.condition = condition;
    return estimate;
  }

  private deviceCandidate(
    product: Product,
    category: Category,
    brand: string | null,
    country: string | null,
  ): Candidate | null {
    if (!category.device || !this.devices.has(category.device)) return null;
    const title = product.title ?? '';
    const prediction = this.devices.predict({
      type: category.device,
      brand: brand ?? firstWord(title),
      title,
      screenInches: parseScreenInches(title),
      year: parseYear(title),
    });
    if (!prediction) return null;
    // Electronics beyond the six well-reported types (smart home, streaming, consoles) spread more.
    // Types with a handful of reports (printers: six office machines of one brand) say little about
    // another brand's products: use them only for their own brand, and with the wide tier.
    const sparse = this.devices.count(category.device) < SPARSE_DEVICE_TYPE;
    const nearestBrand = prediction.neighbours[0]?.row[0].toLowerCase();
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
      const words = nameTokens(product.title, brandName);
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
  ): Candidate | null {
    const factor = perKgFactor(category);
    if (!factor || weightKg === null) return null;
    const makingKg = factor.kgPerKg * weightKg;
    const useKgCO2e = use ? use.kgCO2e : null;
    const kgCO2e = makingKg + (useKgCO2e ?? 0);
    const tier: Tier = weightAssumed
      ? 'per-kg-typical-weight'
      : category.group === 'food-drink'
        ? 'per-kg-food'
        : 'per-kg';
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
  ): Candidate | null {
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

/**
 * An estimate as returned. Steps and sources are own, enumerable getters (so JSON and structured
 * clone include them) built on first read and kept. They are shared functions that find the
 * estimate's details in a private field: per-estimate closures would put every result in V8's slow
 * dictionary mode and cost more than the rest of the estimate's bookkeeping.
 */
class Estimate implements FootprintEstimate {
  declare kgCO2e: number;
  declare low: number;
  declare high: number;
  declare rangeMeaning: string;
  declare category: string;
  declare categoryLabel: string;
  declare sector: string;
  declare confidence: number;
  declare method: string;
  declare methods: Tier[];
  declare readonly steps: string[];
  declare readonly sources: Source[];
  declare breakdown: FootprintEstimate['breakdown'];
  declare weightKg: number | null;
  declare weightAssumed: boolean;
  declare scope: FootprintEstimate['scope'];
  declare use: UseSummary | null;
  declare condition: Condition;
  #details: Details;

  static readonly #steps: PropertyDescriptor = {
    get(this: Estimate) {
      return this.#details.steps();
    },
    enumerable: true,
    configurable: true,
  };
  static readonly #sources: PropertyDescriptor = {
    get(this: Estimate) {
      return this.#details.sources();
    },
    enumerable: true,
    configurable: true,
  };

  constructor(
    kgCO2e: number,
    low: number,
    high: number,
    rangeMeaning: string,
    category: Category,
    confidence: number,
    method: string,
    methods: Tier[],
    details: Details,
    breakdown: FootprintEstimate['breakdown'],
    weightKg: number | null,
    weightAssumed: boolean,
  ) {
    this.#details = details;
    // Assigned in the order the fields have always had (JSON output keeps it).
    this.kgCO2e = kgCO2e;
    this.low = low;
    this.high = high;
    this.rangeMeaning = rangeMeaning;
    this.category = category.id;
    this.categoryLabel = category.label;
    this.confidence = confidence;
    this.method = method;
    this.methods = methods;
    Object.defineProperty(this, 'steps', Estimate.#steps);
    Object.defineProperty(this, 'sources', Estimate.#sources);
    this.breakdown = breakdown;
    this.weightKg = weightKg;
    this.weightAssumed = weightAssumed;
    this.sector = details.sector;
  }
}

/** What an estimate needs to explain itself; steps and sources are built on first read and kept. */
class Details {
  private builtSteps: string[] | undefined;
  private builtSources: Source[] | undefined;

  private readonly classification: Classification;
  readonly sector: string;
  private readonly used: Candidate[];
  private readonly productKgCO2e: number;
  private readonly mode: DeliveryMode | null;
  private readonly delivery: number | null;
  private readonly weightKg: number | null;
  private readonly weightAssumed: boolean;
  private useSummary: UseSummary | null = null;
  private use: UsePhase | null = null;
  private condition: ConditionShare | null = null;
  private newMakingKg = 0;
  private countryKnown = false;

  constructor(
    classification: Classification,
    used: Candidate[],
    productKgCO2e: number,
    mode: DeliveryMode | null,
    delivery: number | null,
    weightKg: number | null,
    weightAssumed: boolean,
  ) {
    this.classification = classification;
    this.sector = classification.naics;
    this.used = used;
    this.productKgCO2e = productKgCO2e;
    this.mode = mode;
    this.delivery = delivery;
    this.weightKg = weightKg;
    this.weightAssumed = weightAssumed;
  }

  /** What the making/using and condition steps need (set once, right after construction). */
  useAndCondition(
    summary: UseSummary | null,
    use: UsePhase | null,
    condition: ConditionShare,
    newMakingKg: number,
    countryKnown: boolean,
  ): void {
    this.countryKnown = countryKnown;
    this.useSummary = summary;
    this.use = use;
    this.condition = condition;
    this.newMakingKg = newMakingKg;
  }

  steps(): string[] {
    if (this.builtSteps) return this.builtSteps;
    const { classification, used, mode, delivery, weightKg } = this;
    const lines = [
      `Category: ${classification.category.label} (${classification.evidence}; confidence ${classification.confidence}; sector NAICS ${this.sector} ${EEIO_KG_PER_USD2022[this.sector]?.title ?? ''})`,
      ...used.flatMap((c) => c.steps()),
    ];
    if (used.length > 1)
      lines.push(
        `Combined ${used.map((c) => `${fmt(c.kgCO2e)} kg (${c.tier})`).join(', ')} weighted by their calibrated precision → ${fmt(this.productKgCO2e)} kg CO2e`,
      );
    lines.push(...this.useAndConditionSteps());
    if (mode && delivery !== null)
      lines.push(`Delivery (${mode}, ${fmt(weightKg ?? 1)} kg parcel): +${fmt(delivery)} kg CO2e (ADEME)`);
    this.builtSteps = lines;
    return lines;
  }

  private useAndConditionSteps(): string[] {
    const { useSummary, use, condition } = this;
    const lines: string[] = [];
    if (condition && condition.condition !== 'new') lines.push(conditionStep(condition, this.newMakingKg));
    if (useSummary) {
      if (use && useSummary.kwhPerYear !== null)
        lines.push(
          `Use as people use it: ${use.kwhPerYear >= 10 ? Math.round(use.kwhPerYear) : fmt(use.kwhPerYear)} kWh a year (${use.basis}) × ${use.years} years × ${Math.round(use.grid.kgPerKwh * 1000)} g/kWh (${gridInWords(use.grid)}, Ember ${use.grid.year})`,
        );
      const grid = gridInWords(gridFor(useSummary.grid));
      const how =
        useSummary.years !== null
          ? `${useSummary.years} years on ${grid}`
          : this.countryKnown
            ? `as the maker reported it, moved to ${grid}`
            : 'as the maker reported it';
      lines.push(`Making ${fmt(useSummary.makingKgCO2e)} kg · using, ${how}, ${fmt(useSummary.usingKgCO2e)} kg`);
    } else lines.push(`Making only: no electricity for using it is counted`);
    return lines;
  }

  sources(): Source[] {
    this.builtSources ??= dedupe([
      ...this.used.flatMap((c) => c.sources()),
      ...(this.useSummary && this.use ? this.use.sources : []),
      ...(this.condition?.sources ?? []),
      ...(this.delivery !== null ? src('ademe-impactco2-delivery') : []),
      ...(this.weightAssumed ? src('carbon-ledger-assumption') : []),
    ]);
    return this.builtSources;
  }
}

const TIER_LABEL: Record<Tier, string> = {
  'device-near': 'published footprint of a near product',
  'device-blend': 'near products and regression over published footprints',
  'device-regression': 'regression over published footprints of the category',
  'device-other': 'near products with published footprints',
  'device-other-near': 'published footprint of a near product',
  'published-brand': 'published footprints of the same brand',
  'published-brand-weighed': 'published footprints of the same brand, scaled by weight',
  'per-kg': 'per-kg factor × weight',
  'per-kg-food': 'food per-kg factor × weight',
  'per-kg-typical-weight': 'per-kg factor × typical weight (assumed)',
  'typical-item': 'typical item (ADEME)',
  spend: 'spend-based (US EPA supply-chain factors)',
  'spend-unknown': 'spend-based, category unknown',
};

function dedupe(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.title}|${s.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
