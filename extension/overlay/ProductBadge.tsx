// The footprint badge on a product page: the estimate with its range and an everyday comparison;
// opened, the method, steps and sources behind it, the greener alternatives, and buttons that
// record the shopper's choice. Renders text only; nothing from the page becomes HTML.
// Only the shopper acts: every handler that records, logs or changes a setting runs on a trusted
// event (a real click, tap or key press); a click a page's script makes (element.click(),
// dispatchEvent) has isTrusted false and does nothing.

import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Alternative } from '../../shared/footprint/alternatives.ts';
import type { FootprintEstimate } from '../../shared/footprint/estimate.ts';
import type { CarComparison, CountsTexts } from '../../shared/messages.ts';
import { formatKg, formatNumber } from './format.ts';

export type ChoiceInOverlay =
  | { choice: 'greener'; alternative: Alternative }
  | { choice: 'kept' | 'dismissed'; alternative: null };

export interface ProductBadgeProps {
  estimate: FootprintEstimate;
  alternatives: Alternative[];
  car: CarComparison | null;
  /** What the estimate counts ("making and using"), from the background. */
  counts?: CountsTexts | null;
  /** Records a choice; resolves to what the background says about it. */
  onChoice(choice: ChoiceInOverlay): Promise<string>;
  onAlternativeOpened(alternative: Alternative): void;
  onAlternativesShown(): void;
  onHideOnSite(): void;
}

let nextId = 0;

/**
 * Runs `act` only for an event the browser made from the shopper's input, not a script's, on a
 * control the shopper can see: a page that makes our badge transparent to collect real clicks meant
 * for something of its own (clickjacking) gets nothing (checkVisibility looks through our shadow
 * root at the page's ancestors too; a hidden element gets no clicks at all).
 */
const byShopper =
  <E extends Event>(act: (event: E) => void) =>
  (event: E): void => {
    if (event.isTrusted && (event.currentTarget as Element).checkVisibility({ opacityProperty: true })) act(event);
  };

export function ProductBadge(props: ProductBadgeProps) {
  const { estimate, alternatives, car } = props;
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [detailsId] = useState(() => `carbon-ledger-details-${++nextId}`);

  const toggle = byShopper(() => {
    // Logged once per product view however often it is opened (the background sees to that).
    if (!open && alternatives.length) props.onAlternativesShown();
    setOpen(!open);
  });
  const choose = (choice: ChoiceInOverlay) => byShopper(async () => setStatus(await props.onChoice(choice)));

  return (
    <section class="cl-badge" aria-label={i18n.t('overlay.regionLabel')}>
      <button type="button" class="cl-summary" aria-expanded={open} aria-controls={detailsId} onClick={toggle}>
        <span class="cl-kg">{i18n.t('overlay.estimate', [formatKg(estimate.kgCO2e)])}</span>
        <span class="cl-range">({i18n.t('overlay.range', [formatKg(estimate.low), formatKg(estimate.high)])})</span>
        {props.counts && <span class="cl-scope">· {props.counts.label}</span>}
        {car && <span class="cl-car">· {i18n.t('overlay.carKm', [formatNumber(car.km, car.km < 10 ? 1 : 0)])}</span>}
        <span class="cl-more">{open ? i18n.t('overlay.hideDetails') : i18n.t('overlay.why')}</span>
      </button>
      {open && (
        <div id={detailsId} class="cl-details">
          <p>
            <strong>{i18n.t('overlay.notMeasurement')}</strong> {i18n.t('overlay.method', [estimate.method])}.{' '}
            {i18n.t('overlay.category', [estimate.categoryLabel, String(Math.round(estimate.confidence * 100))])}.{' '}
            {i18n.t('overlay.rangeMeaning', [estimate.rangeMeaning])}. {props.counts?.split}
          </p>
          <h3>{i18n.t('overlay.steps')}</h3>
          <ol>
            {estimate.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <h3>{i18n.t('overlay.sources')}</h3>
          <ul>
            {estimate.sources.map((source) => (
              <li key={source.url + source.title}>
                <a href={source.url} target="_blank" rel="noopener noreferrer">
                  {source.title}
                </a>{' '}
                — {source.publisher}, {source.year}
              </li>
            ))}
          </ul>
          {car && (
            <p class="cl-note">
              {i18n.t('overlay.carSource', [
                formatNumber(car.kgPerKm, 3),
                `${car.source.publisher}, ${car.source.title}`,
              ])}
            </p>
          )}
          {alternatives.length > 0 && (
            <>
              <h3>{i18n.t('overlay.alternatives')}</h3>
              <ul class="cl-alternatives">
                {alternatives.map((alternative) => (
                  <li key={alternative.kind + alternative.title}>
                    <span class="cl-alt-title">{alternative.title}</span>{' '}
                    <span class="cl-saves">{i18n.t('overlay.saves', [formatKg(alternative.avoidedKgCO2e)])}</span>
                    <span class="cl-reason">{alternative.reason}</span>
                    <span class="cl-actions">
                      {alternative.url && (
                        <a
                          href={alternative.url}
                          class="cl-button"
                          onClick={byShopper(() => props.onAlternativeOpened(alternative))}
                          rel="noopener noreferrer"
                        >
                          {i18n.t('overlay.open')}
                        </a>
                      )}
                      {/* Advice the shopper cannot act on from this page is pledged, not taken: it is
                          credited nothing until logged by hand (shared/ledger/crediting.ts). */}
                      <button
                        type="button"
                        class="cl-button cl-primary"
                        data-choice={alternative.actionable ? 'greener' : 'pledge'}
                        onClick={choose({ choice: 'greener', alternative })}
                      >
                        {i18n.t(alternative.actionable ? 'overlay.takeThis' : 'overlay.pledge')}
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p class="cl-choices">
            <button
              type="button"
              class="cl-button"
              data-choice="kept"
              onClick={choose({ choice: 'kept', alternative: null })}
            >
              {i18n.t('overlay.keep')}
            </button>
            <button
              type="button"
              class="cl-button"
              data-choice="dismissed"
              onClick={choose({ choice: 'dismissed', alternative: null })}
            >
              {i18n.t('overlay.notRelevant')}
            </button>
            <button
              type="button"
              class="cl-button cl-quiet"
              data-action="hide-on-site"
              onClick={byShopper(props.onHideOnSite)}
            >
              {i18n.t('overlay.hideOnSite')}
            </button>
          </p>
          <p class="cl-status" role="status" aria-live="polite">
            {status}
          </p>
        </div>
      )}
    </section>
  );
}
