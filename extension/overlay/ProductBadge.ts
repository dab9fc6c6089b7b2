// The footprint badge on a product page, in three levels: the estimate with its range and an
// everyday comparison; one click opens a compact card over the page (a popover in the top layer, so
// the page does not move) with the method, making vs using, the best greener alternatives and the
// choice buttons; one more click in the card shows every step, factor and source. Built with dom.ts: text only; nothing from the page becomes HTML.
// Only the shopper acts: every handler that records, logs or changes a setting runs on a trusted
// event (a real click, tap or key press); a click a page's script makes (element.click(),
// dispatchEvent) has isTrusted false and does nothing.

import type { Alternative } from '../../shared/footprint/alternatives.ts';
import type { FootprintEstimate } from '../../shared/footprint/estimate.ts';
import type { CarComparison, CountsTexts, ProductTexts } from '../../shared/messages.ts';
import { h } from './dom.ts';
import { t } from './text.ts';

export type ChoiceInOverlay =
  | { choice: 'greener'; alternative: Alternative }
  | { choice: 'kept' | 'dismissed'; alternative: null };

export interface ProductBadgeProps {
  estimate: FootprintEstimate;
  alternatives: Alternative[];
  car: CarComparison | null;
  /** What the estimate counts ("making and using"), from the background. */
  counts?: CountsTexts | null;
  /** The figures as text, numbers formatted, from the background. */
  texts: ProductTexts;
  /** The page shows no price: the estimate rests on the title and category alone, and says so. */
  noPrice?: boolean;
  /** Records a choice; resolves to what the background says about it. */
  onChoice(choice: ChoiceInOverlay): Promise<string>;
  onAlternativeOpened(alternative: Alternative): void;
  /** Opens the extension's methods page (our own sources link there; a shop page cannot open it). */
  onOpenMethods?(): void;
  onAlternativesShown(): void;
  onHideOnSite(): void;
}

let nextId = 0;

/** Whether a link points into this extension (its methods page), not to a publication. */
const isOwnPage = (url: string): boolean => !/^https?:\/\//.test(url);

/**
 * Runs `act` only for an event the browser made from the shopper's input, not a script's, on a
 * control the shopper can see: a page that makes our badge transparent to collect real clicks meant
 * for something of its own (clickjacking) gets nothing (checkVisibility looks through our shadow
 * root at the page's ancestors too; a hidden element gets no clicks at all).
 */
const byShopper =
  (act: (event: Event) => void) =>
  (event: Event): void => {
    if (event.isTrusted && (event.currentTarget as Element).checkVisibility({ opacityProperty: true })) act(event);
  };

/** How many alternatives the card shows: the ones that save most come first. */
const TOP_ALTERNATIVES = 3;

/** The badge, ready to go into our shadow root. */
export function productBadge(props: ProductBadgeProps): HTMLElement {
  const { alternatives, car, counts, texts } = props;
  const cardId = `carbon-ledger-card-${++nextId}`;
  let card: HTMLElement | null = null;
  const status = h('p', { class: 'cl-status', role: 'status', 'aria-live': 'polite' });
  const more = h('span', { class: 'cl-more' }, t('overlay.why'));
  const isOpen = () => summary.getAttribute('aria-expanded') === 'true';

  // The card sits in the top layer, never over the badge: under it, or above it when it fits there
  // and not below (as for the floating card in a corner), or on the side with more room, scrolling
  // inside; kept in the viewport, and following the badge on scroll and as it grows.
  const place = () => {
    // (A badge the page took away while open leaves nothing to place.)
    if (!card?.isConnected) return;
    const at = summary.getBoundingClientRect();
    const roomBelow = innerHeight - at.bottom - 12;
    const roomAbove = at.top - 12;
    const below = card.scrollHeight <= roomBelow || roomBelow >= roomAbove;
    card.style.maxHeight = `${Math.max(120, Math.min(512, below ? roomBelow : roomAbove))}px`;
    card.style.left = `${Math.max(8, Math.min(at.left, innerWidth - card.offsetWidth - 8))}px`;
    card.style.top = `${below ? at.bottom + 4 : at.top - 4 - card.offsetHeight}px`;
  };
  const setOpen = (open: boolean) => {
    if (open === isOpen()) return;
    summary.setAttribute('aria-expanded', String(open));
    more.textContent = open ? t('overlay.hideDetails') : t('overlay.why');
    if (open) {
      if (!card) {
        card = cardOf(
          props,
          cardId,
          status,
          () => close(),
          (choice) =>
            byShopper(async () => {
              status.textContent = await props.onChoice(choice);
            }),
        );
        new ResizeObserver(place).observe(card);
      }
      section.append(card);
      card.showPopover?.();
      place();
      addEventListener('scroll', place, { capture: true, passive: true });
      addEventListener('resize', place, { passive: true });
    } else {
      removeEventListener('scroll', place, { capture: true });
      removeEventListener('resize', place);
      card?.remove();
    }
  };
  const close = () => {
    setOpen(false);
    summary.focus();
  };

  const summary = h(
    'button',
    {
      type: 'button',
      class: 'cl-summary',
      'aria-expanded': 'false',
      'aria-controls': cardId,
      onclick: byShopper(() => {
        // Logged once per product view however often it is opened (the background sees to that).
        if (!isOpen() && alternatives.length) props.onAlternativesShown();
        setOpen(!isOpen());
      }),
    },
    h('span', { class: 'cl-kg' }, texts.badge),
    h('span', { class: 'cl-range' }, `(${texts.range})`),
    props.noPrice && h('span', { class: 'cl-scope cl-no-price' }, `· ${t('overlay.noPrice')}`),
    counts && h('span', { class: 'cl-scope' }, `· ${counts.label}`),
    counts?.kind && h('span', { class: 'cl-scope cl-kind' }, `· ${counts.kind}`),
    car && h('span', { class: 'cl-car' }, `· ${texts.car}`),
    more,
  );
  const section = h(
    'section',
    {
      class: 'cl-badge',
      'aria-label': t('overlay.regionLabel'),
      onkeydown: byShopper((event) => {
        if ((event as KeyboardEvent).key === 'Escape' && isOpen()) close();
      }),
    },
    summary,
  );
  return section;
}

/**
 * The card: the method in a sentence, making vs using, the top alternatives and the choices; a
 * button in it opens the last level, every step, factor and source.
 */
function cardOf(
  props: ProductBadgeProps,
  id: string,
  status: HTMLElement,
  close: () => void,
  choose: (choice: ChoiceInOverlay) => (event: Event) => void,
): HTMLElement {
  const { estimate, alternatives, car, counts, texts } = props;
  const button = (label: string, attributes: Record<string, string>, onclick: (event: Event) => void) =>
    h('button', { type: 'button', class: 'cl-button', ...attributes, onclick }, label);
  const alternativeItem = (alternative: Alternative) =>
    h(
      'li',
      null,
      h('span', { class: 'cl-alt-title' }, alternative.title),
      ' ',
      h('span', { class: 'cl-saves' }, texts.saves[alternatives.indexOf(alternative)]),
      h('span', { class: 'cl-reason' }, alternative.reason),
      h(
        'span',
        { class: 'cl-actions' },
        alternative.url &&
          h(
            'a',
            {
              href: alternative.url,
              class: 'cl-button',
              rel: 'noopener noreferrer',
              onclick: byShopper(() => props.onAlternativeOpened(alternative)),
            },
            t('overlay.open'),
          ),
        // Advice the shopper cannot act on from this page is pledged, not taken: it is credited
        // nothing until logged by hand (shared/ledger/crediting.ts).
        button(
          t(alternative.actionable ? 'overlay.takeThis' : 'overlay.pledge'),
          { class: 'cl-button cl-primary', 'data-choice': alternative.actionable ? 'greener' : 'pledge' },
          choose({ choice: 'greener', alternative }),
        ),
      ),
    );
  const fullId = `${id}-full`;
  let full: HTMLElement | null = null;
  const toggleFull = byShopper(() => {
    const open = !full;
    showAll.setAttribute('aria-expanded', String(open));
    showAll.textContent = t(open ? 'card.fewerDetails' : 'card.allDetails');
    if (open) {
      full = fullOf(fullId);
      showAll.after(full);
      full.scrollIntoView({ block: 'nearest' });
    } else {
      full?.remove();
      full = null;
    }
  });
  const showAll = button(
    t('card.allDetails'),
    { class: 'cl-button cl-quiet', 'aria-expanded': 'false', 'aria-controls': fullId },
    toggleFull,
  );
  const top = alternatives.slice(0, TOP_ALTERNATIVES);
  return h(
    'div',
    { id, class: 'cl-pop', popover: 'manual', role: 'dialog', 'aria-label': t('overlay.regionLabel') },
    button('×', { class: 'cl-close', 'aria-label': t('card.close') }, byShopper(close)),
    h(
      'p',
      null,
      h('strong', null, t('overlay.notMeasurement')),
      ` ${t('overlay.method', [estimate.method])}. `,
      props.noPrice && t('overlay.noPriceMeaning'),
    ),
    counts && h('p', null, counts.split ?? `${counts.label[0]?.toUpperCase()}${counts.label.slice(1)}.`),
    top.length > 0 && h('h3', null, t('overlay.alternatives')),
    top.length > 0 && h('ul', { class: 'cl-alternatives' }, ...top.map(alternativeItem)),
    h(
      'p',
      { class: 'cl-choices' },
      button(t('overlay.keep'), { 'data-choice': 'kept' }, choose({ choice: 'kept', alternative: null })),
      button(
        t('overlay.notRelevant'),
        { 'data-choice': 'dismissed' },
        choose({ choice: 'dismissed', alternative: null }),
      ),
      button(
        t('overlay.hideOnSite'),
        { class: 'cl-button cl-quiet', 'data-action': 'hide-on-site' },
        byShopper(props.onHideOnSite),
      ),
    ),
    status,
    showAll,
  );
  // The full level, built when asked for: category, range, steps, sources and the car's factor.
  function fullOf(fullId: string): HTMLElement {
    return h(
      'div',
      { id: fullId, class: 'cl-full' },
      h(
        'p',
        null,
        `${t('overlay.category', [estimate.categoryLabel, String(Math.round(estimate.confidence * 100))])}. `,
        `${t('overlay.rangeMeaning', [estimate.rangeMeaning])}.`,
      ),
      h('h3', null, t('overlay.steps')),
      h('ol', null, ...estimate.steps.map((step) => h('li', null, step))),
      h('h3', null, t('overlay.sources')),
      h(
        'ul',
        null,
        ...estimate.sources.map((source) =>
          h(
            'li',
            null,
            h(
              'a',
              {
                href: source.url,
                target: '_blank',
                rel: 'noopener noreferrer',
                // Our own methods page: opened by the background, the page's link would be blocked.
                onclick: isOwnPage(source.url)
                  ? byShopper((event) => {
                      event.preventDefault();
                      props.onOpenMethods?.();
                    })
                  : undefined,
              },
              source.title,
            ),
            ` — ${source.publisher}, ${source.year}`,
          ),
        ),
      ),
      car && h('p', { class: 'cl-note' }, texts.carSource),
      // The alternatives beyond the card's first few, as choosable as those.
      alternatives.length > TOP_ALTERNATIVES &&
        h('ul', { class: 'cl-alternatives' }, ...alternatives.slice(TOP_ALTERNATIVES).map(alternativeItem)),
    );
  }
}
