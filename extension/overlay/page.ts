// What the content script does on a shop page: read it, then show the product badge or the
// listing badges. Listings are watched for items the page adds later; single-page shops re-run
// on navigation. Everything is guarded: a page we cannot read gets nothing, and never breaks.

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extractPageWithAnchors, type ReadOptions } from '../../shared/extract/index.ts';
import { ListingBadges } from './listing.ts';
import { type MountedBadge, mountProductBadge } from './product.tsx';

/** A live page: native selector queries are cheap, touching every element from script is not. */
const READ: ReadOptions = { strategy: 'query' };

/** Wait for the page to settle before reading items it added (infinite scroll, lazy results). */
const RESCAN_DELAY_MS = 250;

export function startOverlay(ctx: ContentScriptContext): void {
  let productUi: MountedBadge | null = null;
  let listing: ListingBadges | null = null;
  let observer: MutationObserver | null = null;
  let hidden = false;
  let generation = 0;

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

  const run = async () => {
    clear();
    const current = generation;
    if (hidden || ctx.isInvalid) return;
    const page = extractPageWithAnchors(document, location.href, READ);
    if (page.page === 'product' && page.items[0]) {
      const ui = await mountProductBadge(ctx, page.items[0], hide);
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
  guarded();
  ctx.addEventListener(window, 'wxt:locationchange', guarded);
  ctx.onInvalidated(clear);
}
