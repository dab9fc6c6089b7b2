// Trains the sector model (shared/footprint/sectors.ts) and writes shared/footprint/data/sector-model.ts.
// Run by `npm run factors` (or alone: `npm run sectors`; `node scripts/train-sectors.ts --cv` prints the
// out-of-fold figures of the training part only, for choosing options). Deterministic: the same data
// gives the same table.
//
// The committed model learns from all of CaML's expert-labelled Amazon titles and the taxonomy's own
// names for each category in English, German and Chinese, labelled with the category's NAICS
// commodity. How well that procedure does on brands it never saw is measured by
// scripts/score-sectors.ts, which runs the same procedure (fitSectorModel) on the training part
// only and scores the held-out quarter, and by grouped out-of-fold figures over all titles.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyByRules, classifyProduct } from '../shared/footprint/classify.ts';
import { MAX_FEATURES, ruleFeature, textFeatures } from '../shared/footprint/sector-features.ts';
import { chooseFromScores, SectorModel, type SectorModelTable } from '../shared/footprint/sectors.ts';
import { CATEGORIES, UNKNOWN } from '../shared/footprint/taxonomy.ts';
import { CAML_FILE, camlSplit, camlTitles, epaFactors, type LabelledTitle, REFERENCE } from './sector-data.ts';

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per update on the touched weights. */
  l2: number;
  /** Share of a title's label given to the annotators' individual codes. */
  voteShare: number;
  /** Weight of one taxonomy name as a training example. */
  taxonomyWeight: number;
  /** Features seen in fewer training texts than this are dropped. */
  minCount: number;
  /** Weights smaller than this (in absolute value) are dropped from the table. */
  prune: number;
}

/** Chosen by the out-of-fold figures of the training part (`--cv`), and for a table of modest size. */
export const OPTIONS: TrainOptions = {
  epochs: 12,
  learningRate: 2,
  l2: 1e-3,
  voteShare: 0.3,
  taxonomyWeight: 0.3,
  minCount: 2,
  prune: 1,
};

const QUANTUM = 1 / 64;

interface Example {
  /** Feature hashes, with repeats. */
  features: Int32Array;
  /** Label distribution over sector codes. */
  labels: [string, number][];
  weight: number;
}

const BUFFER = new Int32Array(MAX_FEATURES);

function featuresOf(title: string, trail: string | null): Int32Array {
  let count = textFeatures(title, BUFFER, 0, 1);
  if (trail) count = textFeatures(trail, BUFFER, count, 2);
  BUFFER[count++] = ruleFeature(classifyByRules({ title, category: trail ? [trail] : [], brand: null }).category.id);
  return BUFFER.slice(0, count);
}

function titleExample(title: LabelledTitle, options: TrainOptions): Example {
  const labels = new Map<string, number>([[title.naics, 1 - options.voteShare]]);
  const votes = title.votes.length ? title.votes : [title.naics];
  for (const vote of votes) labels.set(vote, (labels.get(vote) ?? 0) + options.voteShare / votes.length);
  return { features: featuresOf(title.title, null), labels: [...labels], weight: 1 };
}

/** Each taxonomy name, as a title and as a shop's trail element, labelled with its category's sector; each weighs `taxonomyWeight`. */
function taxonomyExamples(options: TrainOptions): Example[] {
  const examples: Example[] = [];
  const weight = options.taxonomyWeight;
  for (const category of CATEGORIES) {
    const names = [category.label, ...category.words, ...category.zh];
    for (const name of names) {
      examples.push({ features: featuresOf(name, null), labels: [[category.naics, 1]], weight });
      examples.push({ features: featuresOf('', name), labels: [[category.naics, 1]], weight });
    }
  }
  return examples;
}

/** Deterministic pseudo-random numbers (mulberry32) for the order of examples. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Multinomial logistic regression by stochastic gradient descent with AdaGrad steps. */
export function train(titles: readonly LabelledTitle[], options: TrainOptions = OPTIONS): SectorModelTable {
  const examples = [...titles.map((t) => titleExample(t, options)), ...taxonomyExamples(options)];
  const sectors = [...new Set(examples.flatMap((e) => e.labels.map(([code]) => code)))].sort();
  const classOf = new Map(sectors.map((code, i) => [code, i]));
  const C = sectors.length;
  // Vocabulary: features in at least minCount texts (every taxonomy name counts).
  const seen = new Map<number, number>();
  for (const e of examples) for (const f of new Set(e.features)) seen.set(f, (seen.get(f) ?? 0) + 1);
  const index = new Map<number, number>();
  for (const [f, n] of [...seen].sort((a, b) => a[0] - b[0])) if (n >= options.minCount) index.set(f, index.size);
  const F = index.size;
  const W = new Float32Array(F * C);
  const G = new Float32Array(F * C).fill(1);
  const bias = new Float32Array(C);
  const biasG = new Float32Array(C).fill(1);
  // Each example as (row, value) pairs: counts scaled by 1 / √(all features of the text).
  const rows = examples.map((e) => {
    const counts = new Map<number, number>();
    for (const f of e.features) {
      const row = index.get(f);
      if (row !== undefined) counts.set(row, (counts.get(row) ?? 0) + 1);
    }
    const scale = e.features.length ? 1 / Math.sqrt(e.features.length) : 0;
    return { rows: Int32Array.from(counts.keys()), values: Float32Array.from(counts.values(), (v) => v * scale) };
  });
  const targets = examples.map((e) => e.labels.map(([code, share]) => [classOf.get(code)!, share] as const));
  const order = examples.map((_, i) => i);
  const next = random(20);
  const scores = new Float64Array(C);
  const grad = new Float64Array(C);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const { rows: r, values: v } = rows[n]!;
      scores.set(bias);
      for (let k = 0; k < r.length; k++) {
        const base = r[k]! * C;
        const x = v[k]!;
        for (let c = 0; c < C; c++) scores[c]! += W[base + c]! * x;
      }
      let top = scores[0]!;
      for (let c = 1; c < C; c++) if (scores[c]! > top) top = scores[c]!;
      let sum = 0;
      for (let c = 0; c < C; c++) {
        scores[c] = Math.exp(scores[c]! - top);
        sum += scores[c]!;
      }
      for (let c = 0; c < C; c++) grad[c] = scores[c]! / sum;
      for (const [c, share] of targets[n]!) grad[c]! -= share;
      const w = examples[n]!.weight;
      for (let c = 0; c < C; c++) {
        const g = grad[c]! * w;
        biasG[c]! += g * g;
        bias[c]! -= (options.learningRate * g) / Math.sqrt(biasG[c]!);
      }
      for (let k = 0; k < r.length; k++) {
        const base = r[k]! * C;
        const x = v[k]!;
        for (let c = 0; c < C; c++) {
          const at = base + c;
          const g = grad[c]! * x * w + options.l2 * W[at]!;
          G[at]! += g * g;
          W[at]! -= (options.learningRate * g) / Math.sqrt(G[at]!);
        }
      }
    }
  }
  // The table: per feature, the classes whose weight is worth keeping, quantised.
  const hashes = [...index.keys()];
  const lines: string[] = [];
  const sorted = new Float32Array(C);
  for (let row = 0; row < F; row++) {
    // A constant added to one feature's weights moves every class alike: taking each row's median
    // out changes no prediction and leaves most weights near zero, where pruning drops them.
    sorted.set(W.subarray(row * C, row * C + C));
    sorted.sort();
    const median = sorted[C >> 1]!;
    let line = '';
    for (let c = 0; c < C; c++) {
      const q = Math.round((W[row * C + c]! - median) / QUANTUM);
      if (Math.abs(q * QUANTUM) >= options.prune) line += ` ${c}:${q}`;
    }
    if (line) lines.push(`${(hashes[row]! >>> 0).toString(36)}${line}`);
  }
  return {
    sectors,
    categories: sectors.map(() => ''),
    factors: sectors.map(() => 1),
    // `|| 0`: no -0, which the committed JSON cannot hold.
    bias: Array.from(bias, (b) => Math.round(b / QUANTUM) || 0),
    weights: lines.join(';'),
    quantum: QUANTUM,
    temperature: 1,
    sources: [],
    trainedOn: '',
  };
}

/** One out-of-fold prediction: the model's classes by score, and the title's labels. */
export interface FoldPrediction {
  title: LabelledTitle;
  /** Sector of the top class and its probability at temperature 1, or null when no feature was known. */
  naics: string | null;
  scores: Float64Array | null;
  sectors: string[];
  /** The fold's table (trained without this title's fold). */
  table: SectorModelTable;
  /** The titles it was trained on. */
  trainedOn: LabelledTitle[];
}

/** The fold (0–4) of a brand: grouped folds, so a brand's titles are all in one. */
export const foldOf = (group: string): number => {
  let h = 2166136261;
  for (let i = 0; i < group.length; i++) h = Math.imul(h ^ group.charCodeAt(i), 16777619);
  return (h >>> 0) % 5;
};

/** Five-fold cross-validation over the training part, grouped like the split (by first word). */
export function crossValidate(titles: readonly LabelledTitle[], options: TrainOptions = OPTIONS): FoldPrediction[] {
  const out: FoldPrediction[] = [];
  for (let fold = 0; fold < 5; fold++) {
    const trainedOn = titles.filter((t) => foldOf(t.group) !== fold);
    const table = train(trainedOn, options);
    const model = new SectorModel(table);
    for (const title of titles.filter((t) => foldOf(t.group) === fold)) {
      const rule = ruleFeature(classifyByRules({ title: title.title, category: [], brand: null }).category.id);
      const scores = model.scoresOf(title.title, [], rule);
      out.push({
        title,
        naics: scores ? table.sectors[argmax(scores)]! : null,
        scores: scores?.slice() ?? null,
        sectors: table.sectors,
        table,
        trainedOn,
      });
    }
  }
  return out;
}

const argmax = (scores: Float64Array): number => {
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
  return best;
};

export interface SectorFigures {
  n: number;
  mape: number;
  over2x: number;
  exact: number;
  three: number;
  unknown: number;
}

/** The figures: factor MAPE against the expert's sector, share > 2× off, NAICS agreement. */
export function figures(pairs: { ours: string; expert: string }[]): SectorFigures {
  const epa = epaFactors();
  let ape = 0;
  let over = 0;
  let exact = 0;
  let three = 0;
  let unknown = 0;
  for (const { ours, expert } of pairs) {
    const a = epa.get(ours)!.kgPerUsd2022;
    const b = epa.get(expert)!.kgPerUsd2022;
    ape += Math.abs(a - b) / b;
    if (Math.max(a / b, b / a) > 2) over++;
    if (ours === expert) exact++;
    if (ours.slice(0, 3) === expert.slice(0, 3)) three++;
    if (ours === UNKNOWN.naics) unknown++;
  }
  const n = pairs.length;
  return { n, mape: ape / n, over2x: over / n, exact: exact / n, three: three / n, unknown: unknown / n };
}

export const formatFigures = (f: SectorFigures): string =>
  `n=${f.n} MAPE ${(f.mape * 100).toFixed(1)} %, >2x off ${(f.over2x * 100).toFixed(1)} %, NAICS-6 ${(f.exact * 100).toFixed(1)} %, 3-digit ${(f.three * 100).toFixed(1)} %, unknown ${(f.unknown * 100).toFixed(1)} %`;

/** Figures of the model alone (no rules, no threshold) on out-of-fold predictions, choosing as at run time. */
export function outOfFold(predictions: FoldPrediction[], temperature: number): SectorFigures {
  return figures(
    predictions.map((p) => {
      const factors = Float64Array.from(p.sectors, (code) => epaFactors().get(code)!.kgPerUsd2022);
      const choice = p.scores ? chooseFromScores(p.scores, factors, temperature).index : null;
      return { ours: choice === null ? UNKNOWN.naics : p.sectors[choice]!, expert: p.title.naics };
    }),
  );
}

/**
 * Figures of the whole classification (keyword rules + model, as `classifyProduct` decides, title
 * only as in CaML's data) on out-of-fold predictions: each fold's model with its EPA factors, the
 * categories of its own training titles, and the temperature fitted out of fold.
 */
export function pipelineOutOfFold(predictions: FoldPrediction[], temperature: number): SectorFigures {
  const epa = epaFactors();
  const models = new Map<SectorModelTable, SectorModel>();
  return figures(
    predictions.map((p) => {
      let model = models.get(p.table);
      if (!model) {
        model = new SectorModel({
          ...p.table,
          categories: sectorCategories(p.table.sectors, p.trainedOn),
          factors: p.table.sectors.map((code) => epa.get(code)!.kgPerUsd2022),
          temperature,
        });
        models.set(p.table, model);
      }
      return {
        ours: classifyProduct({ title: p.title.title, category: [], brand: null }, model).naics,
        expert: p.title.naics,
      };
    }),
  );
}

/** Temperature minimising the log loss of the expert's sector on out-of-fold predictions. */
export function fitTemperature(predictions: FoldPrediction[]): number {
  let best = 1;
  let bestLoss = Number.POSITIVE_INFINITY;
  for (let t = 0.3; t <= 4.001; t += 0.05) {
    let loss = 0;
    for (const p of predictions) {
      if (!p.scores) continue;
      const top = Math.max(...p.scores);
      let sum = 0;
      for (const s of p.scores) sum += Math.exp((s - top) / t);
      const c = p.sectors.indexOf(p.title.naics);
      const prob = c < 0 ? 1e-6 : Math.exp((p.scores[c]! - top) / t) / sum;
      loss -= Math.log(Math.max(prob, 1e-6));
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

/**
 * The taxonomy category each sector stands for: the category with that sector (the keyword rules'
 * most frequent choice on the sector's training titles where several share it); for sectors no
 * category has, the rules' most frequent choice of the same industry (first three digits) when it
 * covers half its titles, else the catch-all food category for food and drink, else a category of
 * the same five-digit industry, else none (unknown).
 */
export function sectorCategories(sectors: string[], titles: readonly LabelledTitle[]): string[] {
  const ruled = new Map<string, Map<string, number>>();
  for (const t of titles) {
    const id = classifyByRules({ title: t.title, category: [], brand: null }).category.id;
    const counts = ruled.get(t.naics) ?? new Map<string, number>();
    counts.set(id, (counts.get(id) ?? 0) + 1);
    ruled.set(t.naics, counts);
  }
  return sectors.map((naics) => {
    const counts = [...(ruled.get(naics) ?? new Map<string, number>())].sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    );
    const own = CATEGORIES.filter((c) => c.naics === naics);
    if (own.length === 1) return own[0]!.id;
    if (own.length > 1) return counts.find(([id]) => own.some((c) => c.id === id))?.[0] ?? own[0]!.id;
    const total = counts.reduce((sum, [, n]) => sum + n, 0);
    const [id, n] = counts.find(
      ([id]) => id !== 'unknown' && CATEGORIES.some((c) => c.id === id && c.naics.slice(0, 3) === naics.slice(0, 3)),
    ) ?? ['', 0];
    if (id && n >= 3 && n * 2 >= total) return id;
    if (/^31[12]/.test(naics)) return 'food';
    // A category of the same five-digit industry (polish and sanitation goods → cleaning products).
    return CATEGORIES.find((c) => c.naics.slice(0, 5) === naics.slice(0, 5))?.id ?? '';
  });
}

/**
 * The procedure that makes a model from labelled titles: five-fold cross-validation grouped by
 * brand gives the temperature (fitted on its out-of-fold scores) and the out-of-fold figures, then
 * one model is trained on all of `titles`. The committed model is this procedure on every CaML
 * title; `npm run score:sectors` runs the same procedure on the training part and measures it on
 * the held-out part.
 */
export function fitSectorModel(
  titles: readonly LabelledTitle[],
  options: TrainOptions = OPTIONS,
  describe = 'the titles',
): SectorModelTable {
  const predictions = crossValidate(titles, options);
  const temperature = fitTemperature(predictions);
  const oof = outOfFold(predictions, temperature);
  const combined = pipelineOutOfFold(predictions, temperature);
  const table = train(titles, options);
  const epa = epaFactors();
  return {
    ...table,
    categories: sectorCategories(table.sectors, titles),
    factors: table.sectors.map((code) => epa.get(code)!.kgPerUsd2022),
    temperature,
    sources: [
      {
        name: `CaML Amazon titles with expert NAICS labels (${describe}: ${titles.length} rows of ${CAML_FILE})`,
        licence: 'CDLA-Permissive-2.0 (LICENSE-DATA.txt beside this file)',
        url: 'https://github.com/amazon-science/carbon-assessment-with-ml',
        rows: titles.length,
      },
      {
        name: 'Carbon Ledger taxonomy names in English, German and Chinese (shared/footprint/taxonomy.ts), labelled with each category’s NAICS commodity',
        licence: 'MIT (this repository)',
        url: '',
        rows: CATEGORIES.length,
      },
      {
        name: 'US EPA Supply Chain GHG Emission Factors v1.3 (factor of each sector)',
        licence: 'public domain (US government work)',
        url: 'https://catalog.data.gov/dataset/supply-chain-greenhouse-gas-emission-factors-v1-3-by-naics-6',
        rows: table.sectors.length,
      },
    ],
    trainedOn: `${titles.length} titles (${describe}); 5-fold cross-validation grouped by brand on them: model alone ${formatFigures(oof)}; rules + model ${formatFigures(combined)}`,
  };
}

/**
 * The model as committed: the procedure on every CaML title (the held-out figures of
 * `npm run score:sectors` measure the procedure; the shipped model then learns from all the data).
 */
export function buildSectorModel(options: TrainOptions = OPTIONS): SectorModelTable {
  return fitSectorModel(camlTitles(), options, 'all of them');
}

/** The hand-written non-grocery check set (test/unit/footprint/non-grocery-titles.json). */
export function nonGroceryTitles(): { title: string; industries: string[] }[] {
  const file = join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    'test',
    'unit',
    'footprint',
    'non-grocery-titles.json',
  );
  return JSON.parse(readFileSync(file, 'utf8')).titles;
}

/**
 * How a model classifies the non-grocery check set (title only, as in CaML's data): the share given
 * a food or drink sector (NAICS 311/312) or a food category, and the share in an industry the
 * set allows.
 */
export function nonGroceryFigures(model?: SectorModel): {
  n: number;
  grocery: number;
  industry: number;
  misses: string[];
} {
  const titles = nonGroceryTitles();
  let grocery = 0;
  let industry = 0;
  const misses: string[] = [];
  for (const { title, industries } of titles) {
    const c = classifyProduct({ title, category: [], brand: null }, model);
    const food = /^31[12]/.test(c.naics) || c.category.group === 'food-drink';
    if (food) grocery++;
    if (industries.includes(c.naics.slice(0, 3))) industry++;
    else misses.push(`${title} → ${c.category.id} ${c.naics} (${c.confidence})`);
  }
  return { n: titles.length, grocery: grocery / titles.length, industry: industry / titles.length, misses };
}

export const formatNonGrocery = (f: { n: number; grocery: number; industry: number }): string =>
  `n=${f.n} food or drink ${(f.grocery * 100).toFixed(1)} %, in an allowed industry ${(f.industry * 100).toFixed(1)} %`;

export function writeSectorModel(table: SectorModelTable): void {
  const body =
    '// Generated by `npm run sectors` (scripts/train-sectors.ts) from ../shared/reference. Do not edit by hand.\n' +
    '// Training data: CaML titles (CDLA-Permissive-2.0, see LICENSE-DATA.txt beside this file) and the taxonomy.\n' +
    "import type { SectorModelTable } from '../sectors.ts';\n" +
    `export const SECTOR_MODEL: SectorModelTable = ${JSON.stringify(table)};\n`;
  writeFileSync(join(DATA_DIR, 'sector-model.ts'), body);
  writeFileSync(
    join(DATA_DIR, 'LICENSE-DATA.txt'),
    readFileSync(join(REFERENCE, dirname(CAML_FILE), 'LICENSE-DATA.txt')),
  );
}

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'shared', 'footprint', 'data');

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && !process.argv.includes('--cv')) {
  const started = performance.now();
  const table = buildSectorModel();
  writeSectorModel(table);
  console.log(
    `sectors: ${table.sectors.length} classes, ${table.weights.split(';').length} features, temperature ${table.temperature}, ${Math.round(performance.now() - started)} ms; ${table.trainedOn}`,
  );
}
// `--cv '[{...}, ...]'`: out-of-fold figures of the training part for each change of OPTIONS.
if (isMain && process.argv.includes('--cv')) {
  const { train: part } = camlSplit();
  const grid: Partial<TrainOptions>[] = JSON.parse(process.argv[process.argv.indexOf('--cv') + 1] ?? '[{}]');
  for (const change of grid) {
    const options = { ...OPTIONS, ...change };
    const started = performance.now();
    const predictions = crossValidate(part, options);
    const temperature = fitTemperature(predictions);
    const argmax = figures(predictions.map((p) => ({ ours: p.naics ?? UNKNOWN.naics, expert: p.title.naics })));
    console.log(JSON.stringify(change), 'most probable sector:', formatFigures(argmax));
    console.log(
      JSON.stringify(change),
      `least-risk sector (T=${temperature}):`,
      formatFigures(outOfFold(predictions, temperature)),
    );
    console.log(JSON.stringify(change), 'rules + model:', formatFigures(pipelineOutOfFold(predictions, temperature)));
    const table = train(part, options);
    const model = new SectorModel({
      ...table,
      categories: sectorCategories(table.sectors, part),
      factors: table.sectors.map((code) => epaFactors().get(code)!.kgPerUsd2022),
      temperature,
    });
    const checks = nonGroceryFigures(model);
    console.log(JSON.stringify(change), 'non-grocery check set:', formatNonGrocery(checks));
    if (process.argv.includes('--misses')) for (const miss of checks.misses) console.log(`    ${miss}`);
    console.log(`  table ${table.weights.length} chars, ${Math.round(performance.now() - started)} ms`);
  }
}
