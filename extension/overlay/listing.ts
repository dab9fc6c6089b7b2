// Badges on listing pages (search results, categories): one small badge per item, the
// lowest-footprint items marked. Items arrive in batches as the page loads more (infinite
// scroll, lazy results); each anchor is badged once. Hosts are light shadow roots sharing one
// constructed stylesheet, so sixty badges cost little.

import { i18n } from '#i18n';
import type { AnchoredItem } from '../../shared/extract/index.ts';
import { type ListingEstimate, MAX_LISTING_ITEMS } from '../../shared/messages.ts';
import { sendMessage } from '../messaging.ts';
import { formatKg } from './format.ts';
import listingCss from './listing.css?inline';
import { createShadowHost, inNextFrame } from './shadow.ts';

/** Items at or below this share of the page's estimates are marked as the lowest. */
const LOWEST_SHARE = 0.25;
/** Marking "lowest" needs a few items to compare. */
const MIN_ITEMS_TO_RANK = 4;
const HOST_TAG = 'carbon-ledger-listing-badge';

/**
 * A message with its numbers filled in here. The browser's message lookup is a call into the
 * extension runtime; a listing would make four per badge, so each message is looked up once with
 * markers in place of its substitutions.
 */
const MARKERS = ['\uE001', '\uE002', '\uE003'] as const;
const templates = new Map<string, string>();
function message(key: 'overlay.estimate' | 'overlay.range' | 'overlay.listingLabel', ...values: string[]): string {
  let template = templates.get(key);
  if (template === undefined) {
    template = i18n.t(key as 'overlay.listingLabel', [...MARKERS]);
    templates.set(key, template);
  }
  return template.replace(/[\uE001-\uE003]/g, (marker) => values[marker.charCodeAt(0) - 0xe001] ?? '');
}

interface Badge {
  host: HTMLElement;
  estimate: ListingEstimate;
}

export class ListingBadges {
  private readonly seen = new WeakSet<Element>();
  private readonly badges: Badge[] = [];
  private readonly pageHost = location.host;

  /** Badges the items not seen before. Resolves false when the shopper hid the overlay on this site. */
  async add(items: AnchoredItem[]): Promise<boolean> {
    const fresh = items.filter((item) => {
      if (!item.anchor || item.placeholder || this.seen.has(item.anchor)) return false;
      try {
        return new URL(item.product.url).host === this.pageHost;
      } catch {
        return false;
      }
    });
    for (const item of fresh) this.seen.add(item.anchor!);
    for (let start = 0; start < fresh.length; start += MAX_LISTING_ITEMS) {
      const batch = fresh.slice(start, start + MAX_LISTING_ITEMS);
      const answer = await sendMessage('listing-viewed', { items: batch.map((item) => item.product) });
      if (!answer || answer.hidden) return !answer?.hidden;
      const last = start + MAX_LISTING_ITEMS >= fresh.length;
      await inNextFrame(() => {
        answer.estimates.forEach((estimate, i) => {
          const anchor = batch[i]?.anchor;
          if (estimate && anchor?.isConnected) this.badges.push({ host: this.mount(anchor, estimate), estimate });
        });
        if (last) this.markLowest();
      });
    }
    return true;
  }

  removeAll(): void {
    for (const { host } of this.badges.splice(0)) host.remove();
  }

  /** Whether a node is one of ours (so the page watcher can ignore our own insertions). */
  static isOurs(node: Node): boolean {
    return node.nodeName.toLowerCase() === HOST_TAG;
  }

  private mount(anchor: Element, estimate: ListingEstimate): HTMLElement {
    const { host, shadow } = createShadowHost(HOST_TAG, listingCss);
    host.dataset.carbonLedger = 'listing-badge';
    host.dataset.kgCo2e = String(Math.round(estimate.kgCO2e * 1000) / 1000);
    const pill = document.createElement('span');
    pill.className = 'cl-pill';
    pill.setAttribute('role', 'note');
    const [kg, low, high] = [formatKg(estimate.kgCO2e), formatKg(estimate.low), formatKg(estimate.high)];
    pill.setAttribute('aria-label', message('overlay.listingLabel', kg, low, high));
    pill.title = message('overlay.range', low, high);
    pill.textContent = message('overlay.estimate', kg);
    shadow.append(pill);
    anchor.after(host);
    return host;
  }

  private markLowest(): void {
    if (this.badges.length < MIN_ITEMS_TO_RANK) return;
    const sorted = this.badges.map((b) => b.estimate.kgCO2e).sort((a, b) => a - b);
    const threshold = sorted[Math.max(0, Math.ceil(sorted.length * LOWEST_SHARE) - 1)]!;
    let lowestTexts: { mark: string; label: string } | undefined;
    for (const { host, estimate } of this.badges) {
      const lowest = estimate.kgCO2e <= threshold;
      if (lowest === host.hasAttribute('data-lowest')) continue;
      lowestTexts ??= { mark: `· ${i18n.t('overlay.lowest')}`, label: i18n.t('overlay.lowestLabel') };
      const pill = host.shadowRoot?.querySelector('.cl-pill');
      if (lowest) {
        host.setAttribute('data-lowest', '');
        const mark = document.createElement('span');
        mark.className = 'cl-low';
        mark.textContent = lowestTexts.mark;
        mark.title = lowestTexts.label;
        pill?.append(mark);
        pill?.setAttribute('aria-label', `${pill.getAttribute('aria-label')}. ${lowestTexts.label}`);
      } else {
        host.removeAttribute('data-lowest');
        pill?.querySelector('.cl-low')?.remove();
      }
    }
  }
}
