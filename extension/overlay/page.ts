// What the content script does on a shop page: read it, then show the product badge or the
// listing badges. A product page of a shop whose layout we know is read while it loads (early.ts)
// and confirmed once complete. Listings are watched for items the page adds later; single-page
// shops re-run on navigation. Everything is guarded: a page we cannot read gets nothing, and
// never breaks.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extractPageWithAnchors, type ReadOptions } from '../../shared/extract/index.ts';
import { type EarlyProduct, productItem, readWhileLoading } from './early.ts';
import { ListingBadges } from './listing.ts';
import { type MountedBadge, mountProductBadge, productFootprint, showProductBadge } from './product.ts';

/** A live page: native selector queries are cheap, touching every element from script is not. */
const READ: ReadOptions = { strategy: 'query' };

/** Wait for the page to settle before reading items it added (infinite scroll, lazy results). */
const RESCAN_DELAY_MS = 250;

/** How long a page that paints nothing (a tab in the background) keeps the view unrecorded. */
const PAINT_WAIT_MS = 500;

/** Starts the overlay; call it as the page starts (the content script runs at document_start). */
export function startOverlay(ctx: ContentScriptContext): void {
  let productUi: MountedBadge | null = null;
  let listing: ListingBadges | null = null;
  let observer: MutationObserver | null = null;
  let hidden = false;
  let generation = 0;
  /** The address last read: a location change that leaves it as it is changes nothing. */
  let readAt = location.href;

  const clear = () => {
    generation++;
    observer?.disconnect();
    observer = null;
    productUi?.remove();
    productUi = null;
    listing?.removeAll();
    listing = null;
  };
  const hide = () => {
    hidden = true;
    clear();
  };

  const watchListing = (badges: ListingBadges, current: number) => {
    let timer: number | undefined;
    const rescan = () => {
      timer = undefined;
      if (current !== generation || ctx.isInvalid) return;
      const page = extractPageWithAnchors(document, location.href, READ);
      if (page.page === 'listing') {
        badges.add(page.items).then(
          (shown) => shown || hide(),
          () => {},
        );
      }
    };
    // Reading the page again costs as much as the first time: only additions that can hold a
    // listing item (an element with a link in it) are worth it, not ads, counters or our own badges.
    const mayAddItems = (node: Node): boolean =>
      node instanceof Element &&
      !ListingBadges.isOurs(node) &&
      (node.matches('a[href]') || node.querySelector('a[href]') !== null);
    observer = new MutationObserver((records) => {
      if (timer !== undefined) return;
      if (records.some((record) => Array.prototype.some.call(record.addedNodes, mayAddItems))) {
        timer = ctx.setTimeout(rescan, RESCAN_DELAY_MS);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  };

  const read = () => extractPageWithAnchors(document, location.href, READ);

  const run = async () => {
    readAt = location.href;
    clear();
    const current = generation;
    if (hidden || ctx.isInvalid) return;
    const page = read();
    const item = productItem(page);
    if (item) {
      const ui = await mountProductBadge(ctx, item, hide);
      if (current !== generation) ui?.remove();
      else productUi = ui;
    } else if (page.page === 'listing') {
      const badges = new ListingBadges();
      listing = badges;
      if (!(await badges.add(page.items))) return hide();
      if (current === generation) watchListing(badges, current);
    }
  };

  const guarded = () =>
    run().catch(() => {
      // A page we cannot read gets nothing; the shop page must never break because of us.
    });

  // The product read while the page loaded, confirmed from the complete page: the view is recorded
  // from this reading; a product that now reads differently is shown afresh.
  const confirm = async (early: EarlyProduct) => {
    if (generation !== 0 || hidden || ctx.isInvalid) return;
    const item = productItem(read());
    if (item && JSON.stringify(item.product) === JSON.stringify(early.item.product)) {
      await productFootprint(item.product, true);
    } else {
      await run();
    }
  };

  const early = readWhileLoading(ctx, read);
  early?.then((found) => {
    if (found && generation === 0 && !hidden && !ctx.isInvalid) {
      productUi = showProductBadge(ctx, found.item, found.footprint, hide);
    }
  });

  const start = async () => {
    const found = early && (await early);
    if (found) {
      // Read again once the page's first frame is out, so the badge already shown is not held up.
      afterNextPaint(ctx, () => confirm(found).catch(() => {}));
    } else {
      guarded();
    }
    // The page's own scripts can dispatch this event too: only a real change of address re-reads
    // the page (and records a view), so a page cannot fill the ledger with views of one product.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (location.href !== readAt) guarded();
    });
  };
  ctx.onInvalidated(clear);
  if (document.readyState === 'loading') {
    ctx.addEventListener(document, 'DOMContentLoaded', () => start().catch(() => {}), { once: true });
  } else {
    start().catch(() => {});
  }
}

/** Runs `task` once the page's next frame is painted, or after a while in a tab that paints none. */
function afterNextPaint(ctx: ContentScriptContext, task: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    task();
  };
  requestAnimationFrame(() => ctx.setTimeout(once, 0));
  ctx.setTimeout(once, PAINT_WAIT_MS);
}
