// The product-page overlay: asks the background for the footprint of the product the page shows
// and mounts the badge in a shadow root beside the price or heading, or as a floating card when
// the page gives us nothing to anchor to.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AnchoredItem } from '../../shared/extract/index.ts';
import type { ProductFootprint } from '../../shared/messages.ts';
import type { Product } from '../../shared/product.ts';
import { sendMessage } from '../messaging.ts';
import { type ChoiceInOverlay, productBadge } from './ProductBadge.ts';
import { badgePlace } from './place.ts';
import { createShadowHost } from './shadow.ts';
import badgeCss from './style.css?inline';

/** What the page orchestration needs to take the badge away again. */
export interface MountedBadge {
  remove(): void;
  /** Whether the badge is still in the page (a page that renders again can take it away). */
  isConnected(): boolean;
}

/**
 * The product's footprint from the background. `record` when this reading of the page is final:
 * the view goes into the ledger. A reading of a page still loading records nothing.
 */
export function productFootprint(product: Product, record: boolean): Promise<ProductFootprint | undefined> {
  return sendMessage(record ? 'product-viewed' : 'product-estimate', { product });
}

/** Puts the badge in the page now; null when there is nothing to show (no estimate, hidden here). */
export function showProductBadge(
  ctx: ContentScriptContext,
  item: AnchoredItem,
  footprint: ProductFootprint | undefined,
  onHide: () => void,
): MountedBadge | null {
  if (!footprint?.estimate || !footprint.texts || footprint.hidden || ctx.isInvalid) return null;
  const { product } = item;
  const { estimate, alternatives, car } = footprint;
  // An anchor the shopper cannot see (a price kept in a hidden part of the page) would hide the
  // badge with it: the floating card shows instead.
  const anchor = item.anchor?.isConnected && item.anchor.checkVisibility() ? item.anchor : null;
  const kind = anchor ? 'badge' : 'card';

  const { host, shadow } = createShadowHost('carbon-ledger-badge', badgeCss, 'closed');
  host.dataset.carbonLedger = kind;
  host.dataset.kgCo2e = String(Math.round(estimate.kgCO2e * 1000) / 1000);
  const container = document.createElement('div');
  if (kind === 'card') container.classList.add('cl-card');
  shadow.append(container);
  container.append(
    productBadge({
      estimate,
      alternatives,
      car,
      counts: footprint.counts,
      texts: footprint.texts,
      noPrice: !product.price,
      onChoice: async (choice: ChoiceInOverlay) => {
        // The alternative goes as the background offered it; it reads what it needs and checks it.
        const answer = await sendMessage('choice-made', { product, ...choice });
        return answer?.said ?? '';
      },
      onAlternativeOpened: (alternative) => {
        sendMessage('alternative-opened', { product, alternative }).catch(() => {});
      },
      onAlternativesShown: () => {
        sendMessage('alternatives-shown', { product }).catch(() => {});
      },
      onOpenMethods: () => {
        sendMessage('open-methods', {}).catch(() => {});
      },
      onHideOnSite: () => {
        sendMessage('hide-on-site', {}).then(onHide, () => {});
      },
    }),
  );
  if (anchor) badgePlace(anchor).after(host);
  else document.body.append(host);
  return {
    remove() {
      host.remove();
    },
    isConnected: () => host.isConnected,
  };
}
