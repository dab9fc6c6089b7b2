// What the content script does on a shop page: read it, then show the product badge or the
// listing badges. A product page of a shop whose layout we know is read while it loads (early.ts)
// and confirmed once complete. Many shops render in the browser: their items or product arrive
// after the document has loaded (client-side rendering, hydration, infinite scroll), so every page
// is watched for what it adds and read again once it settles. Single-page shops re-run on
// navigation. Everything is guarded: a page we cannot read gets nothing, and never breaks.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type AnchoredItem, extractPageWithAnchors, type ReadOptions } from '../../shared/read.ts';
import { type EarlyProduct, productItem, readWhileLoading } from './early.ts';
import { ListingBadges } from './listing.ts';
import { type MountedBadge, productFootprint, showProductBadge } from './product.ts';
import { inNextFrame, isOurs } from './shadow.ts';

/** A live page: native selector queries are cheap, touching every element from script is not. */
const READ: ReadOptions = { strategy: 'query' };

/** Wait for the page to settle before reading what it added (rendering, infinite scroll, lazy results). */
const RESCAN_DELAY_MS = 250;

/**
 * How many times a page that is not a listing is read again as it adds content: enough for a shop
 * that renders in the browser to put its product or items in, few enough that a page that is no
 * shop (or keeps changing) costs next to nothing. A listing is watched as long as it is open.
 */
const MAX_RESCANS = 12;

/**
 * A product read without a price or a place on the page (from the page's metadata while its body
 * is still being rendered) is shown but not yet recorded: the view is recorded from the first
 * complete reading, or from the last reading once the page has been quiet this long.
 */
const SETTLE_MS = 1500;

/** How long a page that paints nothing (a tab in the background) keeps the view unrecorded. */
const PAINT_WAIT_MS = 500;

/** A reading complete enough to record: a price, and the element the badge sits beside. */
const isComplete = (item: AnchoredItem): boolean => !!item.product.price && !!item.anchor;

/** Starts the overlay; call it as the page starts (the content script runs at document_start). */
export function startOverlay(ctx: ContentScriptContext): void {
  let productUi: MountedBadge | null = null;
  /** The product the badge shows (as JSON), and whether this address's view is recorded. */
  let shown: string | null = null;
  let recorded = false;
  let settleTimer: number | undefined;
  let listing: ListingBadges | null = null;
  let observer: MutationObserver | null = null;
  let hidden = false;
  let generation = 0;
  /** The address last read: a location change that leaves it as it is changes nothing. */
  let readAt = location.href;

  const clearProduct = () => {
    productUi?.remove();
    productUi = null;
    shown = null;
  };
  const clear = () => {
    generation++;
    observer?.disconnect();
    observer = null;
    clearTimeout(settleTimer);
    clearProduct();
    recorded = false;
    listing?.removeAll();
    listing = null;
  };
  const hide = () => {
    hidden = true;
    clear();
  };

  const read = () => extractPageWithAnchors(document, location.href, READ);

  /**
   * Shows the badge for `item` (replacing one for a product that read differently). A complete
   * reading records the view, once per address; an incomplete one waits for a better reading.
   */
  const showProduct = async (item: AnchoredItem, current: number) => {
    const record = !recorded && isComplete(item);
    if (record) {
      recorded = true;
      clearTimeout(settleTimer);
    }
    const reading = JSON.stringify(item.product);
    shown = reading;
    const footprint = await productFootprint(item.product, record);
    await inNextFrame(() => {
      if (current !== generation || shown !== reading) return;
      productUi?.remove();
      productUi = showProductBadge(ctx, item, footprint, hide);
    });
    if (!recorded && current === generation) {
      clearTimeout(settleTimer);
      settleTimer = ctx.setTimeout(() => {
        if (current !== generation || recorded || shown !== reading) return;
        recorded = true;
        productFootprint(item.product, true).catch(() => {});
      }, SETTLE_MS);
    }
  };

  const showListing = async (items: AnchoredItem[]) => {
    if (productUi) clearProduct();
    listing ??= new ListingBadges();
    if (!(await listing.add(items))) hide();
  };

  /** Reads the page again whenever it adds content, once it has settled. */
  const watch = (current: number) => {
    let timer: number | undefined;
    let rescans = 0;
    const rescan = () => {
      timer = undefined;
      if (current !== generation || ctx.isInvalid || hidden) return;
      rescans++;
      const page = read();
      const item = productItem(page);
      // A product shown from a complete reading stays: recommendations a product page adds later
      // are not a listing.
      if (page.page === 'listing' && !(recorded && productUi)) {
        showListing(page.items).catch(() => {});
      } else if (item && !listing) {
        // A product that now reads differently (its body rendered, its price came in), or whose
        // badge the page's rendering took away, is shown afresh.
        const moved = productUi !== null && !productUi.isConnected();
        if (JSON.stringify(item.product) !== shown || moved) showProduct(item, current).catch(() => {});
      }
    };
    // Reading the page again costs as much as the first time: a listing is read again for
    // additions that can hold an item (an element with a link in it); any other page, a limited
    // number of times, for additions that can hold a price (digits in their text) or a product's
    // data (a heading, a JSON block), not for the trackers, styles and images pages keep adding.
    // Our own badges never count.
    const mayAdd = (node: Node): boolean => {
      if (!(node instanceof Element) || isOurs(node)) return false;
      if (listing) return node.matches('a[href]') || node.querySelector('a[href]') !== null;
      if (node.tagName === 'SCRIPT') return node.getAttribute('type')?.includes('json') === true;
      // Styles (and, with scripting on, <noscript> bodies) are text full of digits; images, frames and icons have no text.
      return (
        !/^(?:STYLE|NOSCRIPT)$/.test(node.tagName) && (/\d/.test(node.textContent ?? '') || !!node.querySelector('h1'))
      );
    };
    observer = new MutationObserver((records) => {
      if (timer !== undefined) return;
      // A product read complete is not read again, unless the page's rendering took its badge away.
      if (recorded && productUi && !listing) {
        if (!productUi.isConnected()) timer = ctx.setTimeout(rescan, RESCAN_DELAY_MS);
        return;
      }
      if (!listing && rescans >= MAX_RESCANS) {
        observer?.disconnect();
        return;
      }
      if (records.some((record) => Array.prototype.some.call(record.addedNodes, mayAdd))) {
        timer = ctx.setTimeout(rescan, RESCAN_DELAY_MS);
      }
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  };

  const run = async () => {
    readAt = location.href;
    clear();
    const current = generation;
    if (hidden || ctx.isInvalid) return;
    watch(current);
    const page = read();
    const item = productItem(page);
    if (item) await showProduct(item, current);
    else if (page.page === 'listing') await showListing(page.items);
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
    const reading = item && JSON.stringify(item.product);
    if (item && reading === JSON.stringify(early.item.product)) {
      recorded = true;
      shown = reading;
      await productFootprint(item.product, true);
      watch(generation);
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
