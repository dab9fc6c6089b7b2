// Reading a page the way both the content script and `carbon-ledger extract` do: extraction
// (shared/extract) with every shop adapter (shared/sites). The two folders do not import each
// other's registry: extraction takes the adapters it is given, and this is where they meet.

import {
  type AnchoredExtraction,
  extractPageWithAnchors as extractWith,
  extractIndexed as indexedWith,
  type ReadOptions,
} from './extract/index.ts';
import type { PageIndex } from './extract/page-index.ts';
import { cleanProduct, type PageExtraction } from './product.ts';
import { SHOP_ADAPTERS } from './sites/index.ts';

export type { AnchoredExtraction, AnchoredItem, ReadOptions } from './extract/index.ts';

type Options = Omit<ReadOptions, 'adapters'>;

/** Every item's product through `cleanProduct`: what a page smuggled into a reader does not come out. */
function cleaned(reading: AnchoredExtraction, url: string): AnchoredExtraction {
  const items = [];
  for (const item of reading.items) {
    const product = cleanProduct(item.product, url);
    if (product) items.push(product === item.product ? item : { ...item, product });
  }
  return items.length ? { page: reading.page, items } : { page: 'other', items };
}

/** Reads the page's product or listing items, with the elements to anchor badges to. */
export const extractPageWithAnchors = (doc: Document, url: string, options: Options = {}): AnchoredExtraction =>
  cleaned(extractWith(doc, url, { ...options, adapters: SHOP_ADAPTERS }), url);

/** The serialisable view: `{ page, products }`, what the CLI prints and the content script sends. */
export function extractPage(doc: Document, url: string, options: Options = {}): PageExtraction {
  const { page, items } = extractPageWithAnchors(doc, url, options);
  return { page, products: items.map((item) => item.product) };
}

/** `extractPageWithAnchors` over an index made beforehand (tests look at what reading it needed). */
export const extractIndexed = (index: PageIndex, url: string): AnchoredExtraction =>
  cleaned(indexedWith(index, url, SHOP_ADAPTERS), url);
