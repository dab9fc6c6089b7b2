// Scores what we extract from the shared real pages against the values a careful reader recorded
// in ../shared/fixtures/pages.json. The manifest is written for people (values carry notes in
// parentheses), so this module first reads each expected value out of its annotation.

import { readFileSync } from 'node:fs';
import { parseSavedPage } from '../../analysis/cli/commands/extract.ts';
import { parsePrice } from '../../shared/extract/price.ts';
import type { PageExtraction, Product } from '../../shared/product.ts';
import { extractPage } from '../../shared/read.ts';
import { type FixturePage, sharedPath } from '../shared-fixtures.ts';

export interface FieldResult {
  file: string;
  field: string;
  ok: boolean;
  expected: unknown;
  actual: unknown;
}

const norm = (value: string | null | undefined): string =>
  (value ?? '')
    .normalize('NFC')
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”″]/g, '"')
    .replace(/[®™]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** A trailing note in parentheses that describes the value rather than being part of it. */
const NOTE = /\s*\((?:[^()]*(?:"|:|\bh1\b|\bUI\b|microdata|JSON-LD|benchmark)[^()]*|[^()]*\([^()]*\)[^()]*)\)\s*$/i;

export function expectedTitle(page: FixturePage): string | null {
  return page.title ? page.title.replace(NOTE, '').trim() : null;
}

/** Does our title match the recorded one? A recorded "…" means the reader cut it short. */
export function titleMatches(actual: string | null | undefined, expected: string): boolean {
  const want = norm(expected);
  const got = norm(actual);
  if (want.endsWith('…')) return got.startsWith(want.slice(0, -1).trim());
  return got === want;
}

/** null when the page has no brand to read (a book's author is not a brand we score). */
export function expectedBrands(page: FixturePage): string[] | null | 'skip' {
  const raw = page.brand;
  if (!raw || raw === '-') return 'skip';
  if (/^\(none/i.test(raw)) return null;
  if (/^author:/i.test(raw)) return 'skip';
  const main = raw
    .replace(/\s*\(.*\)\s*$/, '')
    .replace(/^shop\s+/i, '')
    .trim();
  const alternative = /\(([^()":]+)\)\s*$/.exec(raw)?.[1]?.trim();
  return alternative ? [main, alternative] : [main];
}

export function expectedCrumbs(page: FixturePage): string[] | 'skip' {
  const raw = page.breadcrumb;
  if (!raw || raw === '-') return 'skip';
  if (raw.startsWith('(')) {
    // "(JSON-LD category "A/B/C")": the only trail the page has.
    const quoted = /"([^"]+\/[^"]+)"/.exec(raw)?.[1];
    return quoted ? quoted.split('/') : [];
  }
  return raw
    .replace(NOTE, '')
    .split(/\s+>\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

const HOME = /^(?:home|homepage|start|startseite|inicio|accueil|etusivu|首页|todas las categorías)$/i;

/** Same trail, allowing a root crumb (Home, the shop's name) and a last crumb naming the product to differ. */
export function crumbsMatch(actual: string[], expected: string[], title: string | null): boolean {
  const tidy = (list: string[]): string[] => {
    const out = list.map(norm).filter((c) => c && !HOME.test(c));
    if (
      title &&
      out.length &&
      (norm(title).startsWith(out.at(-1)!) || out.at(-1)!.startsWith(norm(title).slice(0, 20)))
    )
      out.pop();
    return out;
  };
  const a = tidy(actual);
  const b = tidy(expected);
  const same = (x: string[], y: string[]): boolean => x.length === y.length && x.every((c, i) => c === y[i]);
  return same(a, b) || same(a.slice(1), b) || same(a, b.slice(1));
}

export function expectedPrice(page: FixturePage): { amount: number; currency: string } | null {
  if (page.price_amount === null) return null;
  const amount = Number(/\d+(?:\.\d+)?/.exec(page.price_amount)?.[0]);
  const currency = /[A-Z]{3}/.exec(page.currency ?? '')?.[0];
  return currency && Number.isFinite(amount) ? { amount, currency } : null;
}

const priceMatches = (actual: Product['price'], expected: { amount: number; currency: string } | null): boolean =>
  expected === null
    ? actual === null
    : !!actual && Math.abs(actual.amount - expected.amount) < 0.005 && actual.currency === expected.currency;

/** Listing items named in the manifest: first_items when recorded, else the quoted titles in the notes. */
export function expectedListingItems(
  page: FixturePage,
): { title: string; amount: number | null; sponsored?: boolean }[] {
  const recorded = page.first_items as { title: string; amount: number }[] | undefined;
  if (Array.isArray(recorded)) return recorded.map((item) => ({ title: item.title, amount: item.amount }));
  const notes = String(page.notes ?? '');
  const allSponsored = /\(all sponsored\)/i.test(notes);
  const items: { title: string; amount: number | null; sponsored?: boolean }[] = [];
  for (const match of notes.matchAll(/"([^"]{8,})"\s+((?:ab\s+)?(?:EUR\s|€\s?|\$|£)\s?[\d.,]+(?:,--)?|[\d.,]+\s?€)/g)) {
    // The reader marks shop placeholders ("must be skipped"): they are not items to compare.
    const after = notes.slice(match.index + match[0].length, match.index + match[0].length + 40);
    if (/skipp|placeholder|dropped/i.test(after)) continue;
    // Where the reader marked ads ("B0FQVG4RWW (Sponsored) "…""), the flag is scored too.
    const before = notes.slice(Math.max(0, match.index - 30), match.index);
    const sponsored =
      allSponsored || /\(sponsored\)\s*$/i.test(before) ? true : /sponsored/i.test(notes) ? false : undefined;
    items.push({
      title: match[1]!,
      amount: parsePrice(match[2]).amount,
      ...(sponsored === undefined ? {} : { sponsored }),
    });
  }
  return items;
}

/** The page's address as recorded; pages saved without one get their shop's home address. */
export function fixtureUrl(page: FixturePage): string {
  const host = page.site.includes('-') ? page.site.replace(/-(?=[a-z]{2,3}$)/, '.') : `www.${page.site}.com`;
  return /^https?:\/\/\S+/.exec(page.url)?.[0] ?? `https://${host}/`;
}

export function extractFixture(page: FixturePage): PageExtraction {
  return extractPage(parseSavedPage(readFileSync(sharedPath('fixtures', page.file))), fixtureUrl(page));
}

/** Every scored field of one page. */
export function scorePage(page: FixturePage, result: PageExtraction): FieldResult[] {
  const results: FieldResult[] = [];
  const add = (field: string, ok: boolean, expected: unknown, actual: unknown): void => {
    results.push({ file: page.file, field, ok, expected, actual });
  };
  const wantKind = page.page_type === 'product' ? 'product' : 'listing';
  add('page', result.page === wantKind, wantKind, result.page);
  if (wantKind === 'listing') {
    // Compare with real items; sponsored ones too when the reader listed them ("(Sponsored)").
    const listsSponsored = /sponsored/i.test(String(page.notes ?? ''));
    const real = result.products.filter((p) => !p.placeholder && (listsSponsored || !p.sponsored));
    expectedListingItems(page).forEach((want, index) => {
      const got = real[index];
      add(`item ${index + 1} title`, titleMatches(got?.title, want.title), want.title, got?.title);
      if (want.sponsored !== undefined)
        add(`item ${index + 1} sponsored`, got?.sponsored === want.sponsored, want.sponsored, got?.sponsored);
      if (want.amount !== null)
        add(
          `item ${index + 1} price`,
          Math.abs((got?.price?.amount ?? -1) - want.amount) < 0.005,
          want.amount,
          got?.price,
        );
    });
    return results;
  }
  const product = result.page === 'product' ? result.products[0] : undefined;
  const title = expectedTitle(page);
  if (title) add('title', titleMatches(product?.title, title), title, product?.title);
  const price = expectedPrice(page);
  add('price', priceMatches(product?.price ?? null, price), price, product?.price);
  const brands = expectedBrands(page);
  if (brands !== 'skip') {
    const ok = brands === null ? !product?.brand : brands.some((b) => norm(b) === norm(product?.brand));
    add('brand', ok, brands, product?.brand);
  }
  const crumbs = expectedCrumbs(page);
  if (crumbs !== 'skip')
    add('breadcrumb', crumbsMatch(product?.category ?? [], crumbs, title), crumbs, product?.category);
  return results;
}
