// Where the content script runs: the shop families we read, by every country site we know.
// Match patterns are listed one by one because Chrome match patterns cannot wildcard a TLD.

const amazonTlds = [
  'com',
  'co.uk',
  'de',
  'fr',
  'it',
  'es',
  'nl',
  'se',
  'pl',
  'com.be',
  'ca',
  'com.mx',
  'com.br',
  'co.jp',
  'com.au',
  'in',
  'sg',
  'ae',
  'sa',
  'com.tr',
  'eg',
];
const ebayTlds = ['com', 'co.uk', 'de', 'fr', 'it', 'es', 'ie', 'at', 'ch', 'nl', 'be', 'pl', 'ca', 'com.au'];
const zalandoTlds = ['de', 'co.uk', 'fr', 'it', 'es', 'nl', 'ie', 'fi', 'at', 'ch', 'pl', 'se', 'dk', 'be', 'no', 'cz'];

/** The host that our bundled demo shop is served under (a reserved `.example` name). */
export const DEMO_SHOP_HOST = 'shop.carbon-ledger.example';

export const SHOP_MATCH_PATTERNS: readonly string[] = [
  ...amazonTlds.map((tld) => `https://*.amazon.${tld}/*`),
  ...ebayTlds.map((tld) => `https://*.ebay.${tld}/*`),
  'https://*.etsy.com/*',
  'https://*.walmart.com/*',
  'https://*.walmart.ca/*',
  'https://*.target.com/*',
  'https://*.bestbuy.com/*',
  'https://*.bestbuy.ca/*',
  'https://*.aliexpress.com/*',
  'https://*.aliexpress.us/*',
  'https://*.taobao.com/*',
  'https://*.tmall.com/*',
  'https://*.jd.com/*',
  ...zalandoTlds.map((tld) => `https://*.zalando.${tld}/*`),
  'https://*.ikea.com/*',
  'https://*.ikea.cn/*',
  'https://*.otto.de/*',
  `https://${DEMO_SHOP_HOST}/*`,
];

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
