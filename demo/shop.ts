// The bundled demo shop: pages we wrote ourselves, served under a reserved `.example` host
// name by `npm start` and by the end-to-end tests.

import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_SHOP_HOST } from '../shared/sites/hosts.ts';

const shopDir = join(dirname(fileURLToPath(import.meta.url)), 'shop');

export const DEMO_SHOP_ORIGIN = `https://${DEMO_SHOP_HOST}`;

export interface DemoPage {
  url: string;
  file: string;
  kind: 'product' | 'listing';
}

/** The stylesheet every demo page links to, as a URL and the file that answers it. */
export const DEMO_SHOP_STYLESHEET = { url: `${DEMO_SHOP_ORIGIN}/shop.css`, file: join(shopDir, 'shop.css') };

export function demoShopPages(): DemoPage[] {
  const products = readdirSync(join(shopDir, 'p'))
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => ({
      url: `${DEMO_SHOP_ORIGIN}/p/${name.replace(/\.html$/, '')}`,
      file: join(shopDir, 'p', name),
      kind: 'product' as const,
    }));
  return [{ url: `${DEMO_SHOP_ORIGIN}/`, file: join(shopDir, 'index.html'), kind: 'listing' }, ...products];
}
