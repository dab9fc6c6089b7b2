// Scores extraction on the team's saved real pages (../shared/fixtures), separately for the part
// rules are written against (development), the part nobody reads while writing them (held-out,
// `isHeldOut` in test/shared-fixtures.ts) and pages.json's Zyte-benchmark pages.
//
//   npm run score:pages            figures for every part, misses for the development part only
//   npm run score:pages -- --dev   development part only (does not read a held-out page)
//
// Figures, the Zyte benchmark's way: a product page's predicted price is right when it equals the
// expected amount and currency; precision = right / pages where we gave a price, recall = right /
// pages that have a price. Brand F1 the same way, with the conformance suite's brand matching.
// Listing pages: the share of the page's items we found (capped at 100 % per page), averaged over
// the pages whose item count the manifest records (`items`, or the count its notes open with).

import { performance } from 'node:perf_hooks';
import {
  expectedBrands,
  expectedPrice,
  extractFixture,
  type FieldResult,
  scorePage,
} from '../test/conformance/score.ts';
import { type FixturePage, fixturePages, HAS_SHARED, isHeldOut, newFixturePages } from '../test/shared-fixtures.ts';

const norm = (value: string | null | undefined): string =>
  (value ?? '')
    .normalize('NFC')
    .replace(/[’‘`´]/g, "'")
    .replace(/[®™]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

interface Tally {
  pages: number;
  /** Pages where we gave a value, pages that have one, and pages where ours equals it. */
  given: number;
  expected: number;
  right: number;
}

interface PartScore {
  price: Tally;
  /** The conformance suite's price field: right includes "no price" where the page shows none. */
  priceOk: number;
  priceN: number;
  brand: Tally;
  listingShares: number[];
  listingUnmeasured: string[];
  misses: string[];
  ms: number;
}

const tally = (): Tally => ({ pages: 0, given: 0, expected: 0, right: 0 });

/** How many items the page lists: the manifest's `items`, or the count its notes open with. */
export function expectedItemCount(page: FixturePage): number | null {
  if (typeof page.items === 'number') return page.items;
  if (Array.isArray(page.items)) return page.items.length;
  const notes = String(page.notes ?? '');
  // "30 div#gridItemRoot items.", "Only 2 of 18 li.product-list-item are rendered".
  const lead = /^(?:only\s+)?(\d+)\s/i.exec(notes);
  return lead ? Number(lead[1]) : null;
}

function scorePart(pages: FixturePage[], keepMisses: boolean): PartScore {
  const score: PartScore = {
    price: tally(),
    priceOk: 0,
    priceN: 0,
    brand: tally(),
    listingShares: [],
    listingUnmeasured: [],
    misses: [],
    ms: 0,
  };
  for (const page of pages) {
    const started = performance.now();
    const result = extractFixture(page);
    score.ms += performance.now() - started;
    const fields: FieldResult[] = scorePage(page, result);
    if (keepMisses)
      for (const miss of fields.filter((r) => !r.ok))
        score.misses.push(
          `${page.file} ${miss.field}: want ${JSON.stringify(miss.expected)} got ${JSON.stringify(miss.actual)}`,
        );
    if (page.page_type !== 'product') {
      const want = expectedItemCount(page);
      const found = result.page === 'listing' ? result.products.filter((p) => !p.placeholder).length : 0;
      if (want === null || want === 0) score.listingUnmeasured.push(page.file);
      else {
        score.listingShares.push(Math.min(1, found / want));
        if (keepMisses && found < want) score.misses.push(`${page.file} items: want ${want} got ${found}`);
      }
      continue;
    }
    const product = result.page === 'product' ? result.products[0] : undefined;
    const priceField = fields.find((r) => r.field === 'price');
    if (priceField) {
      score.priceN += 1;
      if (priceField.ok) score.priceOk += 1;
    }
    const want = expectedPrice(page);
    const got = product?.price ?? null;
    score.price.pages += 1;
    if (got) score.price.given += 1;
    if (want) score.price.expected += 1;
    if (want && got && Math.abs(got.amount - want.amount) < 0.005 && got.currency === want.currency)
      score.price.right += 1;
    const brands = expectedBrands(page);
    if (brands !== 'skip') {
      score.brand.pages += 1;
      const brand = product?.brand ?? null;
      if (brand) score.brand.given += 1;
      if (brands) {
        score.brand.expected += 1;
        if (brand && brands.some((b) => norm(b) === norm(brand))) score.brand.right += 1;
      }
    }
  }
  return score;
}

const f1 = ({ given, expected, right }: Tally): string => {
  const precision = given ? right / given : 0;
  const recall = expected ? right / expected : 0;
  const f = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return `${f.toFixed(3)} (P ${precision.toFixed(3)} = ${right}/${given}, R ${recall.toFixed(3)} = ${right}/${expected})`;
};

function report(name: string, pages: FixturePage[], keepMisses: boolean): void {
  if (pages.length === 0) {
    console.log(`\n${name}: no pages`);
    return;
  }
  const s = scorePart(pages, keepMisses);
  const products = pages.filter((p) => p.page_type === 'product').length;
  const listings = pages.length - products;
  console.log(
    `\n${name}: ${pages.length} pages (${products} product, ${listings} listing/search), ${s.ms.toFixed(0)} ms`,
  );
  if (products) {
    console.log(`  price F1           ${f1(s.price)}`);
    console.log(`  price right        ${s.priceOk} of ${s.priceN} product pages`);
    console.log(`  brand F1           ${f1(s.brand)} over ${s.brand.pages} pages that record a brand or none`);
  }
  if (listings) {
    const mean = s.listingShares.length
      ? `${((s.listingShares.reduce((a, b) => a + b, 0) / s.listingShares.length) * 100).toFixed(1)} %`
      : 'cannot be measured';
    console.log(
      `  listing items      ${mean} found on average over ${s.listingShares.length} pages` +
        (s.listingUnmeasured.length ? ` (${s.listingUnmeasured.length} record no item count)` : ''),
    );
  }
  if (keepMisses && s.misses.length) {
    console.log(`  misses (${s.misses.length}):`);
    for (const miss of s.misses) console.log(`    ${miss}`);
  }
}

if (!HAS_SHARED) {
  console.error('score:pages needs the shared folder beside the repository (../shared) or CARBON_LEDGER_SHARED.');
  process.exit(2);
}
const devOnly = process.argv.includes('--dev');
const all = [...fixturePages(), ...newFixturePages()];
report(
  'development (pages.json + pages-2026-12.json not held out)',
  all.filter((p) => !isHeldOut(p)),
  true,
);
if (!devOnly) {
  report('held-out (pages-2026-12.json shops in HELD_OUT_SHOPS; misses not printed)', all.filter(isHeldOut), false);
  report(
    'Zyte benchmark pages in pages.json (part of development)',
    fixturePages().filter((p) => !!p.zyte_benchmark_id),
    false,
  );
}
