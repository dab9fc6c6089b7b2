// Where the content script runs: every site the shop adapters declare (`hosts`), and the demo
// shop. Chrome match patterns cannot wildcard a TLD, so each country site is its own pattern.

import { SHOP_ADAPTERS } from './index.ts';

/** The host that our bundled demo shop is served under (a reserved `.example` name). */
export const DEMO_SHOP_HOST = 'shop.carbon-ledger.example';

const matchPatterns = (): readonly string[] => [
  ...SHOP_ADAPTERS.flatMap((adapter) => adapter.hosts.map((host) => `https://*.${host}/*`)),
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
