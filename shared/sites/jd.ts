// JD.com. Item pages print the title in .sku-name and the price in .p-price (yuan, "￥").

import {
  type FoundListingItem,
  type FoundProduct,
  hostIs,
  type ShopAdapter,
  shownPrice,
  shownText,
} from '../extract/adapter.ts';
import { readTile } from '../extract/listing.ts';

const SELECTORS = {
  title: ['.sku-name', '.itemInfo-wrap .sku-name', 'h1'],
  price: ['.summary-price .p-price', '.p-price .price', '.p-price', '#jd-price'],
  tile: ['#J_goodsList li.gl-item', 'li.gl-item'],
  tileTitle: ['.p-name em', '.p-name a'],
  tilePrice: ['.p-price i', '.p-price'],
};

export const jd: ShopAdapter = {
  id: 'jd',
  hosts: ['jd.com'],
  matches: (url) => hostIs(url, ['jd']),
  detect: (_index, url) =>
    /^\/\d+\.html/.test(url.pathname) ? 'product' : /search\.jd|list\.jd/.test(url.hostname) ? 'listing' : null,
  extractProduct(index): FoundProduct | null {
    const title = shownText(index.doc, SELECTORS.title);
    const shown = shownPrice(index.doc, SELECTORS.price, 'CN');
    return {
      fields: { title: title?.text ?? null, price: shown?.price ?? null, country: 'CN' },
      anchor: shown?.element ?? title?.element ?? null,
    };
  },
  extractListing(index, url): FoundListingItem[] | null {
    for (const selector of SELECTORS.tile) {
      const items = Array.from(index.doc.querySelectorAll(selector))
        .map((tile) => {
          const item = readTile(tile, url.href, {
            country: 'CN',
            titleSelectors: SELECTORS.tileTitle,
            priceSelectors: SELECTORS.tilePrice,
          });
          // JD prints the yuan sign apart from the number ("<em>￥</em><i>129.00</i>").
          if (item && !item.fields.price) {
            const amount = Number(tile.querySelector('.p-price i')?.textContent?.trim());
            if (Number.isFinite(amount) && amount > 0) item.fields.price = { amount, currency: 'CNY' };
          }
          return item;
        })
        .filter((item): item is FoundListingItem => item !== null);
      if (items.length) return items;
    }
    return null;
  },
};
