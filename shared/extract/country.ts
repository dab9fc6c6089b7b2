// The country of the shop a page belongs to, for currencies such as "$" and "kr" that need it
// and for the product's `country`. Read from the host, a country path ("/gb/en/"), or the page's
// declared language region.

import { COUNTRY_CURRENCY } from './currencies.ts';

// Country-code top-level domains whose code differs from ISO 3166 ("uk") or that are generic.
const TLD_COUNTRY: Readonly<Record<string, string>> = { uk: 'GB' };
const GENERIC_TLDS = new Set(['com', 'net', 'org', 'shop', 'store', 'io', 'co', 'eu', 'example', 'info', 'biz']);

export function countryOfPage(doc: Document | null, url: URL | null): string | null {
  if (url) {
    const labels = url.hostname.toLowerCase().split('.');
    const tld = labels.at(-1) ?? '';
    if (TLD_COUNTRY[tld]) return TLD_COUNTRY[tld];
    if (tld.length === 2 && !GENERIC_TLDS.has(tld)) return tld.toUpperCase();
    // "ar-sa.namshi.com", "en-ca.shop.com", "eg.oriflame.com": a (language-)country subdomain.
    const sub = /^(?:[a-z]{2}-)?([a-z]{2})$/.exec(labels.length > 2 ? (labels[0] ?? '') : '');
    if (sub?.[1] && COUNTRY_CURRENCY[sub[1].toUpperCase()]) return sub[1].toUpperCase();
    // "/gb/en/p/…", "/be/en/…", "/en-ca/…": a country path.
    // Lower-cased, not matched with the i flag: compiling a case-insensitive pattern costs a page ~0.3 ms.
    const pathname = url.pathname.toLowerCase();
    const path = /^\/([a-z]{2})\/[a-z]{2}(?:[-_][a-z]{2})?\/|^\/[a-z]{2}[-_]([a-z]{2})\//.exec(pathname);
    const fromPath = (path?.[1] ?? path?.[2])?.toUpperCase();
    if (fromPath && COUNTRY_CURRENCY[fromPath]) return fromPath;
  }
  try {
    const lang = (doc?.documentElement?.getAttribute('lang') ?? '').toLowerCase();
    const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/.exec(lang)?.[1]?.toUpperCase();
    if (region && COUNTRY_CURRENCY[region]) return region;
  } catch {
    // No document element: no language to read.
  }
  return null;
}
