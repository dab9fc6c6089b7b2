// Where the content script runs: every site of the shop adapters' families (SHOP_HOSTS), and the demo
// shop. Chrome match patterns cannot wildcard a TLD, so each country site is its own pattern.

import { HOSTS as aliexpressHosts } from './aliexpress.ts';
import { HOSTS as amazonHosts } from './amazon.ts';
import { HOSTS as bestbuyHosts } from './bestbuy.ts';
import { HOSTS as ebayHosts } from './ebay.ts';
import { HOSTS as etsyHosts } from './etsy.ts';
import { HOSTS as ikeaHosts } from './ikea.ts';
import { SHOP_ADAPTERS } from './index.ts';
import { HOSTS as jdHosts } from './jd.ts';
import { HOSTS as ottoHosts } from './otto.ts';
import { HOSTS as taobaoHosts } from './taobao.ts';
import { HOSTS as targetHosts } from './target.ts';
import { HOSTS as walmartHosts } from './walmart.ts';
import { HOSTS as zalandoHosts } from './zalando.ts';

/** The host that our bundled demo shop is served under (a reserved `.example` name). */
export const DEMO_SHOP_HOST = 'shop.carbon-ledger.example';

/**
 * Each shop family's sites (by adapter id), as each adapter declares them in its own file (`HOSTS`).
 * A separate export, not a field of the adapter: the content script reads pages with the adapters
 * and has no use for the list, which only the build's manifest needs, so its bundle leaves it out.
 */
export const SHOP_HOSTS: Readonly<Record<string, readonly string[]>> = {
  amazon: amazonHosts,
  ebay: ebayHosts,
  etsy: etsyHosts,
  walmart: walmartHosts,
  target: targetHosts,
  bestbuy: bestbuyHosts,
  aliexpress: aliexpressHosts,
  taobao: taobaoHosts,
  jd: jdHosts,
  zalando: zalandoHosts,
  ikea: ikeaHosts,
  otto: ottoHosts,
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
