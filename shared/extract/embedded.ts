// Products a page keeps only in its scripts' data: `application/json` blocks (Next.js
// `__NEXT_DATA__`, Nuxt and Apollo state) and state assigned in inline scripts
// (`window.__STATE__ = {...}`). Read only when the page shows nothing better: a product page's
// price or brand, a listing's items. An object is a product when it has a name and a price; an
// array of three or more of them is a listing's items.

import type { Money } from '../product.ts';
import { absoluteUrl, collapseSpaces } from './dom.ts';
import type { PageIndex } from './page-index.ts';
import { currencyOfCountry, parsePrice } from './price.ts';

export interface DataProduct {
  title: string;
  price: Money;
  brand: string | null;
  url: string | null;
}

interface Found {
  products: DataProduct[];
  lists: DataProduct[][];
}

type Obj = Record<string, unknown>;

const NAME = /^(?:name|title|(?:product|display|item|goods)_?(?:name|title))$/i;
const URL_KEY = /^(?:url|href|link|permalink|(?:product|canonical|pdp|seo|detail|item|web)_?(?:url|link|path))$/i;
const WRAPPER = /^(?:node|product|item|data)$/;
// Price keys, the price paid now first; the rest ("listPrice", "unitPrice", "monthly") are not it.
// Inside a price object the amount may be under `current`, `sale` or `min…` (`minVariantPrice`).
const PRICE_KEY = /price|amount|value|^(?:current|now|sale|final|selling|min)/i;
const PAID_NOW = /^(?:sale|final|current|selling|offer|special|discount(?:ed)?|promo|now|active|deal)_?price/i;
const NOT_PAID_NOW =
  /list|orig|regular|was|old|msrp|rrp|compare|strike|before|base|unit|per|instal|month|emi|tax|ship|deliver|estimat|deposit|sav|max|high|from|prev/i;
const CURRENCY_KEY = /^(?:price_?)?currency(?:_?code|_?iso)?$/i;
const BRAND_KEY = /^(?:brand|brand_?name|manufacturer|vendor)$/i;

const cache = new WeakMap<PageIndex, Found>();

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? collapseSpaces(value) : null;

function pick(obj: Obj, key: RegExp): unknown {
  for (const name in obj) if (key.test(name)) return obj[name];
  return undefined;
}

const brandOf = (value: unknown): string | null => {
  const name = text(value && typeof value === 'object' ? (value as Obj).name : value);
  return name && name.length <= 60 ? name : null;
};

/** What the page's script data holds, read once per page. */
export function scriptData(index: PageIndex, country: string | null): Found {
  let found = cache.get(index);
  if (found) return found;
  found = { products: [], lists: [] };
  cache.set(index, found);
  const local = currencyOfCountry(country);
  let budget = 200_000;
  const visit = (value: unknown, depth: number): DataProduct | null => {
    if (--budget < 0 || depth > 40 || !value || typeof value !== 'object') return null;
    if (Array.isArray(value)) {
      const items = value
        .slice(0, 500)
        .map((entry) => visit(entry, depth + 1))
        .filter((item) => item !== null);
      if (items.length >= 3 && items.length >= value.length * 0.6) found.lists.push(items);
      return null;
    }
    const obj = value as Obj;
    let product: DataProduct | null = null;
    for (const key in obj) {
      const inner = visit(obj[key], depth + 1);
      if (WRAPPER.test(key)) product ??= inner;
    }
    const title = text(pick(obj, NAME));
    const price = title && title.length <= 300 && !title.startsWith('http') ? priceOf(obj, country, local, 0) : null;
    if (!title || !price) return product;
    product = { title, price, brand: brandOf(pick(obj, BRAND_KEY)), url: text(pick(obj, URL_KEY)) };
    found.products.push(product);
    return product;
  };
  // Next.js app-router flight data arrives in chunks (`self.__next_f.push([1,"…"])`) that may cut
  // a row anywhere: joined in order, then read row by row.
  const flight: string[] = [];
  let lenient = 300_000;
  for (const [body, json] of scripts(index)) {
    if (json) {
      if (body.includes('rice')) visit(revived(parse(body)), 0);
      continue;
    }
    // JSON kept in a script's string: `JSON.parse("{\"items\":…}")`, `JSON.parse('…')`, flight chunks.
    const quoted = /(JSON\.parse|__next_f\.push)\(\[?(?:1,)?\s*(?=["'])/g;
    for (let match = quoted.exec(body); match; match = quoted.exec(body)) {
      const start = match.index + match[0].length;
      const end = stringEnd(body, start);
      if (end < 0) break;
      const value = unquote(body.slice(start, end + 1));
      if (match[1] === '__next_f.push') flight.push(value);
      else if (value.includes('rice')) visit(parse(value), 0);
      quoted.lastIndex = end;
    }
    if (!body.includes('rice')) continue;
    // State assigned in a script (`window.__STATE__ = {...}`, Nuxt's `return {...}`): each literal
    // read once, as JSON, or else as a JavaScript literal made JSON (bare keys, single quotes, undefined).
    const opening = /(?:[=(]|return)\s*(?=[{[])/g;
    for (let match = opening.exec(body); match; match = opening.exec(body)) {
      const start = match.index + match[0].length;
      const end = closing(body, start);
      if (end < 0) break;
      const literal = body.slice(start, end + 1);
      opening.lastIndex = end;
      if (literal.length < 40 || !literal.includes('rice')) continue;
      // A failed JSON.parse costs an exception: tried only on what opens like JSON (`{"`, `[{`).
      let value = /^[{[]\s*["{[]/.test(literal) ? parse(literal) : null;
      if (value === null && lenient > 0) {
        lenient -= literal.length;
        const json = jsonOf(literal);
        if (json) value = parse(json);
      }
      visit(value, 0);
    }
  }
  for (const row of flight.join('').split('\n')) {
    const at = row.search(/[[{]/);
    if (at >= 0 && at < 12 && row.includes('rice')) visit(parse(row.slice(at)), 0);
  }
  return found;
}

/** The page's inline data and code scripts (not JSON-LD), up to 3 MB, each with whether it is JSON. */
function scripts(index: PageIndex): [string, boolean][] {
  const out: [string, boolean][] = [];
  let chars = 0;
  for (const script of Array.from(index.doc.querySelectorAll('script:not([src])'))) {
    const type = script.getAttribute('type') ?? '';
    const json = type.includes('json');
    const body = script.textContent ?? '';
    chars += body.length;
    if (chars > 3_000_000) break;
    if (!type.includes('ld+json') && (!type || json || type.includes('javascript')) && body.length > 20)
      out.push([body, json]);
  }
  return out;
}

/**
 * Data flattened the way Nuxt 3 keeps it (devalue: one array whose objects and arrays hold the
 * indices of their values, `["Reactive", 1]` wrapping one) made whole; other data as it is.
 */
function revived(data: unknown): unknown {
  if (!Array.isArray(data) || !/Reactive$/.test(String(data[0]?.[0]))) return data;
  // Each object made once (a second reference to it, or a cycle, gives the one made).
  const made = new Map<unknown, unknown>();
  const at = (i: unknown, depth: number): unknown => {
    const value = typeof i === 'number' ? data[i] : null;
    if (!value || typeof value !== 'object' || made.has(i) || depth > 60) return made.get(i) ?? value;
    made.set(i, null);
    const whole = Array.isArray(value)
      ? typeof value[0] === 'string'
        ? at(value[1], depth + 1)
        : value.map((j) => at(j, depth + 1))
      : Object.fromEntries(Object.entries(value).map(([key, j]) => [key, at(j, depth + 1)]));
    made.set(i, whole);
    return whole;
  };
  return at(0, 0);
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** The index of the bracket that closes the one at `start`, skipping strings; -1 when none. */
function closing(body: string, start: number): number {
  let depth = 0;
  for (let i = start; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"' || c === "'" || c === '`') {
      i = stringEnd(body, i);
      if (i < 0) return -1;
    } else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i;
  }
  return -1;
}

/** The index of the quote that ends the string opening at `start`; -1 when none. */
function stringEnd(body: string, start: number): number {
  const quote = body[start];
  for (let i = start + 1; i < body.length; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === quote) return i;
  }
  return -1;
}

/** A JavaScript string literal's value ("…" or '…', with \\' and \\x41 escapes); '' when it is not one. */
function unquote(literal: string): string {
  const value = parse(
    `"${literal.slice(1, -1).replace(/\\(.)|"/g, (all, escaped?: string) => (escaped === "'" ? escaped : escaped === 'x' ? '\\u00' : escaped ? all : '\\"'))}"`,
  );
  return typeof value === 'string' ? value : '';
}

// A JavaScript literal's tokens: strings, numbers, `!0`/`!1`, `void 0`, names, punctuation.
const TOKEN =
  /\s+|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?|![01]|void 0|[a-z_$][\w$]*|[{}[\],:]/iy;

/**
 * A JavaScript object or array literal written as JSON: keys and single-quoted strings quoted the
 * JSON way, names that are not values (a variable, `undefined`) made null, trailing commas
 * dropped. '' (not JSON) when the text is code rather than a literal.
 */
export function jsonOf(literal: string): string {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < literal.length) {
    const token = TOKEN.exec(literal)?.[0];
    if (token === undefined) return '';
    const c = token[0]!;
    const last = out.at(-1);
    if (c === '"' || c === "'") out.push(JSON.stringify(unquote(token)));
    else if (/[\d.-]/.test(c)) out.push(String(Number(token)));
    else if (c === '!') out.push(String(token === '!0'));
    else if (/[\w$]/.test(c))
      out.push(
        (last === '{' || last === ',') && /^\s*:/.test(literal.slice(TOKEN.lastIndex, TOKEN.lastIndex + 20))
          ? `"${token}"`
          : /^(?:true|false|null)$/.test(token)
            ? token
            : 'null',
      );
    else if (c.trim()) {
      if (last === ',' && (c === '}' || c === ']')) out.pop();
      out.push(c);
    }
  }
  return out.join('');
}

/** The price an object gives, the sale price before the plain one; nested price objects too. */
function priceOf(obj: Obj, country: string | null, currency: string | null, depth: number): Money | null {
  const own = text(pick(obj, CURRENCY_KEY));
  const code = own && /^[a-z]{3}$/i.test(own) ? own.toUpperCase() : currency;
  const keys = Object.keys(obj)
    .filter((key) => PRICE_KEY.test(key) && !NOT_PAID_NOW.test(key) && (depth > 0 || /price/i.test(key)))
    .sort((a, b) => +!PAID_NOW.test(a) - +!PAID_NOW.test(b));
  for (const key of keys) {
    const value = obj[key];
    if (value && typeof value === 'object') {
      const nested = depth < 3 && priceOf(value as Obj, country, code, depth + 1);
      if (nested) return nested;
      continue;
    }
    const parsed = typeof value === 'number' ? { amount: value, currency: null } : parsePrice(text(value), { country });
    const amount = (parsed.amount ?? 0) / (/cent/i.test(key) ? 100 : 1);
    const iso = parsed.currency ?? code;
    if (amount > 0 && iso) return { amount, currency: iso };
  }
  return null;
}

export const words = (value: string): string[] =>
  value
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Whether two names name the same product: most words of the shorter are in the longer. */
export function sameName(a: string, b: string): boolean {
  const x = words(a);
  const y = new Set(words(b));
  const shorter = Math.min(x.length, y.size);
  return shorter > 0 && x.filter((word) => y.has(word)).length / shorter >= 0.8;
}

/** The product in the script data named like the page's heading. */
export function dataProductNamed(index: PageIndex, title: string, country: string | null): DataProduct | null {
  const product = scriptData(index, country).products.find((item) => sameName(item.title, title));
  return product ? inUnits(index, [product])[0]! : null;
}

/**
 * Data often gives prices in cents (Shopify's 1999 for $19.99). When the page prints the first
 * item's amount only divided by 100 ("19.99"), every amount is.
 */
function inUnits(index: PageIndex, items: DataProduct[]): DataProduct[] {
  // The page's price elements (or its whole text when none is named as one), without scripts.
  const shown = index.priced.length ? index.priced.slice(0, 500) : [index.doc.body];
  const text = shown.map((el) => el?.textContent ?? '').join(' ');
  const amount = items[0]?.price.amount ?? 0;
  // Whole hundreds stay as they are: "20" is printed on any page, "19.99" is not.
  if (!Number.isInteger(amount) || amount % 100 === 0 || printed(text, amount) || !printed(text, amount / 100))
    return items;
  return items.map((item) => ({ ...item, price: { ...item.price, amount: item.price.amount / 100 } }));
}

/** Whether the text prints the amount ("19.99", "19,99", "1,299.00", "1.299"). */
function printed(text: string, amount: number): boolean {
  const [whole = '', cents] = amount.toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const forms = [
    `${whole}.${cents}`,
    `${whole},${cents}`,
    `${grouped}.${cents}`,
    `${grouped.replaceAll(',', '.')},${cents}`,
  ];
  if (cents === '00') forms.push(whole, grouped, grouped.replaceAll(',', '.'));
  return forms.some((form) => new RegExp(`(?<![\\d.,])${form.replaceAll('.', '\\.')}(?!\\d)`).test(text));
}

/** A listing's items from the script data: the longest list of named, priced objects, once each. */
export function scriptListing(index: PageIndex, url: string, country: string | null): DataProduct[] {
  let best: DataProduct[] = [];
  for (const list of scriptData(index, country).lists) if (list.length > best.length) best = list;
  const seen = new Set<string>();
  return inUnits(index, best).filter((item) => {
    item.url = absoluteUrl(item.url, url);
    const key = `${item.title}|${item.url}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

const squash = (value: string): string => value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The brand a title opens with, when the page names it as a brand elsewhere: in its script data
 * ("brand": "TP Link"), in a link to the shop's brand page (/brand/google) or in its breadcrumbs. A title's first
 * words alone are as often a product line ("MÖCKELBY Table") as a brand. "【Brand】" opens a title
 * with its brand by convention.
 */
export function brandInTitle(index: PageIndex, title: string, crumbs: string[] = []): string | null {
  const bracketed = /^\s*【([^】]{2,30})】/.exec(title)?.[1];
  if (bracketed) return bracketed.trim();
  // A breadcrumb of its own ("Home › Dryers › Miele") names the brand too.
  const named = new Set(crumbs.map(squash));
  for (const [body] of scripts(index))
    for (const match of body.matchAll(
      /"(?:brand|brand_?[nN]ame|manufacturer)"\s*:\s*(?:\{[^{}]*?"name"\s*:\s*)?"([^"]{2,60})"/g,
    ))
      named.add(squash(match[1]!));
  for (const a of Array.from(index.doc.querySelectorAll('a[href*="brand"],a[href*="marke"],a[href*="marca"]'))) {
    const slug = /\/(?:brands?|marken?|marcas?)\/([^/?#.]+)|[?&]brand=([^&#]+)/i.exec(a.getAttribute('href') ?? '');
    if (slug) named.add(squash((slug[1] ?? slug[2] ?? '').replace(/%\w\w|\+/g, '')));
  }
  const lead = title.split(/\s+/, 3);
  for (let n = 1; n <= lead.length; n++) {
    const candidate = lead
      .slice(0, n)
      .join(' ')
      .replace(/[\s,:;–-]+$/, '');
    // A trail's last crumb is often the product itself: a brand is never the whole title.
    if (squash(candidate).length >= 2 && squash(candidate) !== squash(title) && named.has(squash(candidate)))
      return candidate;
  }
  return null;
}
