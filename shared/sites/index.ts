// The registry of shop adapters, tried in order; the generic reader handles every other shop.

import type { ShopAdapter } from './adapter.ts';
import { amazon } from './amazon.ts';
import { bestbuy } from './bestbuy.ts';
import { ebay } from './ebay.ts';
import { etsy } from './etsy.ts';
import { walmart } from './walmart.ts';

export const SHOP_ADAPTERS: readonly ShopAdapter[] = [amazon, ebay, etsy, walmart, bestbuy];
