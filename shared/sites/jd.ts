// JD.com. Item pages print the title in .sku-name and the price in .p-price (yuan, "￥").

import { hostIs, type ShopAdapter, shownProduct, shownTiles } from '../extract/adapter.ts';

const SELECTORS = {
  title: ['.sku-name', '.itemInfo-wrap .sku-name', 'h1'],
  price: ['.summary-price .p-price', '.p-price .price', '.p-price', '#jd-price'],
  tile: ['#J_goodsList li.gl-item', 'li.gl-item'],
  tileTitle: ['.p-name em', '.p-name a'],
  tilePrice: ['.p-price i', '.p-price'],
};

/** The sites this adapter runs on, each with its subdomains ("jd.com" runs on www.jd.com); the build's manifest reads them (hosts.ts). */
export const HOSTS: readonly string[] = ['jd.com'];

export const jd: ShopAdapter = {
  id: 'jd',
  matches: (url) => hostIs(url, ['jd']),
  detect: (_index, url) =>
    /^\/\d+\.html/.test(url.pathname) ? 'product' : /search\.jd|list\.jd/.test(url.hostname) ? 'listing' : null,
  extractProduct: (index) => shownProduct(index.doc, SELECTORS, 'CN'),
  extractListing: (index, url) =>
    shownTiles(index.doc, url, SELECTORS, 'CN', (item, tile) => {
      // JD prints the yuan sign apart from the number ("<em>￥</em><i>129.00</i>").
      if (!item.fields.price) {
        const amount = Number(tile.querySelector('.p-price i')?.textContent?.trim());
        if (Number.isFinite(amount) && amount > 0) item.fields.price = { amount, currency: 'CNY' };
      }
    }),
};
