// Classifies a product into the taxonomy from its category trail, title and brand, in English,
// German and Chinese. Unknown stays unknown with low confidence rather than a confident guess.

import type { Product } from '../product.ts';
import { predictSector, type SectorModel, type SectorPrediction } from './sectors.ts';
import { CATEGORIES, type Category, UNKNOWN } from './taxonomy.ts';

export interface Classification {
  category: Category;
  /** 0–1: how sure we are of the category. */
  confidence: number;
  /** What decided it, for the explanation ("trail: Office Chairs"). */
  evidence: string;
  /** 2017 NAICS commodity whose spend-based factor applies (the category's own, or the model's finer one). */
  naics: string;
}

/** What the keyword rules alone make of a product (no sector model). */
export type RuleClassification = Omit<Classification, 'naics'>;

// German nouns that end compounds ("Bürostuhl", "Kaffeemaschine"), so they match at a word's end.
const COMPOUND_HEADS = new Set(
  (
    'stuhl tisch schrank regal lampe leuchte maschine schuhe stiefel jacke hose kleid mantel tasche sauger kocher ' +
    'drucker tastatur bett sofa kissen decke pfanne topf messer reifen öl futter wasser saft bier wein käse milch brot ' +
    'kaffee schokolade creme seife spielzeug fahrrad zelt möbel teppich vorhang handtuch hemd bluse socken schmuck ' +
    'kamera fernseher lautsprecher kopfhörer matratze uhr trockner spüler kühlschrank herd ofen heizung fritteuse ' +
    'rasierer zahnbürste bohrmaschine schrauber säge werkzeug farbe kleber papier buch spiel puppe wagen sitz ' +
    'hackfleisch rindfleisch kinderwagen festplatte ladegerät kabel batterie akku monitor bildschirm rechner notebook laptop handy telefon'
  ).split(' '),
);

// Brands that say what a product is when nothing else does.
const BRAND_HINTS: Record<string, string> = {
  "levi's": 'jeans',
  levis: 'jeans',
  wrangler: 'jeans',
  nespresso: 'capsule-machines',
  lego: 'building-toys',
  playmobil: 'toys',
  steelcase: 'office-chairs',
  'herman miller': 'office-chairs',
  humanscale: 'office-chairs',
  dyson: 'vacuum-cleaners',
  'coca-cola': 'soft-drinks',
  pepsi: 'soft-drinks',
  haribo: 'sweets',
  nike: 'sneakers',
  adidas: 'sneakers',
  kindle: 'e-readers',
  michelin: 'tyres',
  maxxis: 'tyres',
  pampers: 'diapers-hygiene',
};

// Word lists are compiled once into maps from normalised phrases to categories, so classifying a
// product costs a few map lookups per title word rather than a regular expression per category.
interface Entry {
  category: Category;
  /** Length of the phrase in characters: longer phrases are more specific. */
  length: number;
}

const PLURAL_ENDINGS = ['', 's', 'es', 'e', 'n', 'en', 'er'];
const PHRASE_ENDINGS = ['', 's', 'es'];
const tokenize = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[\s\-–—_/,;:()[\]{}"“”„|+&*.]+/u)
    .filter(Boolean);

const PHRASES = new Map<string, Entry>();
const HEADS = new Map<string, Entry>();
const ZH: { word: string; entry: Entry }[] = [];
let longestPhrase = 1;
let longestHead = 3;
for (const category of CATEGORIES) {
  for (const word of category.words) {
    const tokens = tokenize(word);
    const key = tokens.join(' ');
    const entry = { category, length: key.length };
    longestPhrase = Math.max(longestPhrase, tokens.length);
    // The first category to claim a phrase keeps it (the taxonomy lists narrower categories first).
    if (!PHRASES.has(key)) PHRASES.set(key, entry);
    if (tokens.length === 1 && (COMPOUND_HEADS.has(key) || /[äöüß]/.test(key)) && !HEADS.has(key)) {
      HEADS.set(key, entry);
      longestHead = Math.max(longestHead, key.length + 2);
    }
  }
  for (const word of category.zh) ZH.push({ word, entry: { category, length: word.length * 2 } });
}
ZH.sort((a, b) => b.word.length - a.word.length);
// Chinese words by their first character, longest first, so a title is scanned once.
const ZH_BY_FIRST = new Map<number, { word: string; entry: Entry }[]>();
for (const zh of ZH) {
  const first = zh.word.charCodeAt(0);
  ZH_BY_FIRST.set(first, [...(ZH_BY_FIRST.get(first) ?? []), zh]);
}

// Every form a phrase or head can take in a title (the phrase plus one of its endings), resolved
// once to the entry the ending-by-ending lookup finds, so a token costs one map lookup.
const expand = (keys: Iterable<string>, endings: readonly string[], table: Map<string, Entry>) => {
  const expanded = new Map<string, Entry>();
  for (const key of keys)
    for (const ending of endings) {
      const form = key + ending;
      if (expanded.has(form)) continue;
      for (const strip of endings) {
        if (strip && !form.endsWith(strip)) continue;
        const found = table.get(strip ? form.slice(0, -strip.length) : form);
        if (found) {
          expanded.set(form, found);
          break;
        }
      }
    }
  return expanded;
};
const WORD_FORMS = expand(PHRASES.keys(), PLURAL_ENDINGS, PHRASES);
const PHRASE_FORMS = expand(
  [...PHRASES.keys()].filter((key) => key.includes(' ')),
  PHRASE_ENDINGS,
  PHRASES,
);
const HEAD_FORMS = expand(HEADS.keys(), PLURAL_ENDINGS, HEADS);
/** For the first word of each phrase of several words, the most words such a phrase has. */
const PHRASE_FIRST = new Map<string, number>();
for (const key of PHRASES.keys()) {
  const words = key.split(' ');
  if (words.length > 1) PHRASE_FIRST.set(words[0]!, Math.max(PHRASE_FIRST.get(words[0]!) ?? 0, words.length));
}
/** The first two characters of every head, as one number. */
const HEAD_PREFIXES = new Set([...HEADS.keys()].map((head) => head.charCodeAt(0) * 65536 + head.charCodeAt(1)));

const lookupHead = (token: string): Entry | undefined => {
  // German compounds end in the noun that says what they are: "bürostuhl" → "stuhl".
  for (let start = Math.max(1, token.length - longestHead); start <= token.length - 3; start++) {
    if (!HEAD_PREFIXES.has(token.charCodeAt(start) * 65536 + token.charCodeAt(start + 1))) continue;
    const found = HEAD_FORMS.get(token.slice(start));
    if (found) return found;
  }
  return undefined;
};

// The separators `tokenize` splits on, as a table by UTF-16 code (every one is in the BMP).
const SEPARATOR = new Uint8Array(65536);
for (let code = 0; code < 65536; code++)
  if (/[\s\-–—_/,;:()[\]{}"“”„|+&*.]/u.test(String.fromCharCode(code))) SEPARATOR[code] = 1;

/** `tokenize` without the intermediate arrays: fills `out` and returns the number of tokens. */
function tokenizeInto(text: string, out: string[]): number {
  const lower = text.toLowerCase();
  let count = 0;
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    if (SEPARATOR[lower.charCodeAt(i)]) {
      if (start >= 0) out[count++] = lower.slice(start, i);
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) out[count++] = lower.slice(start);
  return count;
}

const HAN = /\p{Script=Han}/u;

interface Match {
  category: Category;
  length: number;
  index: number;
}

const TOKENS: string[] = [];

/** The most specific category named in a text: the longest match, then the latest one. */
function bestMatch(text: string): Match | null {
  let best: Entry | undefined;
  let bestIndex = -1;
  const tokens = TOKENS;
  const count = tokenizeInto(text, tokens);
  for (let i = 0; i < count; i++) {
    const token = tokens[i]!;
    let entry: Entry | undefined;
    const most = PHRASE_FIRST.get(token);
    if (most !== undefined) {
      for (let n = Math.min(longestPhrase, most, count - i); n >= 2 && !entry; n--) {
        let key = token;
        for (let j = 1; j < n; j++) key += ` ${tokens[i + j]!}`;
        entry = PHRASE_FORMS.get(key);
      }
    }
    entry ??= WORD_FORMS.get(token) ?? lookupHead(token);
    if (entry && (!best || entry.length > best.length || (entry.length === best.length && i > bestIndex))) {
      best = entry;
      bestIndex = i;
    }
  }
  if (HAN.test(text)) {
    for (let index = 0; index < text.length; index++) {
      const candidates = ZH_BY_FIRST.get(text.charCodeAt(index));
      if (!candidates) continue;
      for (const { word, entry } of candidates)
        if (
          text.startsWith(word, index) &&
          (!best || entry.length > best.length || (entry.length === best.length && count + index > bestIndex))
        ) {
          best = entry;
          bestIndex = count + index;
        }
    }
  }
  return best ? { category: best.category, length: best.length, index: bestIndex } : null;
}

// Words after these introduce what a product goes with ("bag for laptop"), not what it is.
const HEAD_CUT = /\s(?:for|with|für|mit|compatible with|passend für)\s|适用于|适用|配/iu;

const TRAIL_SEPARATOR = /[>›»/|]/;
const TRAIL_SPLIT = /\s*[>›»/|]\s*/;

const TYRE_SIZE = /\b\d{3}\/\d{2}\s?Z?R\s?\d{2}\b/i;

// Categories that are the catch-all of their group.
const GENERIC = new Set(['clothing', 'shoes', 'furniture', 'food', 'toys', 'sports-equipment', 'home-decor']);

const byId = new Map(CATEGORIES.map((category) => [category.id, category]));

// A trail element ending in one of these names things for a product, not the product itself
// ("Computer Accessories" holds mice and cables, "Computer Components" memory and drives, not computers).
const ACCESSORY_HEAD =
  /(?:^|[\s-])(?:accessories|accessory|parts|supplies|peripherals|add-ons|components|zubehör|ersatzteile|zubehoer|komponenten)$|配件|周边|耗材|组件/iu;

export function classifyByRules(product: Pick<Product, 'title' | 'category' | 'brand'>): RuleClassification {
  let trailMatch: { match: Match; element: string } | null = null;
  // The narrowest trail element that names a category is the shop's own statement of what it is.
  // Some pages put the whole trail in one string ("Clothing > Jeans").
  const elements = product.category;
  for (let i = elements.length - 1; i >= 0 && !trailMatch; i--) {
    const element = elements[i]!;
    if (!TRAIL_SEPARATOR.test(element)) {
      const match = element && !ACCESSORY_HEAD.test(element.trim()) ? bestMatch(element) : null;
      if (match) trailMatch = { match, element };
      continue;
    }
    const parts = element.split(TRAIL_SPLIT);
    for (let j = parts.length - 1; j >= 0 && !trailMatch; j--) {
      const part = parts[j]!;
      const match = part && !ACCESSORY_HEAD.test(part) ? bestMatch(part) : null;
      if (match) trailMatch = { match, element: part };
    }
  }
  const title = product.title ?? '';
  // A tyre size ("225/45 R17", "205/55ZR16") names a tyre whatever else the title says.
  if (TYRE_SIZE.test(title)) {
    const tyres = byId.get('tyres')!;
    return {
      category: tyres,
      confidence: trailMatch?.match.category === tyres ? 0.9 : 0.7,
      evidence: 'tyre size in title',
    };
  }
  const cut = HEAD_CUT.exec(title);
  const head = cut ? title.slice(0, cut.index) : title;
  const titleMatch = bestMatch(head) ?? (head === title ? null : bestMatch(title));

  if (trailMatch && titleMatch) {
    const trailCategory = trailMatch.match.category;
    if (trailCategory === titleMatch.category)
      return { category: trailCategory, confidence: 0.9, evidence: `trail "${trailMatch.element}" and title agree` };
    // A broad trail ("Clothing", "Furniture") gives way to a narrower title word of the same group.
    if (GENERIC.has(trailCategory.id) && trailCategory.group === titleMatch.category.group)
      return {
        category: titleMatch.category,
        confidence: 0.8,
        evidence: `title word within trail group "${trailMatch.element}"`,
      };
    return { category: trailCategory, confidence: 0.75, evidence: `trail "${trailMatch.element}"` };
  }
  if (trailMatch)
    return { category: trailMatch.match.category, confidence: 0.8, evidence: `trail "${trailMatch.element}"` };
  if (titleMatch) return { category: titleMatch.category, confidence: 0.6, evidence: 'title words' };
  const hinted = product.brand ? byId.get(BRAND_HINTS[product.brand.toLowerCase()] ?? '') : undefined;
  if (hinted) return { category: hinted, confidence: 0.35, evidence: `brand ${product.brand}` };
  return { category: UNKNOWN, confidence: 0.1, evidence: 'no category words recognised' };
}

/**
 * How sure the model must be of its most probable sector to overrule title words that name another
 * industry as the product's *category*, or to name a category where no words do (below: the words'
 * category, or unknown). Out of fold on the training part of CaML's titles, where words and model
 * disagreed on the industry, the model's sector was the nearer one at every probability from 0.15
 * up (mean absolute percentage error 0.32–0.47 against 0.48–0.76 for the words' category).
 */
const MODEL_SURE = 0.15;

/**
 * Below MODEL_SURE the model's least-risk sector is still the spend factor (a best estimate under
 * uncertainty) down to this probability of its most probable sector. Out of fold on the training
 * part, titles without category words whose most probable sector had 0.06–0.15 erred 0.27–0.39
 * with it against 0.39–0.50 with the all-other-manufacturing factor; below 0.06 (28 titles, the
 * model's prior talking) 0.73 against 0.52. Overall, rules + model 29.0 % MAPE and 19.3 % of
 * titles more than 2× off, against 27.7 % and 16.3 % with this best estimate.
 */
const MODEL_EVIDENCE = 0.06;

/**
 * With no category words, the best estimate under uncertainty must rest on the text: its sector's
 * industry must be at least this many times likelier after reading the title than before. The
 * training titles are mostly groceries, so a title whose words say little ("Aluminum Foil Heavy
 * Duty", "Knee Brace…") leaves the posterior near that prior and its least-risk sector a food
 * sector; below the lift it gets the all-other-manufacturing factor. Out of fold on the training
 * part: rules + model 27.2 → 27.3 % MAPE, 15.4 → 15.8 % of titles > 2× off; on the hand-written
 * non-grocery check set (test/unit/footprint/non-grocery-titles.json), with the model trained on
 * the training part, 23.7 → 17.1 % given a food or drink sector. (1.3: 28.4 % MAPE, 17.7 % > 2×.
 * The share of the title's words the model knows was tried as the gate and tells nothing apart:
 * CaML and check-set titles have the same shares, the check set's common words "pack", "set",
 * "inch" being known.)
 */
const PRIOR_LIFT = 1.1;

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Food and drink manufacturing (NAICS 311, 312). */
const FOOD_SECTOR = /^31[12]/;

/**
 * The spend sector when title words and model agree on the category's industry: the model's
 * least-risk sector, unless that is a food or drink sector for a category that is not food (the
 * least-risk choice can land between two industries on a sector of neither: a carpet stain remover
 * between cleaning products and vacuum cleaners on mayonnaise and dressings, wine glasses on nuts);
 * then the model's most probable sector if it is of the category's industry, else the category's
 * own. Out of fold on the training part: rules + model 27.1 → 27.2 % MAPE, 15.3 → 15.4 % of
 * titles > 2× off (with PRIOR_LIFT: 27.3 %, 15.8 %); keeping every least-risk sector within the
 * category's industry, not only food ones, cost more (27.9 %, 16.2 %) for no fewer food sectors on
 * the non-grocery check set.
 */
function spendSector(sector: SectorPrediction, own: Category): string {
  if (sector.category === own.id || sameIndustry(sector.naics, own.naics)) return sector.naics;
  if (FOOD_SECTOR.test(sector.naics) && own.group !== 'food-drink')
    return sameIndustry(sector.topNaics, own.naics) ? sector.topNaics : own.naics;
  // Another industry's sector only when the model knows more than next to nothing.
  return sector.topProbability >= MODEL_EVIDENCE ? sector.naics : own.naics;
}
const sameIndustry = (a: string, b: string): boolean => a.slice(0, 3) === b.slice(0, 3);

/**
 * The category (for per-kg, typical-item, use-phase and device methods) and the sector (for the
 * spend-based factor). The shop's trail decides the category when it names one; the learned
 * sector model (sectors.ts) picks the sector within it, and decides both when the title's words
 * alone would give a category of another industry and the model is sure enough. Unknown when
 * neither knows. Where the model weighed in, the confidence is its calibrated probability that an
 * expert would put the product in the same industry (NAICS first three digits).
 */
export function classifyProduct(
  product: Pick<Product, 'title' | 'category' | 'brand'>,
  /** Another sector model than the committed one (the training script's cross-validation folds). */
  model?: SectorModel,
): Classification {
  const rules = classifyByRules(product);
  const own = rules.category;
  const sector = predictSector(product.title ?? '', product.category, own.id, own.naics, model);
  if (!sector) return { ...rules, naics: own.naics };
  const fromTrail = /trail|tyre/.test(rules.evidence);
  const modelSays = `sector model ${sector.naics} (p ${sector.probability})`;
  // A trail naming a category outweighs the model: the category keeps its own sector unless the
  // model names that very category.
  if (fromTrail)
    return sector.category === own.id
      ? { ...rules, evidence: `${rules.evidence}; ${modelSays}`, naics: sector.naics }
      : { ...rules, naics: own.naics };
  const titleWords = own.id !== 'unknown';
  // Title words and model (its most probable or its chosen sector) agree on the industry: the
  // words' category, the model's finer sector.
  if (
    titleWords &&
    (sector.category === own.id ||
      sameIndustry(sector.naics, own.naics) ||
      sector.topCategory === own.id ||
      sameIndustry(sector.topNaics, own.naics))
  )
    return {
      ...rules,
      confidence: round2(sector.ruleIndustryProbability),
      evidence: `${rules.evidence}; ${modelSays}`,
      naics: spendSector(sector, own),
    };
  if (sector.topProbability < MODEL_SURE) {
    // The model is unsure of any one sector, yet its posterior still says which factor errs least
    // (sectors.ts): that is the spend sector, stated as a best estimate, unless the text gave it
    // almost nothing to go on (most probable sector below MODEL_EVIDENCE: then its posterior is
    // the training titles' prior, groceries mostly, and says nothing about this product).
    const estimated = sector.topProbability >= MODEL_EVIDENCE && (titleWords || sector.industryLift >= PRIOR_LIFT);
    const spendSays = estimated
      ? `${modelSays} unsure: its best estimate under uncertainty for the spend factor`
      : `${modelSays} unsure`;
    return titleWords
      ? // Two witnesses that disagree and a model unsure of its own: the words keep the category, as sure as the model finds them.
        {
          ...rules,
          confidence: round2(Math.min(rules.confidence, sector.ruleIndustryProbability)),
          evidence: `${rules.evidence}; ${spendSays}`,
          naics: estimated ? sector.naics : own.naics,
        }
      : // Unknown stays unknown as a category (the widest range), whatever factor the spend method uses.
        {
          category: UNKNOWN,
          confidence: round2(Math.min(0.1, sector.industryProbability)),
          evidence: `no category words recognised; ${spendSays}`,
          naics: estimated ? sector.naics : UNKNOWN.naics,
        };
  }
  // The model decides the category by its most probable sector (the chosen one may be a sector of
  // middling factor, chosen for the spend method only). A sector no taxonomy category stands for
  // (wood products, farm produce, medical supplies…) leaves the category unknown, as unsure as
  // unknown is, whatever the model's confidence in the sector; disputed title words do not stand.
  const category = byId.get(sector.topCategory);
  const spendSays = sector.naics === sector.topNaics ? '' : `, spend factor ${sector.naics} (least risk)`;
  const modelTop = `sector model ${sector.topNaics} (p ${round2(sector.topProbability)})${spendSays}`;
  if (!category)
    return {
      category: UNKNOWN,
      confidence: round2(Math.min(0.1, rules.confidence)),
      evidence: `${titleWords ? `title words (${own.label}) overruled by ` : ''}${modelTop}, a sector with no category of ours`,
      naics: sector.naics,
    };
  return {
    category,
    confidence: round2(sector.topIndustryProbability),
    evidence: titleWords ? `${modelTop} over title words (${own.label})` : modelTop,
    naics: sector.naics,
  };
}
