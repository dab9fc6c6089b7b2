// The learned sector model: multinomial logistic regression over the hashed text features of
// sector-features.ts, trained by scripts/train-sectors.ts into data/sector-model.ts. It names the
// 2017 NAICS commodity whose spend-based factor applies, with a calibrated probability, and the
// taxonomy category that sector stands for. Scoring a title costs a few hundred table lookups.

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
  /** Calibrated probability that the expert's sector is of the chosen sector's industry (first three digits). */
  industryProbability: number;
  /** The same for the industry of the keyword rules' category. */
  ruleIndustryProbability: number;
  /** Expected absolute percentage error of the chosen sector's factor under the model. */
  risk: number;
  /** The taxonomy category it stands for, or '' when none does. */
  category: string;
}

/** Open-addressing table from feature hash to row, built once when the module loads. */
class SectorModel {
  readonly sectors: string[];
  readonly categories: string[];
  private readonly bias: Float64Array;
  private readonly keys: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  /** Row r's entries are entryClass/entryWeight[rowStart[r] .. rowStart[r + 1]). */
  private readonly rowStart: Int32Array;
  private readonly entryClass: Uint16Array;
  private readonly entryWeight: Float32Array;
  readonly temperature: number;
  private readonly features = new Int32Array(MAX_FEATURES);
  private readonly scores: Float64Array;
  /** Each class's industry: the first three digits of its sector, as a number. */
  readonly industries: Int32Array;

  constructor(table: SectorModelTable) {
    this.sectors = table.sectors;
    this.categories = table.categories;
    this.temperature = table.temperature;
    this.bias = Float64Array.from(table.bias, (b) => b * table.quantum);
    this.scores = new Float64Array(table.sectors.length);
    this.industries = Int32Array.from(table.sectors, (code) => Number(code.slice(0, 3)));
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

  /** The scores of the last text scored. */
  get lastScores(): Float64Array {
    return this.scores;
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
   * The most probable sector for a title and the shop's category trail (narrowest element last),
   * or null when no word of the text is known to the model.
   */
  predict(title: string, trail: readonly string[], rule: number): { index: number; probability: number } | null {
    const scores = this.scoresOf(title, trail, rule);
    return scores ? softmaxTop(scores, this.temperature) : null;
  }

  /** Each class's score for the text (reused buffer: copy to keep), or null when no feature is known. */
  scoresOf(title: string, trail: readonly string[], rule: number): Float64Array | null {
    const features = this.features;
    let count = textFeatures(title, features, 0, 1);
    // The narrowest trail element counts twice: it is the shop's own word for the product.
    if (trail.length) count = textFeatures(trail[trail.length - 1]!, features, count, 2);
    const words = count;
    // The keyword rules' category is one more input (0: none given), but not a word of the text.
    if (rule !== 0 && count < features.length) features[count++] = rule;
    const scores = this.scores;
    scores.set(this.bias);
    let known = 0;
    for (let f = 0; f < count; f++) {
      const row = this.row(features[f]!);
      if (row < 0) continue;
      if (f < words) known++;
      for (let e = this.rowStart[row]!, end = this.rowStart[row + 1]!; e < end; e++)
        scores[this.entryClass[e]!]! += this.entryWeight[e]! * LENGTH_SCALE[Math.min(count, MAX_FEATURES)]!;
    }
    return known === 0 ? null : scores;
  }
}

/** 1 / √n: feature counts are scaled by the text's length, as in training. */
const LENGTH_SCALE = Float64Array.from({ length: MAX_FEATURES + 1 }, (_, n) => (n ? 1 / Math.sqrt(n) : 0));

/** The top class of a softmax over scores / temperature and its probability. */
export function softmaxTop(scores: Float64Array, temperature: number): { index: number; probability: number } {
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
  const top = scores[best]!;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const d = (scores[c]! - top) / temperature;
    if (d > -30) sum += Math.exp(d);
  }
  return { index: best, probability: 1 / sum };
}

/** How many of the most probable classes the choice weighs. */
const TOP_K = 8;
const topClasses = new Int32Array(TOP_K);
const topWeights = new Float64Array(TOP_K);

/**
 * The sector to use for a text's spend-based factor: of the most probable classes, the one whose
 * factor has the least expected absolute percentage error against them (a sure class is chosen as
 * it is; between a 1.1 and a 0.4 kg/$ food sector it leans to the one that errs least), with its
 * calibrated probability and that expected error. Null when no word of the text is known.
 */
export function chooseSector(
  model: SectorModel,
  factors: Float64Array,
  title: string,
  trail: readonly string[],
  rule: number,
): { index: number; probability: number; topProbability: number; risk: number; top: number; sum: number } | null {
  const scores = model.scoresOf(title, trail, rule);
  if (!scores) return null;
  // The TOP_K highest scores, by insertion.
  let k = 0;
  for (let c = 0; c < scores.length; c++) {
    const score = scores[c]!;
    if (k === TOP_K && score <= scores[topClasses[k - 1]!]!) continue;
    let at = k < TOP_K ? k++ : k - 1;
    while (at > 0 && scores[topClasses[at - 1]!]! < score) {
      topClasses[at] = topClasses[at - 1]!;
      at--;
    }
    topClasses[at] = c;
  }
  // Probabilities over all classes (the others only add to the denominator).
  const top = scores[topClasses[0]!]!;
  const temperature = model.temperature;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const d = (scores[c]! - top) / temperature;
    if (d > -30) sum += Math.exp(d);
  }
  for (let i = 0; i < k; i++) topWeights[i] = Math.exp((scores[topClasses[i]!]! - top) / temperature) / sum;
  let best = 0;
  let bestRisk = Number.POSITIVE_INFINITY;
  for (let s = 0; s < k; s++) {
    const f = factors[topClasses[s]!]!;
    let risk = 0;
    let covered = 0;
    for (let c = 0; c < k; c++) {
      const fc = factors[topClasses[c]!]!;
      risk += (topWeights[c]! * Math.abs(f - fc)) / fc;
      covered += topWeights[c]!;
    }
    // The classes beyond the top K are counted as if a factor away (100 %).
    risk += 1 - covered;
    if (risk < bestRisk) {
      bestRisk = risk;
      best = s;
    }
  }
  return {
    index: topClasses[best]!,
    probability: topWeights[best]!,
    topProbability: topWeights[0]!,
    risk: bestRisk,
    top,
    sum,
  };
}

/** Probability that the sector is of the given industry (first three digits), from the last scores. */
function industryProbability(model: SectorModel, industry: number, top: number, sum: number): number {
  const scores = model.lastScores;
  const industries = model.industries;
  let p = 0;
  for (let c = 0; c < scores.length; c++)
    if (industries[c] === industry) p += Math.exp((scores[c]! - top) / model.temperature);
  return p / sum;
}

let model: SectorModel | null = null;
const RULE_FEATURES = new Map<string, number>();
const ruleFeatureOf = (id: string): number => {
  let hash = RULE_FEATURES.get(id);
  if (hash === undefined) {
    hash = ruleFeature(id);
    RULE_FEATURES.set(id, hash);
  }
  return hash;
};
let factors: Float64Array | null = null;

/** The sector to use for a product's text, or null when no word of it is known to the model. */
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
): SectorPrediction | null {
  model ??= new SectorModel(SECTOR_MODEL);
  factors ??= Float64Array.from(SECTOR_MODEL.factors);
  const choice = chooseSector(model, factors, title, trail, ruleFeatureOf(ruleCategory));
  if (!choice) return null;
  const industry = model.industries[choice.index]!;
  const ruleIndustry = Number(ruleNaics.slice(0, 3));
  const chosen = industryProbability(model, industry, choice.top, choice.sum);
  return {
    naics: model.sectors[choice.index]!,
    probability: Math.round(choice.probability * 100) / 100,
    topProbability: choice.topProbability,
    industryProbability: chosen,
    ruleIndustryProbability:
      ruleIndustry === industry ? chosen : industryProbability(model, ruleIndustry, choice.top, choice.sum),
    risk: choice.risk,
    category: model.categories[choice.index]!,
  };
}

export { SectorModel };
