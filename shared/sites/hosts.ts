// Where the content script runs: every site of the shop adapters' families (SHOP_HOSTS), and the demo
// shop. Chrome match patterns cannot wildcard a TLD, so each country site is its own pattern.

import { SHOP_ADAPTERS } from './index.ts';

/** The host that our bundled demo shop is served under (a reserved `.example` name). */
export const DEMO_SHOP_HOST = 'shop.carbon-ledger.example';

/**
 * Each shop family's sites (by adapter id), each with its subdomains ("amazon.de" runs on
 * www.amazon.de). Kept here, not in the adapters: the content script reads pages with the adapters
 * and has no use for the list, which only the build's manifest needs.
 */
export const SHOP_HOSTS: Readonly<Record<string, readonly string[]>> = {
  amazon: [
    'amazon.com',
    'amazon.co.uk',
    'amazon.de',
    'amazon.fr',
    'amazon.it',
    'amazon.es',
    'amazon.nl',
    'amazon.se',
    'amazon.pl',
    'amazon.com.be',
    'amazon.ca',
    'amazon.com.mx',
    'amazon.com.br',
    'amazon.co.jp',
    'amazon.com.au',
    'amazon.in',
    'amazon.sg',
    'amazon.ae',
    'amazon.sa',
    'amazon.com.tr',
    'amazon.eg',
  ],
  ebay: [
    'ebay.com',
    'ebay.co.uk',
    'ebay.de',
    'ebay.fr',
    'ebay.it',
    'ebay.es',
    'ebay.ie',
    'ebay.at',
    'ebay.ch',
    'ebay.nl',
    'ebay.be',
    'ebay.pl',
    'ebay.ca',
    'ebay.com.au',
  ],
  etsy: ['etsy.com'],
  walmart: ['walmart.com', 'walmart.ca'],
  target: ['target.com'],
  bestbuy: ['bestbuy.com', 'bestbuy.ca'],
  aliexpress: ['aliexpress.com', 'aliexpress.us'],
  taobao: ['taobao.com', 'tmall.com'],
  jd: ['jd.com'],
  zalando: [
    'zalando.de',
    'zalando.co.uk',
    'zalando.fr',
    'zalando.it',
    'zalando.es',
    'zalando.nl',
    'zalando.ie',
    'zalando.fi',
    'zalando.at',
    'zalando.ch',
    'zalando.pl',
    'zalando.se',
    'zalando.dk',
    'zalando.be',
    'zalando.no',
    'zalando.cz',
  ],
  ikea: ['ikea.com', 'ikea.cn'],
  otto: ['otto.de'],
};

const matchPatterns = (): readonly string[] => [
  ...SHOP_ADAPTERS.flatMap((adapter) => (SHOP_HOSTS[adapter.id] ?? []).map((host) => `https://*.${host}/*`)),
  `https://${DEMO_SHOP_HOST}/*`,
];

// Marked pure so that a bundle which does not use the patterns (the content script's) leaves them out.
export const SHOP_MATCH_PATTERNS: readonly string[] = /* @__PURE__ */ matchPatterns();

/** Whether the content script runs at `url`: an https page on one of the hosts above. */
export function contentScriptRunsAt(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  return SHOP_MATCH_PATTERNS.some((pattern) => {
    const domain = pattern.replace(/^https:\/\/(\*\.)?/, '').replace(/\/\*$/, '');
    return parsed.host === domain || parsed.host.endsWith(`.${domain}`);
  });
}
