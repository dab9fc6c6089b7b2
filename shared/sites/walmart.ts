// Walmart (US and Canada). Title, price (microdata) and brand are in the markup; the category
// trail is only in the Next.js page state.

import { type FoundProduct, hostIs, type ShopAdapter } from '../extract/adapter.ts';
import { isObject, type Json } from '../extract/jsonld.ts';
import type { PageIndex } from '../extract/page-index.ts';

const SELECTORS = {
  pageState: '__NEXT_DATA__',
  // props.pageProps.initialData.data.product.category.path: [{ name, url }]
  categoryPath: ['props', 'pageProps', 'initialData', 'data', 'product', 'category', 'path'],
};

const MAX_STATE_CHARS = 5_000_000;

function categoryTrail(index: PageIndex): string[] {
  const source = index.byId(SELECTORS.pageState)?.textContent ?? '';
  if (!source || source.length > MAX_STATE_CHARS) return [];
  let node: unknown;
  try {
    node = JSON.parse(source);
  } catch {
    return [];
  }
  for (const key of SELECTORS.categoryPath) node = isObject(node) ? (node as Json)[key] : undefined;
  return Array.isArray(node)
    ? node.map((step) => (isObject(step) && typeof step.name === 'string' ? step.name : '')).filter(Boolean)
    : [];
}

/** The sites this adapter runs on, each with its subdomains ("walmart.com" runs on www.walmart.com); the build's manifest reads them (hosts.ts). */
export const HOSTS: readonly string[] = ['walmart.com', 'walmart.ca'];

export const walmart: ShopAdapter = {
  id: 'walmart',
  matches: (url) => hostIs(url, ['walmart']),
  detect: (_index, url) => (/^\/ip\//.test(url.pathname) ? 'product' : null),
  extractProduct(index): FoundProduct | null {
    return { fields: { category: categoryTrail(index) }, anchor: null };
  },
  extractListing: () => null,
};
