// The registry of shop adapters, tried in order; the generic reader handles every other shop.

import type { ShopAdapter } from '../extract/adapter.ts';
import { aliexpress } from './aliexpress.ts';
import { amazon } from './amazon.ts';
import { bestbuy } from './bestbuy.ts';
import { ebay } from './ebay.ts';
import { etsy } from './etsy.ts';
import { ikea } from './ikea.ts';
import { jd } from './jd.ts';
import { otto } from './otto.ts';
import { taobao } from './taobao.ts';
import { target } from './target.ts';
import { walmart } from './walmart.ts';
import { zalando } from './zalando.ts';

export const SHOP_ADAPTERS: readonly ShopAdapter[] = [
  amazon,
  ebay,
  etsy,
  walmart,
  target,
  bestbuy,
  aliexpress,
  taobao,
  jd,
  zalando,
  ikea,
  otto,
];

/**
 * The ids whose presence tells that a loading product page can already be read (the adapter's
 * `earlyProduct`), or null when the address is not a product page of a shop that has them.
 */
export function earlyProductMarkers(href: string): readonly string[] | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const early = SHOP_ADAPTERS.find((adapter) => adapter.matches(url))?.earlyProduct;
  return early?.address.test(url.pathname) ? early.after : null;
}
