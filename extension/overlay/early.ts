// Reading a product page while it is still loading. Below the product, a shop's page carries
// reviews, questions, recommendations and a footer that can take as long again to arrive and be
// parsed; on shops whose layout tells when the product part is in (the adapter's `earlyProduct`),
// the product is read at that moment, so its badge appears with the product rather than after the
// whole page. Nothing is recorded from this reading: page.ts reads the complete page again, records
// the view from that, and starts over if the product then reads differently.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AnchoredExtraction, AnchoredItem } from '../../shared/extract/index.ts';
import type { ProductFootprint } from '../../shared/messages.ts';
import { earlyProductMarkers } from '../../shared/sites/index.ts';
import { productFootprint } from './product.ts';

/**
 * How often a loading page is looked at for the shop's marker: the lookup by id is next to free,
 * but each timer costs the page's main thread about 0.1 ms, and a large page loads for a few
 * hundred milliseconds.
 */
const LOOK_EVERY_MS = 32;

export interface EarlyProduct {
  item: AnchoredItem;
  footprint: ProductFootprint;
}

/** The product page's item, or undefined for anything else. */
export const productItem = (page: AnchoredExtraction): AnchoredItem | undefined =>
  page.page === 'product' ? page.items[0] : undefined;

/**
 * Reads the product once the shop's product part is parsed, and asks for its footprint without
 * recording it. Null when there is nothing to wait for (the page has loaded, or the address is not
 * a product page of a shop whose layout we know); the promise gives null when the page finished
 * loading first or did not read as a product page.
 */
export function readWhileLoading(
  ctx: ContentScriptContext,
  read: () => AnchoredExtraction,
): Promise<EarlyProduct | null> | null {
  if (document.readyState !== 'loading') return null;
  const markers = earlyProductMarkers(location.href);
  if (!markers) return null;
  return new Promise((resolve) => {
    const look = () => {
      try {
        if (ctx.isInvalid || document.readyState !== 'loading') return resolve(null);
        if (!markers.some((id) => document.getElementById(id))) {
          ctx.setTimeout(look, LOOK_EVERY_MS);
          return;
        }
        const item = productItem(read());
        if (!item) return resolve(null);
        productFootprint(item.product, false).then(
          (footprint) => resolve(footprint ? { item, footprint } : null),
          () => resolve(null),
        );
      } catch {
        resolve(null);
      }
    };
    look();
  });
}
