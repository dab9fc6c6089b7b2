// Taobao and Tmall (one family: same company, same item pages). Prices are in yuan; the ¥ sign
// alone would read as yen, so the adapter reads prices as a Chinese shop's.

import { hostIs, type ShopAdapter, shownProduct, shownTiles } from '../extract/adapter.ts';

const SELECTORS = {
  // 2023+ React item page, then the classic Taobao and Tmall layouts.
  title: ['[class*="mainTitle"]', '[class*="ItemTitle"] h1', '.tb-main-title', '.tb-detail-hd h1', 'h1'],
  price: [
    '[class*="highlightPrice"] [class*="priceText"]',
    '[class*="priceText"]',
    '.tm-promo-price .tm-price',
    '.tm-price',
    '#J_PromoPriceNum',
    '#J_StrPrice .tb-rmb-num',
  ],
  tile: ['[class*="doubleCardWrapper"]', '.item.J_MouserOnverReq', '.product'],
  tileTitle: ['[class*="title--"]', '.title', '.productTitle'],
  tilePrice: ['[class*="priceInt"]', '.price', '.productPrice'],
};

/** The sites this adapter runs on, each with its subdomains ("taobao.com" runs on www.taobao.com); the build's manifest reads them (hosts.ts). */
export const HOSTS: readonly string[] = ['taobao.com', 'tmall.com'];

export const taobao: ShopAdapter = {
  id: 'taobao',
  matches: (url) => hostIs(url, ['taobao', 'tmall']),
  detect: (_index, url) =>
    /item\.htm/.test(url.pathname) ? 'product' : /\/search|list\.tmall/.test(url.href) ? 'listing' : null,
  extractProduct: (index) => shownProduct(index.doc, SELECTORS, 'CN'),
  extractListing: (index, url) => shownTiles(index.doc, url, SELECTORS, 'CN'),
};
