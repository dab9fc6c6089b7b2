// The footprint badge on a product page: the estimate with its range and an everyday comparison;
// opened, the method, steps and sources behind it, the greener alternatives, and buttons that
// record the shopper's choice. Built with dom.ts: text only; nothing from the page becomes HTML.
// Only the shopper acts: every handler that records, logs or changes a setting runs on a trusted
// event (a real click, tap or key press); a click a page's script makes (element.click(),
// dispatchEvent) has isTrusted false and does nothing.

import { i18n } from '#i18n';
import type { Alternative } from '../../shared/footprint/alternatives.ts';
import type { FootprintEstimate } from '../../shared/footprint/estimate.ts';
import type { CarComparison, CountsTexts } from '../../shared/messages.ts';
import { kgText, numberText } from '../format.ts';
import { h } from './dom.ts';

export type ChoiceInOverlay =
  | { choice: 'greener'; alternative: Alternative }
  | { choice: 'kept' | 'dismissed'; alternative: null };

export interface ProductBadgeProps {
  estimate: FootprintEstimate;
  alternatives: Alternative[];
  car: CarComparison | null;
  /** What the estimate counts ("making and using"), from the background. */
  counts?: CountsTexts | null;
  /** The page shows no price: the estimate rests on the title and category alone, and says so. */
  noPrice?: boolean;
  /** Records a choice; resolves to what the background says about it. */
  onChoice(choice: ChoiceInOverlay): Promise<string>;
  onAlternativeOpened(alternative: Alternative): void;
  onAlternativesShown(): void;
  onHideOnSite(): void;
  /** Opens the extension's methods page (our own sources link there; a shop page cannot open it). */
  onOpenMethods?(): void;
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

/** The badge, ready to go into our shadow root. */
export function productBadge(props: ProductBadgeProps): HTMLElement {
  const { estimate, alternatives, car, counts } = props;
  const detailsId = `carbon-ledger-details-${++nextId}`;
  let open = false;
  let details: HTMLElement | null = null;
  const status = h('p', { class: 'cl-status', role: 'status', 'aria-live': 'polite' });

  const more = h('span', { class: 'cl-more' }, i18n.t('overlay.why'));
  const summary = h(
    'button',
    {
      type: 'button',
      class: 'cl-summary',
      'aria-expanded': 'false',
      'aria-controls': detailsId,
      onclick: byShopper(() => {
        // Logged once per product view however often it is opened (the background sees to that).
        if (!open && alternatives.length) props.onAlternativesShown();
        open = !open;
        summary.setAttribute('aria-expanded', String(open));
        more.textContent = open ? i18n.t('overlay.hideDetails') : i18n.t('overlay.why');
        if (open) {
          details ??= detailsOf(props, detailsId, status, (choice) =>
            byShopper(async () => {
              status.textContent = await props.onChoice(choice);
            }),
          );
          section.append(details);
        } else details?.remove();
      }),
    },
    h('span', { class: 'cl-kg' }, i18n.t('overlay.estimate', [kgText(estimate.kgCO2e)])),
    h('span', { class: 'cl-range' }, `(${i18n.t('overlay.range', [kgText(estimate.low), kgText(estimate.high)])})`),
    props.noPrice && h('span', { class: 'cl-scope cl-no-price' }, `· ${i18n.t('overlay.noPrice')}`),
    counts && h('span', { class: 'cl-scope' }, `· ${counts.label}`),
    car && h('span', { class: 'cl-car' }, `· ${i18n.t('overlay.carKm', [numberText(car.km, car.km < 10 ? 1 : 0)])}`),
    more,
  );
  const section = h('section', { class: 'cl-badge', 'aria-label': i18n.t('overlay.regionLabel') }, summary);
  return section;
}

/** The opened part: method, steps, sources, alternatives and the choice buttons. */
function detailsOf(
  props: ProductBadgeProps,
  id: string,
  status: HTMLElement,
  choose: (choice: ChoiceInOverlay) => (event: Event) => void,
): HTMLElement {
  const { estimate, alternatives, car } = props;
  const button = (label: string, attributes: Record<string, string>, onclick: (event: Event) => void) =>
    h('button', { type: 'button', class: 'cl-button', ...attributes, onclick }, label);
  return h(
    'div',
    { id, class: 'cl-details' },
    h(
      'p',
      null,
      h('strong', null, i18n.t('overlay.notMeasurement')),
      ` ${i18n.t('overlay.method', [estimate.method])}. `,
      props.noPrice && `${i18n.t('overlay.noPriceMeaning')} `,
      `${i18n.t('overlay.category', [estimate.categoryLabel, String(Math.round(estimate.confidence * 100))])}. `,
      `${i18n.t('overlay.rangeMeaning', [estimate.rangeMeaning])}. `,
      props.counts?.split,
    ),
    h('h3', null, i18n.t('overlay.steps')),
    h('ol', null, ...estimate.steps.map((step) => h('li', null, step))),
    h('h3', null, i18n.t('overlay.sources')),
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
    car &&
      h(
        'p',
        { class: 'cl-note' },
        i18n.t('overlay.carSource', [numberText(car.kgPerKm, 3), `${car.source.publisher}, ${car.source.title}`]),
      ),
    alternatives.length > 0 && h('h3', null, i18n.t('overlay.alternatives')),
    alternatives.length > 0 &&
      h(
        'ul',
        { class: 'cl-alternatives' },
        ...alternatives.map((alternative) =>
          h(
            'li',
            null,
            h('span', { class: 'cl-alt-title' }, alternative.title),
            ' ',
            h('span', { class: 'cl-saves' }, i18n.t('overlay.saves', [kgText(alternative.avoidedKgCO2e)])),
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
                  i18n.t('overlay.open'),
                ),
              // Advice the shopper cannot act on from this page is pledged, not taken: it is
              // credited nothing until logged by hand (shared/ledger/crediting.ts).
              button(
                i18n.t(alternative.actionable ? 'overlay.takeThis' : 'overlay.pledge'),
                {
                  class: 'cl-button cl-primary',
                  'data-choice': alternative.actionable ? 'greener' : 'pledge',
                },
                choose({ choice: 'greener', alternative }),
              ),
            ),
          ),
        ),
      ),
    h(
      'p',
      { class: 'cl-choices' },
      button(i18n.t('overlay.keep'), { 'data-choice': 'kept' }, choose({ choice: 'kept', alternative: null })),
      button(
        i18n.t('overlay.notRelevant'),
        { 'data-choice': 'dismissed' },
        choose({ choice: 'dismissed', alternative: null }),
      ),
      button(
        i18n.t('overlay.hideOnSite'),
        { class: 'cl-button cl-quiet', 'data-action': 'hide-on-site' },
        byShopper(props.onHideOnSite),
      ),
    ),
    status,
  );
}
