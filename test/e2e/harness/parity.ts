// What the browser reads against what the CLI reads, on the team's saved pages: the address each
// page is served at, the CLI's reading of it (`carbon-ledger extract`: parseSavedPage,
// extractPage), and a recorder in the extension's background that keeps every product the
// content script sends, so a test sees exactly what the browser read.

import { readFileSync } from 'node:fs';
import type { Page, Worker } from 'playwright-core';
import { parseSavedPage } from '../../../analysis/cli/commands/extract.ts';
import { decodeHtml } from '../../../shared/extract/charset.ts';
import { estimateFootprint } from '../../../shared/footprint/index.ts';
import type { Product } from '../../../shared/product.ts';
import { extractPage } from '../../../shared/read.ts';
import { type FixturePage, fixtureUrl, sharedPath } from '../../shared-fixtures.ts';

/**
 * The address a saved page is served at: its recorded one (fixtureUrl), else one rebuilt from what
 * its manifest entry says about where it lived: an Amazon ASIN, a Best Buy SKU, or the shop's site
 * with the page's file name as its path. Always https: the extension runs on https pages only.
 */
export function pageAddress(page: FixturePage): string {
  // Pages saved from http sites years ago are served as those sites are today: over https.
  const known = fixtureUrl(page)?.replace(/^http:/, 'https:');
  if (known) return known;
  const asin = /\bASIN ([A-Z0-9]{10})\b/.exec(page.url)?.[1];
  if (asin) return `https://www.amazon.com/dp/${asin}`;
  const sku = /Best Buy US, SKU (\d+)/.exec(page.url)?.[1];
  if (sku) return `https://www.bestbuy.com/site/${sku}.p?skuId=${sku}`;
  const domain = /\b([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co\.uk|de|fr|es|ru|ae|eg|br))\b/.exec(page.url)?.[1];
  const stem = page.file.replace(/^.*\//, '').replace(/\.html?$/, '');
  return `https://${domain ? `www.${domain.replace(/^www\./, '')}` : `${page.site}.example`}/${stem}`;
}

/** The page's text as the CLI decodes it; served to the browser as UTF-8, so both read the same characters. */
export const pageText = (page: FixturePage): string => decodeHtml(readFileSync(sharedPath('fixtures', page.file)));

/** A product as compared: what it is, where it leads, what it costs. */
export const productKey = (product: Product): string =>
  JSON.stringify([product.url, product.title, product.price?.amount ?? null, product.price?.currency ?? null]);

export interface CliReading {
  page: 'product' | 'listing' | 'other';
  /** The products the browser should badge: a product page's product, a listing's real items of the page's own site. */
  products: Product[];
  /** Of those, the ones with an estimate (a badge shows a number). */
  estimated: number;
  /** Listing items read but left unbadged by design: placeholders and items of another site. */
  setAside: number;
}

/** What `carbon-ledger extract PAGE --url URL` reads, and which of it the overlay should show. */
export function cliReading(page: FixturePage, url: string): CliReading {
  const reading = extractPage(parseSavedPage(readFileSync(sharedPath('fixtures', page.file))), url);
  const host = new URL(url).host;
  const products =
    reading.page === 'product'
      ? reading.products.slice(0, 1)
      : reading.products.filter((p) => !p.placeholder && /^https?:\/\/([^/?#]*)/.exec(p.url)?.[1] === host);
  return {
    page: reading.page,
    products,
    estimated: products.filter((p) => estimateFootprint(p) !== null).length,
    setAside: reading.products.length - products.length,
  };
}

// The background's chrome.runtime, typed here: the function below runs inside the service worker.
declare const chrome: {
  runtime: {
    onMessage: {
      addListener(
        listener: (
          message: { type?: string; product?: Product; items?: Product[] },
          sender: { url?: string },
        ) => undefined,
      ): void;
    };
  };
};

interface Sent {
  url: string | undefined;
  type: string;
  products: Product[];
}

/** Starts recording, in the background, every product a content script sends (idempotent). */
export async function recordSentProducts(background: Worker): Promise<void> {
  await background.evaluate(() => {
    const scope = globalThis as unknown as { parityRecord?: Sent[] };
    if (scope.parityRecord) return;
    const record: Sent[] = [];
    scope.parityRecord = record;
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (message.type === 'product-viewed' && message.product)
        record.push({ url: sender.url, type: message.type, products: [message.product] });
      if (message.type === 'listing-viewed' && message.items)
        record.push({ url: sender.url, type: message.type, products: message.items });
      // No answer from here: the extension's own listener answers.
      return undefined;
    });
  });
}

/** The products content scripts on `pageUrl` sent so far, in order. */
export async function sentProducts(
  background: Worker,
  pageUrl: string,
): Promise<{ viewed: Product[]; listed: Product[] }> {
  const sent = await background.evaluate(
    () => (globalThis as unknown as { parityRecord?: Sent[] }).parityRecord ?? null,
  );
  if (!sent) throw new Error('the background restarted: its record of sent products is gone');
  const here = sent.filter((s) => s.url === pageUrl);
  return {
    viewed: here.filter((s) => s.type === 'product-viewed').flatMap((s) => s.products),
    listed: here.filter((s) => s.type === 'listing-viewed').flatMap((s) => s.products),
  };
}

/** How long after DOMContentLoaded a page served `renderedLate` gets its body (`renderNow`). */
export const LATE_RENDER_MS = 400;
const LATE_ID = 'carbon-ledger-test-late';

/**
 * The page as a shop that renders in the browser sends it: the same head, and a body that is put
 * in after the document has loaded (`renderNow`, as client-side rendering and hydration do), so
 * the items are not there when DOMContentLoaded fires. The saved body travels in a <template>,
 * which the parser keeps out of the document.
 */
export function renderedLate(html: string): string {
  const open = /<body\b[^>]*>/i.exec(html);
  if (!open) return html;
  const start = open.index + open[0].length;
  const end = html.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
  const body = html.slice(start, end > start ? end : undefined);
  return `${html.slice(0, start)}<template id="${LATE_ID}">${body}</template>${end > start ? html.slice(end) : ''}`;
}

/**
 * Puts the body of a page served `renderedLate` in (without its scripts), as the shop's script would. From the test
 * (through DevTools), so a page's Content-Security-Policy cannot stop it.
 */
export async function renderNow(page: Page): Promise<void> {
  await page.evaluate((id) => {
    const saved = document.getElementById(id) as HTMLTemplateElement | null;
    if (!saved) return;
    const body = saved.content.cloneNode(true) as DocumentFragment;
    // A shop's renderer puts in markup, not the scripts saved with it (which would run again
    // now, and one that writes the document after load would wipe it).
    // Data blocks (JSON-LD, a state's JSON) stay: they are part of what the page shows.
    for (const script of body.querySelectorAll('script')) {
      if (/^(|module|(text|application)\/(java|ecma)script)$/i.test(script.type.trim())) script.remove();
    }
    document.body.append(body);
    saved.remove();
  }, LATE_ID);
}
