// Classifies a product into the taxonomy from its category trail, title and brand, in English,
// German and Chinese. Unknown stays unknown with low confidence rather than a confident guess.

import type { Product } from '../product.ts';
import { CATEGORIES, type Category, UNKNOWN } from './taxonomy.ts';

export interface Classification {
  category: Category;
  /** 0–1: how sure we are of the category. */
  confidence: number;
  /** What decided it, for the explanation ("trail: Office Chairs"). */
  evidence: string;
}

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
const ZH_BY_FIRST = new Map<string, { word: string; entry: Entry }[]>();
for (const zh of ZH) {
  const first = zh.word[0]!;
  ZH_BY_FIRST.set(first, [...(ZH_BY_FIRST.get(first) ?? []), zh]);
}

const HEAD_PREFIXES = new Set([...HEADS.keys()].map((head) => head.slice(0, 2)));

const lookup = (key: string, endings: readonly string[]): Entry | undefined => {
  for (const ending of endings) {
    if (ending && !key.endsWith(ending)) continue;
    const found = PHRASES.get(ending ? key.slice(0, -ending.length) : key);
    if (found) return found;
  }
  return undefined;
};

const lookupHead = (token: string): Entry | undefined => {
  // German compounds end in the noun that says what they are: "bürostuhl" → "stuhl".
  for (let start = Math.max(1, token.length - longestHead); start <= token.length - 3; start++) {
    if (!HEAD_PREFIXES.has(token.slice(start, start + 2))) continue;
    const rest = token.slice(start);
    for (const ending of PLURAL_ENDINGS) {
      if (ending && !rest.endsWith(ending)) continue;
      const found = HEADS.get(ending ? rest.slice(0, -ending.length) : rest);
      if (found) return found;
    }
  }
  return undefined;
};

const HAN = /\p{Script=Han}/u;

interface Match {
  category: Category;
  length: number;
  index: number;
}

/** The most specific category named in a text: the longest match, then the latest one. */
function bestMatch(text: string): Match | null {
  let best: Match | null = null;
  const consider = (entry: Entry, index: number) => {
    if (!best || entry.length > best.length || (entry.length === best.length && index > best.index))
      best = { category: entry.category, length: entry.length, index };
  };
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    let matched = false;
    for (let n = Math.min(longestPhrase, tokens.length - i); n >= 1; n--) {
      const entry =
        n === 1 ? lookup(tokens[i]!, PLURAL_ENDINGS) : lookup(tokens.slice(i, i + n).join(' '), PHRASE_ENDINGS);
      if (entry) {
        consider(entry, i);
        matched = true;
        break;
      }
    }
    if (!matched) {
      const head = lookupHead(tokens[i]!);
      if (head) consider(head, i);
    }
  }
  if (HAN.test(text)) {
    for (let index = 0; index < text.length; index++) {
      const candidates = ZH_BY_FIRST.get(text[index]!);
      if (!candidates) continue;
      for (const { word, entry } of candidates)
        if (text.startsWith(word, index)) consider(entry, tokens.length + index);
    }
  }
  return best;
}

// Words after these introduce what a product goes with ("bag for laptop"), not what it is.
const HEAD_CUT = /\s(?:for|with|für|mit|compatible with|passend für)\s|适用于|适用|配/iu;

const TYRE_SIZE = /\b\d{3}\/\d{2}\s?Z?R\s?\d{2}\b/i;

// Categories that are the catch-all of their group.
const GENERIC = new Set(['clothing', 'shoes', 'furniture', 'food', 'toys', 'sports-equipment', 'home-decor']);

const byId = new Map(CATEGORIES.map((category) => [category.id, category]));

export function classifyProduct(product: Pick<Product, 'title' | 'category' | 'brand'>): Classification {
  let trailMatch: { match: Match; element: string } | null = null;
  // Some pages put the whole trail in one string ("Clothing > Jeans").
  const trail = product.category.flatMap((element) => element.split(/\s*[>›»/|]\s*/)).filter(Boolean);
  // The narrowest trail element that names a category is the shop's own statement of what it is.
  for (let i = trail.length - 1; i >= 0 && !trailMatch; i--) {
    const element = trail[i]!;
    const match = bestMatch(element);
    if (match) trailMatch = { match, element };
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
  const head = title.split(HEAD_CUT)[0] ?? title;
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
