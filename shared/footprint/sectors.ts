// The learned sector model: multinomial logistic regression over the hashed text features of
// sector-features.ts, trained by scripts/train-sectors.ts into data/sector-model.ts. It names the
// 2017 NAICS commodity whose spend-based factor applies, with a calibrated probability, and the
// taxonomy category that sector stands for. Scoring a title costs a few dozen table lookups, and
// work only for the classes its words touch (the others keep their bias, summed once at load).

import { SECTOR_MODEL } from './data/sector-model.ts';
import { MAX_FEATURES, ruleFeature, textFeatures } from './sector-features.ts';

export interface SectorModelTable {
  /** NAICS-6 code of each class. */
  sectors: string[];
  /** Taxonomy category id each class stands for ('' where no category fits: unknown). */
  categories: string[];
  /** Each class's EPA factor, kg CO2e per 2022 USD (epa-supply-chain-v1.3), for the choice between close classes. */
  factors: number[];
  /** Per-class bias, quantised (× 1 / quantum). */
  bias: number[];
  /** Weights quantised as integers: `hash36 class:weight class:weight;...`, one feature each. */
  weights: string;
  /** Size of one quantisation step. */
  quantum: number;
  /** Divides scores before the softmax (fitted on out-of-fold predictions). */
  temperature: number;
  /** Where the training data came from, with licences. */
  sources: { name: string; licence: string; url: string; rows: number }[];
  /** Figures measured out of fold on the training part, as written by the training script. */
  trainedOn: string;
}

export interface SectorPrediction {
  /** NAICS-6 of the most probable sector. */
  naics: string;
  /** Calibrated probability that this is the sector an expert would choose. */
  probability: number;
  /** Calibrated probability of the most probable sector (which the choice may differ from). */
  topProbability: number;
  /** The most probable sector, the category it stands for ('' when none), and its industry's probability. */
  topNaics: string;
  topCategory: string;
  topIndustryProbability: number;
  /** Calibrated probability that the expert's sector is of the chosen sector's industry (first three digits). */
  industryProbability: number;
  /** The same for the industry of the keyword rules' category. */
  ruleIndustryProbability: number;
  /** Expected absolute percentage error of the chosen sector's factor under the model. */
  risk: number;
  /** The taxonomy category it stands for, or '' when none does. */
  category: string;
  /** How many times likelier the chosen sector's industry is after reading the text than before (the prior). */
  industryLift: number;
}

/**
 * How many of the most probable classes the choice weighs. Out of fold on the training part (rules
 * + model): 8, 12, 20 and 30 gave 27.6, 27.5, 27.1 and 27.6 % MAPE (16.3, 16.2, 15.3 and 15.4 % of
 * titles more than 2× off). Weighing every class (the exact minimum of the expected error, a
 * weighted median of the factors) did worse, 28.3–29.6 % at temperatures 0.7–0.9: the posterior's
 * far tail, hundreds of classes at a fraction of a percent each, is not calibrated enough to steer
 * the choice, and counting it as a 100 % error (below) keeps the choice among plausible sectors.
 */
const TOP_K = 20;

export interface SectorChoice {
  /** Class chosen. */
  index: number;
  /** Its probability. */
  probability: number;
  /** The most probable class. */
  top: number;
  /** Its probability. */
  topProbability: number;
  /** Expected absolute percentage error of the chosen class's factor. */
  risk: number;
}

/**
 * Of the TOP_K most probable classes (given in order with their probabilities), the one whose factor
 * has the least expected absolute percentage error against them: a sure class is chosen as it is;
 * between a 1.1 and a 0.4 kg/$ food sector it leans to the one that errs least. The probability
 * beyond the top K counts as a 100 % error.
 */
function leastRisk(classes: Int32Array, weights: Float64Array, k: number, factors: Float64Array): SectorChoice {
  let best = 0;
  let bestRisk = Number.POSITIVE_INFINITY;
  for (let s = 0; s < k; s++) {
    const f = factors[classes[s]!]!;
    let risk = 0;
    let covered = 0;
    for (let c = 0; c < k; c++) {
      const fc = factors[classes[c]!]!;
      risk += (weights[c]! * Math.abs(f - fc)) / fc;
      covered += weights[c]!;
    }
    risk += 1 - covered;
    if (risk < bestRisk) {
      bestRisk = risk;
      best = s;
    }
  }
  return {
    index: classes[best]!,
    probability: weights[best]!,
    top: classes[0]!,
    topProbability: weights[0]!,
    risk: bestRisk,
  };
}

/** Inserts class `c` with `score` into the descending top list of length k (≤ TOP_K); returns the new length. */
function insertTop(classes: Int32Array, scores: Float64Array, k: number, c: number, score: number): number {
  if (k === TOP_K && score <= scores[k - 1]!) return k;
  let at = k < TOP_K ? k : k - 1;
  while (at > 0 && scores[at - 1]! < score) {
    classes[at] = classes[at - 1]!;
    scores[at] = scores[at - 1]!;
    at--;
  }
  classes[at] = c;
  scores[at] = score;
  return k < TOP_K ? k + 1 : k;
}

/**
 * The choice over every class's score: the definition the model's fast path must match (tested),
 * and what the training script uses on its out-of-fold scores.
 */
export function chooseFromScores(scores: Float64Array, factors: Float64Array, temperature: number): SectorChoice {
  const classes = new Int32Array(TOP_K);
  const top = new Float64Array(TOP_K);
  let k = 0;
  for (let c = 0; c < scores.length; c++) k = insertTop(classes, top, k, c, scores[c]!);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += Math.exp((scores[c]! - top[0]!) / temperature);
  const weights = new Float64Array(TOP_K);
  for (let i = 0; i < k; i++) weights[i] = Math.exp((top[i]! - top[0]!) / temperature) / sum;
  return leastRisk(classes, weights, k, factors);
}

/** 1 / √n: feature counts are scaled by the text's length, as in training. */
const LENGTH_SCALE = Float64Array.from({ length: MAX_FEATURES + 1 }, (_, n) => (n ? 1 / Math.sqrt(n) : 0));

/** The model, with its weights in an open-addressing table from feature hash to row, built once. */
export class SectorModel {
  readonly sectors: string[];
  readonly categories: string[];
  readonly temperature: number;
  /** Each class's EPA factor. */
  readonly factors: Float64Array;
  /** Each class's industry: the first three digits of its sector, as a number. */
  readonly industries: Int32Array;
  private readonly bias: Float64Array;
  private readonly keys: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  /** Row r's entries are entryClass/entryWeight[rowStart[r] .. rowStart[r + 1]). */
  private readonly rowStart: Int32Array;
  private readonly entryClass: Uint16Array;
  private readonly entryWeight: Float32Array;
  /** Classes by bias, highest first; exp((bias − highest bias) / T) of each, their sum, and by industry. */
  private readonly biasOrder: Int32Array;
  private readonly expBias: Float64Array;
  private readonly totalExpBias: number;
  private readonly industryExpBias = new Float64Array(1000);
  // Per-text state, reused: the classes the text's features touched (stamped with the text's number).
  private readonly features = new Int32Array(MAX_FEATURES);
  private readonly scores: Float64Array;
  private readonly stamp: Uint32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private text = 0;
  private top = 0;
  private sum = 1;
  private untouchedScale = 0;
  private readonly topClasses = new Int32Array(TOP_K);
  private readonly topScores = new Float64Array(TOP_K);
  private readonly topWeights = new Float64Array(TOP_K);

  constructor(table: SectorModelTable) {
    const n = table.sectors.length;
    this.sectors = table.sectors;
    this.categories = table.categories;
    this.temperature = table.temperature;
    this.factors = Float64Array.from(table.factors);
    this.bias = Float64Array.from(table.bias, (b) => b * table.quantum);
    this.industries = Int32Array.from(table.sectors, (code) => Number(code.slice(0, 3)));
    this.scores = new Float64Array(n);
    this.stamp = new Uint32Array(n);
    this.touched = new Int32Array(n);
    this.biasOrder = Int32Array.from(table.sectors.keys()).sort((a, b) => this.bias[b]! - this.bias[a]! || a - b);
    const highest = n ? this.bias[this.biasOrder[0]!]! : 0;
    this.expBias = Float64Array.from(this.bias, (b) => Math.exp((b - highest) / this.temperature));
    let total = 0;
    for (let c = 0; c < n; c++) {
      total += this.expBias[c]!;
      this.industryExpBias[this.industries[c]!]! += this.expBias[c]!;
    }
    this.totalExpBias = total;
    const lines = table.weights ? table.weights.split(';') : [];
    let size = 1;
    while (size < lines.length * 2) size <<= 1;
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    this.rowStart = new Int32Array(lines.length + 1);
    let entries = 0;
    for (const line of lines) entries += line.split(' ').length - 1;
    this.entryClass = new Uint16Array(entries);
    this.entryWeight = new Float32Array(entries);
    let at = 0;
    lines.forEach((line, row) => {
      const parts = line.split(' ');
      const hash = Number.parseInt(parts[0]!, 36) | 0;
      let slot = hash & this.mask;
      while (this.rows[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = hash;
      this.rows[slot] = row;
      this.rowStart[row] = at;
      for (let p = 1; p < parts.length; p++) {
        const [cls, weight] = parts[p]!.split(':');
        this.entryClass[at] = Number(cls);
        this.entryWeight[at] = Number(weight) * table.quantum;
        at++;
      }
    });
    this.rowStart[lines.length] = at;
  }

  private row(hash: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const row = this.rows[slot]!;
      if (row === -1 || this.keys[slot] === hash) return row;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Scores the classes the text's features touch (the others keep their bias); false when no word
   * of the title or of the narrowest trail element is known.
   */
  private score(title: string, trail: readonly string[], rule: number): boolean {
    const features = this.features;
    let count = textFeatures(title, features, 0, 1);
    // The narrowest trail element counts twice: it is the shop's own word for the product.
    if (trail.length) count = textFeatures(trail[trail.length - 1]!, features, count, 2);
    const words = count;
    // The keyword rules' category is one more input (0: none given), but not a word of the text.
    if (rule !== 0 && count < features.length) features[count++] = rule;
    if (++this.text === 0xffffffff) {
      this.stamp.fill(0);
      this.text = 1;
    }
    const text = this.text;
    const { scores, stamp, touched, bias, entryClass, entryWeight, rowStart } = this;
    const scale = LENGTH_SCALE[Math.min(count, MAX_FEATURES)]!;
    let touchedCount = 0;
    let known = 0;
    for (let f = 0; f < count; f++) {
      const row = this.row(features[f]!);
      if (row < 0) continue;
      if (f < words) known++;
      for (let e = rowStart[row]!, end = rowStart[row + 1]!; e < end; e++) {
        const c = entryClass[e]!;
        if (stamp[c] !== text) {
          stamp[c] = text;
          scores[c] = bias[c]!;
          touched[touchedCount++] = c;
        }
        scores[c]! += entryWeight[e]! * scale;
      }
    }
    this.touchedCount = touchedCount;
    return known > 0;
  }

  /** Every class's score for the text (a reused buffer: copy to keep), or null when no word is known. */
  scoresOf(title: string, trail: readonly string[], rule: number): Float64Array | null {
    if (!this.score(title, trail, rule)) return null;
    for (let c = 0; c < this.scores.length; c++) if (this.stamp[c] !== this.text) this.scores[c] = this.bias[c]!;
    return this.scores;
  }

  /** The sector to use for the text (see leastRisk), or null when no word of it is known. */
  choose(title: string, trail: readonly string[], rule: number, factors: Float64Array): SectorChoice | null {
    if (!this.score(title, trail, rule)) return null;
    const { scores, stamp, touched, bias, biasOrder, expBias, temperature, text } = this;
    const n = this.touchedCount;
    const classes = this.topClasses;
    const topScores = this.topScores;
    let k = 0;
    let touchedExpBias = 0;
    for (let i = 0; i < n; i++) {
      const c = touched[i]!;
      k = insertTop(classes, topScores, k, c, scores[c]!);
      touchedExpBias += expBias[c]!;
    }
    // Untouched classes by bias, highest first: once TOP_K of them are in, no later one can enter.
    for (let i = 0, taken = 0; i < biasOrder.length && taken < TOP_K; i++) {
      const c = biasOrder[i]!;
      if (stamp[c] === text) continue;
      k = insertTop(classes, topScores, k, c, bias[c]!);
      taken++;
    }
    const top = topScores[0]!;
    // Untouched classes add exp((bias − top) / T) each: their precomputed sum, rescaled.
    const untouchedScale = n < biasOrder.length ? Math.exp((bias[biasOrder[0]!]! - top) / temperature) : 0;
    let sum = untouchedScale * Math.max(0, this.totalExpBias - touchedExpBias);
    for (let i = 0; i < n; i++) sum += Math.exp((scores[touched[i]!]! - top) / temperature);
    const weights = this.topWeights;
    for (let i = 0; i < k; i++) weights[i] = Math.exp((topScores[i]! - top) / temperature) / sum;
    this.top = top;
    this.sum = sum;
    this.untouchedScale = untouchedScale;
    return leastRisk(classes, weights, k, factors);
  }

  /** The probability of an industry before any word is read (the classes' biases alone). */
  priorIndustryProbability(industry: number): number {
    return industry >= 0 && industry < 1000 ? this.industryExpBias[industry]! / this.totalExpBias : 0;
  }

  /** After `choose`: the probability that the sector is of this industry (first three digits). */
  industryProbability(industry: number): number {
    const { scores, touched, industries, expBias, temperature, top } = this;
    let p = 0;
    let touchedExpBias = 0;
    for (let i = 0; i < this.touchedCount; i++) {
      const c = touched[i]!;
      if (industries[c] !== industry) continue;
      p += Math.exp((scores[c]! - top) / temperature);
      touchedExpBias += expBias[c]!;
    }
    const all = industry >= 0 && industry < 1000 ? this.industryExpBias[industry]! : 0;
    p += this.untouchedScale * Math.max(0, all - touchedExpBias);
    return p / this.sum;
  }
}

let committed: SectorModel | null = null;
let replaced: SectorModel | null = null;
const committedModel = (): SectorModel => {
  if (replaced) return replaced;
  committed ??= new SectorModel(SECTOR_MODEL);
  return committed;
};

/**
 * Puts another model in the committed one's place for this process (null puts it back): how
 * `npm run score:sectors` measures a model trained without the held-out titles through the very
 * path the CLI takes. Not for the extension or the CLI.
 */
export function useSectorModel(model: SectorModel | null): void {
  replaced = model;
}
const RULE_FEATURES = new Map<string, number>();
const ruleFeatureOf = (id: string): number => {
  let hash = RULE_FEATURES.get(id);
  if (hash === undefined) {
    hash = ruleFeature(id);
    RULE_FEATURES.set(id, hash);
  }
  return hash;
};

/**
 * The sector to use for a product's text, or null when no word of it is known to the model.
 * `ruleCategory` and `ruleNaics` are what the keyword rules found (an input to the model, and the
 * industry whose probability is returned as `ruleIndustryProbability`).
 */
export function predictSector(
  title: string,
  trail: readonly string[],
  ruleCategory: string,
  ruleNaics: string,
  /** Another model than the committed one (the training script's cross-validation folds). */
  model: SectorModel = committedModel(),
): SectorPrediction | null {
  const choice = model.choose(title, trail, ruleFeatureOf(ruleCategory), model.factors);
  if (!choice) return null;
  const industry = model.industries[choice.index]!;
  const ruleIndustry = Number(ruleNaics.slice(0, 3));
  const chosen = model.industryProbability(industry);
  const topIndustry = model.industries[choice.top]!;
  return {
    topNaics: model.sectors[choice.top]!,
    topCategory: model.categories[choice.top]!,
    topIndustryProbability: topIndustry === industry ? chosen : model.industryProbability(topIndustry),
    naics: model.sectors[choice.index]!,
    probability: Math.round(choice.probability * 100) / 100,
    topProbability: choice.topProbability,
    industryProbability: chosen,
    ruleIndustryProbability: ruleIndustry === industry ? chosen : model.industryProbability(ruleIndustry),
    risk: choice.risk,
    category: model.categories[choice.index]!,
    industryLift: chosen / Math.max(1e-9, model.priorIndustryProbability(industry)),
  };
}
