// The registry of shop adapters, tried in order; the generic reader handles every other shop.

import type { ShopAdapter } from './adapter.ts';
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
