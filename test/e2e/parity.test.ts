// The browser reads what the CLI reads. With the all-sites build, every saved page in
// ../shared/fixtures (the development pages and the held-out shops alike: this compares the
// browser with the CLI, it writes no rule) is served at its address, and what the content script
// badges is compared with what `carbon-ledger extract` returns in Node for the same page: the same
// product or the same listing items, with the same prices, and one badge for each.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import type { Product } from '../../shared/product.ts';
import { type FixturePage, fixturePages, HAS_SHARED, isHeldOut, newFixturePages } from '../shared-fixtures.ts';
import { expect, RESULTS_DIR, type Shop, testAllSites as test } from './harness/fixture.ts';
import {
  cliReading,
  LATE_RENDER_MS,
  pageAddress,
  pageText,
  productKey,
  recordSentProducts,
  renderedLate,
  renderNow,
  sentProducts,
} from './harness/parity.ts';
import { badgesInsideControls } from './harness/placement.ts';

/** Every saved page; PARITY_ONLY=text narrows it to the files whose name contains it (when debugging). */
const PAGES: FixturePage[] = [...fixturePages(), ...newFixturePages()].filter((p) =>
  p.file.includes(process.env.PARITY_ONLY ?? ''),
);
const LISTING_BADGE = '[data-carbon-ledger="listing-badge"]';
/** Product pages rendered late too (every listing page is). */
const LATE_PRODUCTS = true;
const PRODUCT_BADGE = '[data-carbon-ledger="badge"], [data-carbon-ledger="card"]';

interface Outcome {
  file: string;
  site: string;
  heldOut: boolean;
  cli: string;
  /** Products the CLI reads (of the page's own site), with an estimate, and badges in the browser. */
  read: number;
  estimated: number;
  badges: number;
  /** What differs; empty when the browser and the CLI agree. */
  misses: string[];
  /** Listing badges left inside a link or button of the page (a tile that is one link, in a grid or row). */
  inControls: number;
}

/**
 * How many badges of `selector` the page shows once they stop arriving: `want` of them, unchanged
 * for a moment (longer for none, since a late one would be a miss), or whatever is there after 10 s.
 */
async function settledCount(page: Page, selector: string, want: number): Promise<number> {
  const deadline = Date.now() + 10_000;
  const quiet = want === 0 ? 1_500 : 300;
  let count = -1;
  let stableSince = Date.now();
  for (;;) {
    const now = await page.locator(selector).count();
    if (now !== count) {
      count = now;
      stableSince = Date.now();
    }
    if ((count === want && Date.now() - stableSince >= quiet) || Date.now() > deadline) return count;
    await page.waitForTimeout(100);
  }
}

const keys = (products: Product[]) => products.map(productKey).sort();

function differences(want: Product[], got: Product[]): string[] {
  const wanted = keys(want);
  const sent = keys(got);
  const missing = wanted.filter((k) => !sent.includes(k));
  const extra = sent.filter((k) => !wanted.includes(k));
  return [
    ...missing.slice(0, 3).map((k) => `CLI only: ${k}`),
    ...extra.slice(0, 3).map((k) => `browser only: ${k}`),
    ...(missing.length + extra.length > 6 ? [`(${missing.length} CLI only, ${extra.length} browser only)`] : []),
  ];
}

/** Opens one saved page (served as saved, or `late`: its body rendered after load) and compares. */
async function compare(shop: Shop, fixture: FixturePage, late: boolean): Promise<Outcome> {
  const url = pageAddress(fixture);
  const cli = cliReading(fixture, url);
  const html = pageText(fixture);
  const page = await shop.open(url, { html: late ? renderedLate(html) : html });
  if (late) {
    await page.waitForTimeout(LATE_RENDER_MS);
    await renderNow(page);
  }
  const outcome: Outcome = {
    file: `${fixture.file}${late ? ' (rendered late)' : ''}`,
    site: fixture.site,
    heldOut: isHeldOut(fixture),
    cli: cli.page,
    read: cli.products.length,
    estimated: cli.estimated,
    badges: 0,
    misses: [],
    inControls: 0,
  };
  const productBadges = await settledCount(page, PRODUCT_BADGE, cli.page === 'product' ? cli.estimated : 0);
  const listingBadges = await settledCount(page, LISTING_BADGE, cli.page === 'listing' ? cli.estimated : 0);
  outcome.badges = productBadges + listingBadges;
  outcome.inControls = (await badgesInsideControls(page, LISTING_BADGE, 'a, button, label')).length;
  let sent = await sentProducts(shop.background, page.url());
  // A product read without a price or a place on the page is recorded once the page is quiet.
  for (let wait = 0; cli.page === 'product' && !sent.viewed.length && wait < 30; wait++) {
    await page.waitForTimeout(100);
    sent = await sentProducts(shop.background, page.url());
  }
  if (cli.page === 'product') {
    if (productBadges !== cli.estimated) outcome.misses.push(`${productBadges} product badges, want ${cli.estimated}`);
    outcome.misses.push(...differences(cli.products, sent.viewed.slice(-1)));
  } else if (cli.page === 'listing') {
    if (listingBadges !== cli.estimated) outcome.misses.push(`${listingBadges} listing badges, want ${cli.estimated}`);
    outcome.misses.push(...differences(cli.products, sent.listed));
  } else if (outcome.badges > 0) {
    outcome.misses.push(`${outcome.badges} badges where the CLI reads nothing`);
  }
  if (cli.page !== 'product' && productBadges > 0) outcome.misses.push('a product badge on a listing');
  if (cli.page !== 'listing' && listingBadges > 0) outcome.misses.push('listing badges on a product page');
  await page.close();
  return outcome;
}

describe.skipIf(!HAS_SHARED)('the browser reads what the CLI reads', () => {
  test('on every saved page, the same products, items and prices, each badged', { timeout: 900_000 }, async ({
    shop,
  }) => {
    await recordSentProducts(shop.background);
    const outcomes: Outcome[] = [];
    for (const fixture of PAGES) outcomes.push(await compare(shop, fixture, false));
    // The same pages as a shop that renders them in the browser sends them: content after load.
    for (const fixture of PAGES.filter((p) => p.page_type !== 'product' || LATE_PRODUCTS))
      outcomes.push(await compare(shop, fixture, true));

    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'parity.json'), `${JSON.stringify(outcomes, null, 2)}\n`);
    const missed = outcomes.filter((o) => o.misses.length);
    console.log(
      [
        `parity: ${outcomes.length} pages, ${outcomes.length - missed.length} agree`,
        ...missed.map((o) => `  ${o.file}${o.heldOut ? ' (held out)' : ''}: ${o.misses.join('; ')}`),
      ].join('\n'),
    );
    expect(missed.map((o) => `${o.file}: ${o.misses.join('; ')}`)).toEqual([]);
    if (!process.env.PARITY_ONLY)
      expect(outcomes.filter((o) => o.cli !== 'other' && o.read > 0).length).toBeGreaterThan(60);
    expect(shop.extensionErrors).toEqual([]);
  });
});
