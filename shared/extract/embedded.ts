// Products a page keeps only in its scripts' data: `application/json` blocks (Next.js
// `__NEXT_DATA__`, Nuxt and Apollo state) and state assigned in inline scripts
// (`window.__STATE__ = {...}`). Read only when the page shows nothing better: a product page's
// price or brand, a listing's items. Objects count as products when they carry a name and a
// price; an array of three or more of them is a listing's items.

import type { Money } from '../product.ts';
import { absoluteUrl, collapseSpaces } from './dom.ts';
import type { PageIndex } from './page-index.ts';
import { currencyOfCountry, parsePrice } from './price.ts';

export interface DataProduct {
  title: string;
  price: Money | null;
  brand: string | null;
  url: string | null;
}

interface Found {
  products: Map<object, DataProduct>;
  lists: DataProduct[][];
  brands: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const NAME_KEYS = ['name', 'title', 'productName', 'product_name', 'displayName', 'itemName', 'productTitle'];
const URL_KEYS = ['url', 'href', 'link', 'productUrl', 'canonicalUrl', 'pdpUrl', 'slug'];
const WRAPPERS = ['node', 'product', 'item', 'data', 'attributes'];
// Price keys, the price paid now first; the rest ("listPrice", "unitPrice", "monthly") are not it.
const PAID_NOW = /^(?:sale|final|current|selling|offer|special|discount(?:ed)?|promo|now|active|actual|deal)_?price/i;
const NOT_PAID_NOW =
  /list|orig|regular|was|old|msrp|rrp|compare|strike|before|base|unit|per|instal|monthly|emi|tax|ship|deliver|estimat|deposit|saving|max|high|from|range/i;
const BRAND_KEY = /^(?:brand|brand_?name|manufacturer|vendor)$/i;

const cache = new WeakMap<PageIndex, Found>();
const MAX_SCRIPT_CHARS = 3_000_000;
const MAX_NODES = 200_000;

/** What the page's script data holds, read once per page. */
export function scriptData(index: PageIndex, country: string | null): Found {
  let found = cache.get(index);
  if (found) return found;
  found = { products: new Map(), lists: [], brands: [] };
  cache.set(index, found);
  const where: Where = { country, currency: currencyOfCountry(country) };
  let budget = MAX_NODES;
  const visit = (value: unknown, depth: number): DataProduct | null => {
    if (--budget < 0 || depth > 40 || typeof value !== 'object' || value === null) return null;
    if (Array.isArray(value)) {
      const items: DataProduct[] = [];
      for (const entry of value.slice(0, 500)) {
        const product = visit(entry, depth + 1);
        if (product?.price) items.push(product);
      }
      if (items.length >= 3 && items.length >= value.length * 0.6) found.lists.push(items);
      return null;
    }
    const obj = value as Obj;
    let product: DataProduct | null = null;
    for (const key in obj) {
      const child = obj[key];
      if (BRAND_KEY.test(key)) {
        const brand = brandOf(child);
        if (brand) found.brands.push(brand);
      }
      const inner = visit(child, depth + 1);
      if (inner && WRAPPERS.includes(key)) product ??= inner;
    }
    const title = firstString(obj, NAME_KEYS);
    if (title && title.length >= 3 && title.length <= 300 && !/^https?:/.test(title)) {
      const price = priceOf(obj, where, 0);
      if (price || firstString(obj, URL_KEYS)) {
        product = { title, price, brand: brandOf(firstOf(obj, BRAND_KEY)), url: firstString(obj, URL_KEYS) };
        found.products.set(obj, product);
      }
    }
    return product;
  };
  let chars = 0;
  for (const script of Array.from(index.doc.querySelectorAll('script:not([src])'))) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (type.includes('ld+json') || (type && !type.includes('json') && !type.includes('javascript'))) continue;
    const body = script.textContent ?? '';
    chars += body.length;
    if (body.length < 40 || chars > MAX_SCRIPT_CHARS || !/rice|rand/.test(body)) continue;
    visit(type.includes('json') ? parse(body) : assigned(body), 0);
  }
  return found;
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** The object literals an inline script assigns (`window.__STATE__ = {...};`), as JSON. */
function assigned(body: string): unknown[] {
  const out: unknown[] = [];
  const opening = /[=(]\s*(?=[{[]["{[])/g;
  for (let match = opening.exec(body); match && out.length < 20; match = opening.exec(body)) {
    const start = match.index + match[0].length;
    const end = closing(body, start);
    if (end < 0) break;
    // State is often a JavaScript literal rather than JSON: `undefined` where JSON has null.
    out.push(parse(body.slice(start, end + 1).replace(/:undefined(?=[,}\]])/g, ':null')));
    opening.lastIndex = end + 1;
  }
  return out;
}

/** The index of the bracket that closes the one at `start`, skipping strings; -1 when none. */
function closing(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i;
  }
  return -1;
}

function firstOf(obj: Obj, keys: readonly string[] | RegExp): unknown {
  for (const key in obj) if (Array.isArray(keys) ? keys.includes(key) : (keys as RegExp).test(key)) return obj[key];
  return undefined;
}

const firstString = (obj: Obj, keys: readonly string[]): string | null => {
  for (const key of keys) {
    const value = obj[key];
    if (typeof value === 'string' && value.trim()) return collapseSpaces(value);
  }
  return null;
};

function brandOf(value: unknown): string | null {
  const name = isObj(value) ? (value.name ?? value.title) : value;
  return typeof name === 'string' && name.trim().length > 1 && name.length <= 60 ? collapseSpaces(name) : null;
}

interface Where {
  country: string | null;
  /** The currency of a price the data gives as a bare number. */
  currency: string | null;
}

/** The price an object gives, the sale price before the plain one; nested price objects too. */
function priceOf(obj: Obj, where: Where, depth: number): Money | null {
  if (depth > 2) return null;
  const keys = Object.keys(obj).filter((key) => /price|amount|value|cost|pric/i.test(key) && !NOT_PAID_NOW.test(key));
  const rank = (key: string): number => (PAID_NOW.test(key) ? 0 : /^prices?$/i.test(key) ? 1 : 2);
  keys.sort((a, b) => rank(a) - rank(b));
  const own = firstString(obj, ['currency', 'currencyCode', 'priceCurrency', 'currency_code', 'currencyIso']);
  const ownCode = own && /^[a-z]{3}$/i.test(own) ? own.toUpperCase() : null;
  for (const key of keys) {
    if (depth === 0 && rank(key) === 2 && !/price/i.test(key)) continue;
    const value = obj[key];
    if (isObj(value)) {
      const nested = priceOf(value, ownCode ? { ...where, currency: ownCode } : where, depth + 1);
      if (nested) return nested;
      continue;
    }
    const cents = /cent/i.test(key);
    let amount: number | null = null;
    let code = ownCode;
    if (typeof value === 'number') amount = value;
    else if (typeof value === 'string' && value.length <= 40) {
      const parsed = parsePrice(value, { currencyHint: own, country: where.country });
      amount = parsed.amount;
      code ??= parsed.currency;
    }
    code ??= where.currency;
    if (amount !== null && Number.isFinite(amount) && amount > 0 && code)
      return { amount: cents ? amount / 100 : amount, currency: code };
  }
  return null;
}

const words = (value: string): string[] =>
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

/** The product of the script data named like the page's heading, with a price first. */
export function dataProductNamed(index: PageIndex, title: string, country: string | null): DataProduct | null {
  let named: DataProduct | null = null;
  for (const product of scriptData(index, country).products.values()) {
    if (!sameName(product.title, title)) continue;
    if (product.price) return product;
    named ??= product;
  }
  return named;
}

/** A listing's items from the script data: the longest list of named, priced objects. */
export function scriptListing(index: PageIndex, url: string, country: string | null): DataProduct[] {
  const lists = scriptData(index, country).lists;
  let best: DataProduct[] = [];
  for (const list of lists) if (list.length > best.length) best = list;
  const seen = new Set<string>();
  return best.filter((item) => {
    item.url = absoluteUrl(item.url, url);
    const key = `${item.title}|${item.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const squash = (value: string): string => value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The brand a title opens with, when the page names it as a brand elsewhere: in its script data
 * ("brand": "TP Link") or in a link to the shop's brand page (/brand/google). A title's first
 * words alone are as often a product line ("MÖCKELBY Table") as a brand. "【Brand】" opens a title
 * with its brand by convention.
 */
export function brandInTitle(index: PageIndex, title: string, country: string | null): string | null {
  const bracketed = /^\s*[【[]([^】\]]{2,30})[】\]]/.exec(title)?.[1];
  if (bracketed) return bracketed.trim();
  const lead = title.split(/\s+/).slice(0, 3);
  const named = new Set(scriptData(index, country).brands.map(squash));
  for (const a of Array.from(index.doc.querySelectorAll('a[href*="brand"], a[href*="marke"], a[href*="marca"]')).slice(
    0,
    2000,
  )) {
    const slug = /\/(?:brands?|marken?|marcas?)\/([^/?#]+)|[?&]brand=([^&#]+)/i.exec(a.getAttribute('href') ?? '');
    if (slug) named.add(squash(decodeURIComponent((slug[1] ?? slug[2] ?? '').replace(/\.\w+$/, ''))));
  }
  for (let n = 1; n <= lead.length; n++) {
    const candidate = lead
      .slice(0, n)
      .join(' ')
      .replace(/[\s,:;–-]+$/, '');
    if (squash(candidate).length >= 2 && named.has(squash(candidate))) return candidate;
  }
  return null;
}
