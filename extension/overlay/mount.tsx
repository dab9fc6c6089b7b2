// Reads the product on the current page, asks the background for its footprint and mounts the
// badge in a shadow root: next to the main heading, or as a floating card when there is none.

import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { extractPageWithAnchors } from '../../shared/extract/index.ts';
import { sendMessage } from '../messaging.ts';
import { ProductBadge } from './ProductBadge.tsx';

let current: ShadowRootContentScriptUi<void> | undefined;

export async function showProductFootprint(ctx: ContentScriptContext): Promise<void> {
  current?.remove();
  current = undefined;
  const extraction = extractPageWithAnchors(document, location.href);
  const item = extraction.page === 'product' ? extraction.items[0] : undefined;
  const product = item?.product;
  if (!product) return;
  const { estimate } = (await sendMessage('product-viewed', { product })) ?? {};
  if (!estimate || ctx.isInvalid) return;
  // Beside the shown price or the title, as the extractor says; the first heading otherwise.
  const heading = item.anchor?.isConnected ? item.anchor : document.querySelector('h1');
  const kind = heading ? 'badge' : 'card';
  const ui = await createShadowRootUi<void>(ctx, {
    name: 'carbon-ledger-badge',
    position: 'inline',
    anchor: heading,
    append: 'after',
    onMount(container, _shadow, host) {
      host.dataset.carbonLedger = kind;
      host.dataset.kgCo2e = String(Math.round(estimate.kgCO2e * 1000) / 1000);
      if (kind === 'card') container.classList.add('cl-card');
      render(<ProductBadge estimate={estimate} />, container);
    },
    onRemove(_mounted) {
      if (ui.uiContainer) render(null, ui.uiContainer);
    },
  });
  ui.mount();
  current = ui;
}
