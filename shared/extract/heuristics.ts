// Reads a product from what the page shows when it publishes no structured data: the main
// heading, the price printed nearest to it (not a struck-out, shipping, unit or review figure),
// the breadcrumb trail and the brand line.

import type { Money } from '../product.ts';
import { crumbsIn } from './breadcrumbs.ts';
import { collapseSpaces, isHidden, schemaTypeOf, visibleTextOf } from './dom.ts';
import { classWords, hasAncestor, type PageIndex } from './page-index.ts';
import { type ParsedPrice, parsePrice } from './price.ts';
import { LABELS } from './specs.ts';

// Regions of a page that hold someone else's heading or price: site chrome, carts, carousels.
const CHROME_TAGS = new Set(['HEADER', 'FOOTER', 'NAV', 'ASIDE', 'DIALOG']);
const CHROME_WORDS = new Set([
  'carousel',
  'recommendations',
  'recommendation',
  'recommended',
  'related',
  'cart',
  'minicart',
  'sponsored',
  'upsell',
  'similar',
  'sims',
  'modal',
  'popover',
  'flyout',
  'bundle',
]);
// Whole class names of site headers and footers ("range-revamp-header-section" is a product header).
const CHROME_CLASSES =
  /(?:^|\s)(?:header|footer|site-header|site-footer|global-header|global-footer|navbar|masthead)(?:\s|$)/i;

/** Is the element in site chrome or someone else's block (header, cart, carousel, related items)? */
export function inChrome(el: Element): boolean {
  return hasAncestor(el, (node) => {
    if (CHROME_TAGS.has(node.tagName)) return true;
    const role = node.getAttribute('role');
    if (role === 'dialog' || role === 'banner' || role === 'navigation' || role === 'contentinfo') return true;
    if (CHROME_CLASSES.test(node.getAttribute('class') ?? '') || CHROME_CLASSES.test(node.id)) return true;
    return classWords(node).some((word) => CHROME_WORDS.has(word));
  });
}

/** The page's main heading: the first substantial h1 outside site chrome, preferring one named as a title. */
export function mainHeading(index: PageIndex): Element | null {
  const headings = index.headings.slice(0, 20);
  const usable = headings.filter((h) => !isHidden(h) && headingText(h).length >= 3 && !inChrome(h));
  const named = usable.find((h) =>
    /title|name|product/i.test(
      `${h.id} ${h.getAttribute('class') ?? ''} ${h.getAttribute('itemprop') ?? ''} ${h.getAttribute('data-test') ?? ''} ${h.getAttribute('data-testid') ?? ''}`,
    ),
  );
  return named ?? usable[0] ?? null;
}

export const TITLE_PREFIX = /^(?:details about|détails sur|details zu|dettagli su|detalles de|details over)\s+/i;

/** A heading's text; parts built from separate elements ("<div>MÖCKELBY</div><span>Table</span>") get spaces between them. */
export const headingText = (el: Element): string =>
  spacedText(el, 0).replace(/\s+/g, ' ').replace(TITLE_PREFIX, '').trim();

function spacedText(el: Element, depth: number): string {
  const hasOwnText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.nodeValue ?? '').trim());
  if (hasOwnText || el.children.length < 2 || depth > 4) return visibleTextOf(el, 400);
  return Array.from(el.children)
    .filter((child) => !isHidden(child))
    .map((child) => spacedText(child, depth + 1))
    .filter(Boolean)
    .join(' ');
}

// Class or id words of prices that are not what the shopper pays now.
const NOT_THE_PRICE = new Set([
  'old',
  'was',
  'strike',
  'strikethrough',
  'crossed',
  'list',
  'listprice',
  'basis',
  'rrp',
  'uvp',
  'msrp',
  'before',
  'compare',
  'shipping',
  'delivery',
  'postage',
  'review',
  'reviews',
  'rating',
  'installment',
  'instalment',
  'monthly',
  'unit',
  'saving',
  'savings',
  'save',
  'discount',
  'coupon',
  'secondary',
  'plan',
  'protection',
  'regular',
  'original',
  'orig',
  'reference',
  'estimate',
  'estimated',
  'installments',
  'parcelas',
  'parcelamento',
  'cuotas',
  'emi',
  'financing',
  'grundpreis',
  'baseprice',
  'pvp',
]);
const STRUCK_TAGS = new Set(['DEL', 'S', 'STRIKE']);

const isNotThePrice = (el: Element): boolean =>
  hasAncestor(
    el,
    (node) =>
      STRUCK_TAGS.has(node.tagName) ||
      classWords(node).some((word) => NOT_THE_PRICE.has(word)) ||
      /line-through/.test(node.getAttribute('style') ?? ''),
    8,
  );

const NOT_PRICE_WORDS =
  /shipping|delivery|postage|versand|livraison|envío|spedizione|\bsave\b|\bspar|économisez|ahorra|\bwas\b|\buvp\b|\brrp\b|list price|statt|\/\s*(?:kg|l|m|100\s*(?:g|ml)|oz|fl oz|count|ct|each|pack|st|stk|unidad|unité|pcs?|lb|m²)\b|per (?:kg|unit|item|oz)|monthly|\/mo\b|rate lunare|\bmonat|¢|\d\s?x\s?(?:de\s)?\D{0,3}\d|sem juros|sin interés|cuotas|\bemi\b|estimat|schätz|regular price|\borig\b|\/\s*(?:mes|mois|month)\b|a month|al mes|por mes|par mois/i;

export interface PriceCandidate {
  element: Element;
  price: Money;
  text: string;
}

function readPrice(text: string, country: string | null): ParsedPrice | null {
  if (!text || text.length > 60 || NOT_PRICE_WORDS.test(text)) return null;
  const parsed = parsePrice(text, { country });
  if (parsed.amount === null || parsed.amount <= 0 || parsed.amount > 10_000_000) return null;
  return parsed.currency ? parsed : null;
}

/** The printed price closest to the heading, preferring prices after it. */
export function priceNearHeading(
  index: PageIndex,
  heading: Element | null,
  country: string | null,
): PriceCandidate | null {
  const headingIndex = heading ? (index.order.get(heading) ?? 0) : 0;
  let best: { element: Element; parsed: ParsedPrice; text: string } | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const el of index.priced.slice(0, 800)) {
    const position = index.order.get(el) ?? 0;
    // A price just below the title is the norm; one above it is usually a banner or header deal.
    const distance = position >= headingIndex ? position - headingIndex : (headingIndex - position) * 4;
    if (distance >= bestDistance) continue;
    if (isHidden(el) || isNotThePrice(el) || inChrome(el)) continue;
    const text = visibleTextOf(el, 80);
    const parsed = readPrice(text, country);
    if (!parsed) continue;
    best = { element: el, parsed, text };
    bestDistance = distance;
  }
  best ??= printedPriceAfter(index, heading, country);
  if (!best) return null;
  const { amount, currency, isRange } = best.parsed;
  const price: Money = { amount: amount!, currency: currency! };
  if (isRange) price.isRangeLowerBound = true;
  return { element: best.element, price, text: best.text };
}

/**
 * For pages that give prices no telling class: the first short text after the heading that reads
 * as a price, joined with the next sibling's text for shops that print the currency apart
 * ("<span>294</span><span>元</span>").
 */
function printedPriceAfter(
  index: PageIndex,
  heading: Element | null,
  country: string | null,
): { element: Element; parsed: ParsedPrice; text: string } | null {
  if (!heading) return null;
  const start = index.order.get(heading) ?? 0;
  for (const el of index.elements.slice(start + 1, start + 600)) {
    if (el.childElementCount > 0 || STRUCK_TAGS.has(el.tagName)) continue;
    const own = (el.textContent ?? '').trim();
    if (!own || own.length > 40 || !/\d/.test(own)) continue;
    const next = el.nextElementSibling;
    const nextText = next && next.childElementCount === 0 ? (next.textContent ?? '').trim() : '';
    const text = nextText.length > 0 && nextText.length <= 6 ? `${own} ${nextText}` : own;
    if (isHidden(el) || isNotThePrice(el) || inChrome(el)) continue;
    const parsed = readPrice(text, country);
    if (parsed) return { element: el, parsed, text };
  }
  return null;
}

const NOT_A_CRUMB = /^(?:back to (?:results|search)|zurück|retour|volver|torna|‹ back|< back)$/i;

/** The breadcrumb trail shown on the page, widest first. */
export function breadcrumbsOnPage(index: PageIndex): string[] {
  // Structured trails first, then the outermost element named as a breadcrumb.
  const structured = index.crumbs.filter((el) => /Breadcrumb/i.test(schemaTypeOf(el)));
  let tried = 0;
  for (const container of [...structured, ...index.crumbs]) {
    if (++tried > 30) break;
    if (hasAncestor(container, (node) => node.tagName === 'FOOTER')) continue;
    const trail = crumbNames(container);
    if (trail.length >= 2 || (trail.length === 1 && container.querySelector('a'))) return trail;
  }
  return [];
}

export function crumbNames(container: Element): string[] {
  const names = crumbsIn(container, 'https://page.invalid/')
    .map((crumb) => crumb.name)
    .filter((name): name is string => !!name && !NOT_A_CRUMB.test(name));
  const unique: string[] = [];
  for (const name of names) if (unique.at(-1) !== name) unique.push(name);
  return unique.length <= 12 ? unique : [];
}

/** A brand line ("Visit the Brome Store", "Brand: Gorilla", "Shop all up&up") or a brand property. */
export function brandOnPage(index: PageIndex, heading: Element | null): string | null {
  const marked = index.branded.find((el) => /\bbrand\b/.test(el.getAttribute('itemprop') ?? ''));
  const candidates = marked ? [marked, ...index.branded.slice(0, 30)] : index.branded.slice(0, 30);
  for (const el of candidates) {
    const named = el.querySelector('[itemprop="name"]');
    // A logo's alt text names the brand only inside a brand property; elsewhere it is the shop's logo.
    const logo = el === marked ? brandNameOf(named ?? el) : null;
    const value = cleanBrand((named ?? el).getAttribute('content') ?? (visibleTextOf(named ?? el, 120) || logo));
    if (value && value.length <= 40 && value.split(' ').length <= 5 && !inChrome(el)) return value;
  }
  return labelledBrand(index, heading);
}

/**
 * A brand labelled beside the product, in any element: "Brand: Gorilla" in one text, or a label
 * and its value as a pair ("<span>Marke</span><a>Bosch</a>", "<div>Brand</div><div>Bosch</div>").
 */
function labelledBrand(index: PageIndex, heading: Element | null): string | null {
  // Around the heading; without one, the page from its start.
  const at = (heading && index.order.get(heading)) ?? 0;
  for (const el of index.elements.slice(Math.max(0, at - 40), at + 1500)) {
    if (el.firstElementChild) continue;
    const text = collapseSpaces(el.textContent ?? '');
    const [label = '', rest] = text.split(/\s*[:：]\s*/, 2);
    if (text.length > 60 || !LABELS.brand.test(label)) continue;
    // "Brand:" then the value beside it; a bare "Brand" only as one of a label–value pair.
    const parent = el.parentElement;
    const value = el.nextElementSibling;
    const whole = value ? '' : collapseSpaces(parent?.textContent ?? '');
    const after = whole.slice(whole.indexOf(text) + text.length);
    const paired = rest === '' || (value ?? parent)?.parentElement?.childElementCount === 2;
    const brand = cleanBrand(rest || (paired ? after || visibleTextOf(value ?? parent?.nextElementSibling, 60) : null));
    if (brand) return brand;
  }
  return null;
}

const MAX_BRAND_CHARS = 50;

/**
 * The brand an element names, as printed: its own text when short, else the alt or title of a
 * logo image inside it (looking `depth` levels down). Longer text is a description, not a brand.
 */
export function brandNameOf(el: Element, depth = 2): string | null {
  const own = collapseSpaces(el.textContent ?? '');
  if (own && own.length <= MAX_BRAND_CHARS) return own;
  if (own) return null;
  const images =
    el.tagName === 'IMG' ? [el] : Array.from(el.querySelectorAll('img')).filter((img) => depthBelow(img, el) <= depth);
  for (const img of images) {
    for (const attr of ['alt', 'title']) {
      const value = collapseSpaces(img.getAttribute(attr) ?? '');
      if (value && value.length <= MAX_BRAND_CHARS) return value;
    }
  }
  return null;
}

const depthBelow = (node: Element, ancestor: Element): number => {
  let depth = 0;
  for (let at: Element | null = node; at && at !== ancestor; at = at.parentElement) depth++;
  return depth;
};

/** Strips the words shops wrap a brand in, in our languages. */
export function cleanBrand(value: string | null | undefined): string | null {
  if (!value) return null;
  const brand = value
    .replace(
      /^(?:visit the|besuchen sie den|besuche den|visita lo store di|visite[zr]? (?:la boutique|a loja)(?: d[aeo])?|visita la tienda de|bezoek de|odwiedź sklep|shop all|more from|view all|alle artikel von|see all|mehr von|plus de)\s+/i,
      '',
    )
    .replace(/\s*\((?:em|en|in|auf)\s[^()]*\)$/i, '')
    .replace(/[-\s]+(?:store|shop|boutique|tienda|winkel|products|produkte|produits)$/i, '')
    .replace(/^(?:brand|marke|marca|marque|merk|marka|hersteller|manufacturer|by|von|par|por|di|de)\s*:?\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return brand &&
    brand.length <= 60 &&
    !/^(?:learn more|see more|more info|details|shop now|n\/a|none|unbranded|generic|no brand)$/i.test(brand)
    ? brand
    : null;
}
