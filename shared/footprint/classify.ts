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

const escapePattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]?');

interface Matcher {
  category: Category;
  latin: RegExp | null;
  zh: RegExp | null;
}

function compile(category: Category): Matcher {
  const words = [...category.words].sort((a, b) => b.length - a.length);
  const plain = words.filter((w) => !COMPOUND_HEADS.has(w) && !/[äöüß]/.test(w)).map(escapePattern);
  const heads = words.filter((w) => COMPOUND_HEADS.has(w) || /[äöüß]/.test(w)).map(escapePattern);
  const alternatives = [
    ...(plain.length ? [`(?<![\\p{L}\\p{N}])(?:${plain.join('|')})(?:s|es|e|n|en)?`] : []),
    ...(heads.length ? [`(?:${heads.join('|')})(?:s|es|e|n|en|er)?`] : []),
  ];
  return {
    category,
    latin: alternatives.length ? new RegExp(`(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu') : null,
    zh: category.zh.length ? new RegExp(category.zh.map(escapePattern).join('|'), 'u') : null,
  };
}

const MATCHERS: Matcher[] = CATEGORIES.map(compile);

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

interface Match {
  category: Category;
  length: number;
  index: number;
}

/** The most specific category named in a text: the longest match, then the latest one. */
function bestMatch(text: string): Match | null {
  let best: Match | null = null;
  for (const matcher of MATCHERS) {
    for (const pattern of [matcher.latin, matcher.zh]) {
      if (!pattern) continue;
      const found = pattern.exec(text);
      if (!found) continue;
      const candidate = { category: matcher.category, length: found[0].length, index: found.index };
      if (!best || candidate.length > best.length || (candidate.length === best.length && candidate.index > best.index))
        best = candidate;
    }
  }
  return best;
}

// Words after these introduce what a product goes with ("bag for laptop"), not what it is.
const HEAD_CUT = /\s(?:for|with|für|mit|compatible with|passend für)\s|适用于|适用|配/iu;

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
