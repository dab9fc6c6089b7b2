// An estimate as the estimator returns it: its shape (FootprintEstimate) and the class that builds
// it, whose steps and sources are read from an explanation made by the estimator (estimate.ts).

import type { Lang } from '../i18n/format.ts';
import type { Condition } from '../product.ts';
import type { Tier } from './data/calibration.ts';
import type { Source } from './sources.ts';
import type { Category } from './taxonomy.ts';

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
  /**
   * What the shopper should know about how sure the figure is: `witnesses-disagree` when a method
   * was set aside for disagreeing with a more robust one by far more than their spreads allow.
   */
  flags: EstimateFlag[];
}

export type EstimateFlag = 'witnesses-disagree';

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

/** What an estimate reads of the estimator's explanation of it. */
export interface Explanation {
  readonly sector: string;
  /** How many times its best method's calibrated spread the range is (before holding the witnesses). */
  readonly scale: number;
  /** The device type of the method that set the range, when it is a device tier. */
  readonly rangeType: string | null;
  /** The steps, in words (built on first read and kept), in English unless another language is asked for. */
  steps(lang?: Lang): string[];
  /** What the range means, in German or Chinese. */
  rangeMeaning(lang: Exclude<Lang, 'en'>): string;
  /** The sources, each once (built on first read and kept). */
  sources(): Source[];
}

/**
 * An estimate as returned. Steps and sources are own, enumerable getters (so JSON and structured
 * clone include them) built on first read and kept. They are shared functions that find the
 * estimate's details in a private field: per-estimate closures would put every result in V8's slow
 * dictionary mode and cost more than the rest of the estimate's bookkeeping.
 */
export class Estimate implements FootprintEstimate {
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
  declare flags: EstimateFlag[];
  declare scope: FootprintEstimate['scope'];
  declare use: UseSummary | null;
  declare condition: Condition;
  #details: Explanation;

  /** The steps in German or Chinese (English: `steps`), built on first read and kept. */
  stepsIn(lang: Lang): string[] {
    return this.#details.steps(lang);
  }

  /** What `low`–`high` means, in the language asked for. */
  rangeMeaningIn(lang: Lang): string {
    return lang === 'en' ? this.rangeMeaning : this.#details.rangeMeaning(lang);
  }

  /** How many times its best method's calibrated spread the range was made (for calibration). */
  get rangeScale(): number {
    return this.#details.scale;
  }

  /** The device type of the method that set the range, when it is a device tier. */
  get rangeType(): string | null {
    return this.#details.rangeType;
  }

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
    details: Explanation,
    breakdown: FootprintEstimate['breakdown'],
    weightKg: number | null,
    weightAssumed: boolean,
    flags: EstimateFlag[],
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
    this.flags = flags;
  }
}

export const NO_FLAGS: EstimateFlag[] = [];
export const DISAGREE_FLAGS: EstimateFlag[] = ['witnesses-disagree'];
