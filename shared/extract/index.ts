// Extraction entry point: a pure function of a Document and its URL, shared by the content
// script and the `carbon-ledger extract` command.

import type { PageExtraction } from '../product.ts';
import { productFromJsonLd } from './jsonld.ts';

export function extractPage(doc: Document, url: string): PageExtraction {
  try {
    const product = productFromJsonLd(doc, url);
    if (product) return { page: 'product', products: [product] };
  } catch {
    // Never let an odd page break extraction: it is simply a page we cannot read.
  }
  return { page: 'other', products: [] };
}
