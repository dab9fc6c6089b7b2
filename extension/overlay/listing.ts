// Badges on listing pages (search results, categories): one small badge per item, the
// lowest-footprint items among comparable ones marked, saying what they were compared with (the
// background decides which, shared/footprint/compare.ts, from the badges' estimates the script
// sends back with each batch). Items arrive in batches as the page loads more (infinite
// scroll, lazy results); each anchor is badged once. Hosts are light shadow roots sharing one
// constructed stylesheet, and their texts come ready from the background (listing-texts.ts), so
// sixty badges cost the page little.

import type { AnchoredItem } from '../../shared/extract/index.ts';
import { type ListingEstimate, MAX_LISTING_ITEMS } from '../../shared/messages.ts';
import { sendMessage } from '../messaging.ts';
import listingCss from './listing.css?inline';
import { CLICKABLE, outermostControl, placesBeside } from './place.ts';
import { createShadowHost, inNextFrame } from './shadow.ts';

const HOST_TAG = 'carbon-ledger-listing-badge';

interface Badge {
  host: HTMLElement;
  pill: HTMLElement;
  /** What a screen reader reads for it, before the "lowest" mark. */
  label: string;
  estimate: ListingEstimate;
  /** What it is marked lowest among, as text ('' for no mark; kept here, not read back from the page). */
  lowest: string;
}

export class ListingBadges {
  private readonly seen = new WeakSet<Element>();
  private readonly badges: Badge[] = [];
  private readonly pageHost = location.host;

  /** Badges the items not seen before. Resolves false when the shopper hid the overlay on this site. */
  async add(items: AnchoredItem[]): Promise<boolean> {
    // Items of this site only (the background refuses others). Product addresses come from the
    // URL parser, so their host is read as written.
    const fresh = items.filter(
      (item) =>
        item.anchor &&
        !item.placeholder &&
        !this.seen.has(item.anchor) &&
        /^https?:\/\/([^/?#]*)/.exec(item.product.url)?.[1] === this.pageHost,
    );
    for (const item of fresh) this.seen.add(item.anchor!);
    for (let start = 0; start < fresh.length; start += MAX_LISTING_ITEMS) {
      const batch = fresh.slice(start, start + MAX_LISTING_ITEMS);
      // The badges so far, whose estimates go back to the background to be compared with these.
      const earlier = [...this.badges];
      const answer = await sendMessage('listing-viewed', {
        items: batch.map((item) => item.product),
        earlier: earlier.map((badge) => badge.estimate),
      });
      if (!answer?.lowest) return !answer?.hidden;
      const { mark, among } = answer.lowest;
      // What each badge is marked lowest among, by the answer (badges another batch added meanwhile keep theirs).
      const marks = new Map(earlier.map((badge, i) => [badge, among[i] ?? '']));
      const last = start + MAX_LISTING_ITEMS >= fresh.length;
      await inNextFrame(() => {
        // Where each badge goes, read before any is inserted (reads between insertions would make
        // the browser work out the page's styles again for each).
        const places = answer.estimates.map((estimate, i) => {
          const anchor = batch[i]?.anchor;
          return estimate && anchor?.isConnected ? listingPlace(anchor) : null;
        });
        answer.estimates.forEach((estimate, i) => {
          const place = places[i];
          if (!estimate || !place) return;
          const badge = { ...this.mount(place, estimate, !batch[i]!.product.price), estimate, lowest: '' };
          this.badges.push(badge);
          marks.set(badge, among[earlier.length + i] ?? '');
        });
        if (last) markLowest(marks, mark);
      });
    }
    return true;
  }

  removeAll(): void {
    for (const { host } of this.badges.splice(0)) host.remove();
  }

  /** `noPrice`: the item shows no price, so its estimate rests on its title alone, and the badge says so. */
  private mount(
    anchor: Element,
    estimate: ListingEstimate,
    noPrice: boolean,
  ): { host: HTMLElement; pill: HTMLElement; label: string } {
    const { host, shadow } = createShadowHost(HOST_TAG, listingCss);
    host.setAttribute('data-carbon-ledger', 'listing-badge');
    host.setAttribute('data-kg-co2e', String(Math.round(estimate.kgCO2e * 1000) / 1000));
    const pill = document.createElement('span');
    pill.className = 'cl-pill';
    pill.setAttribute('role', 'note');
    // The texts come ready, saying so where the item shows no price.
    const { label, range, badge } = estimate.texts;
    pill.setAttribute('aria-label', label);
    pill.title = range;
    pill.textContent = badge;
    if (noPrice) host.setAttribute('data-no-price', '');
    shadow.append(pill);
    anchor.after(host);
    return { host, pill, label };
  }
}

/** Marks the badges lowest or not as the background said (`mark`: the mark's own text). */
function markLowest(marks: Map<Badge, string>, mark: string): void {
  marks.forEach((among, badge) => {
    const { host, pill, label: itemLabel } = badge;
    if (among === badge.lowest) return;
    if (badge.lowest) pill.lastElementChild?.remove();
    badge.lowest = among;
    host.toggleAttribute('data-lowest', !!among);
    // Said on hover (title) and by a screen reader (the pill's label): what it was compared with.
    pill.setAttribute('aria-label', among ? `${itemLabel}. ${among}` : itemLabel);
    if (among) {
      const low = document.createElement('span');
      low.className = 'cl-low';
      low.textContent = mark;
      low.title = among;
      pill.append(low);
    }
  });
}

/**
 * Where an item's badge goes, after the element returned: beside the item's title, out of the
 * link, button or label around it. A tile that is one link in a grid or a row keeps its badge
 * inside (after the link, it would take a cell of the grid and move the other items): the pill
 * has no control of its own, so a click on it is a click on the tile.
 */
function listingPlace(anchor: Element): Element {
  const control = outermostControl(anchor, CLICKABLE);
  if (!control) return anchor;
  const parent = control.parentElement;
  return parent && !placesBeside(parent) ? control : anchor;
}
