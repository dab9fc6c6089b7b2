// The dashboard's headline figures and its charts.

import { useCallback } from 'preact/hooks';
import { i18n } from '#i18n';
import { categoryName } from '../../../shared/i18n/names.ts';
import { cumulativeAvoided } from '../../../shared/ledger/breakdowns.ts';
import type { LedgerSummary } from '../../../shared/ledger/summary.ts';
import { byCount, countText, kgText, kgWithUnit, uiLang } from '../../format.ts';
import { uiLocale } from '../../locale.ts';
import { Chart } from '../Chart.tsx';
import { type ChartOptions, choicesPlot, cumulativeAvoidedPlot, weeklyFootprintPlot } from '../charts.ts';

/** A category by the name people know, in the shopper's language ("Tische", not "tables"). */
const categoryLabel = (id: string): string => categoryName(id, uiLang());
/** A shop by its address as people write it: without "www.", never cut. */
const shopName = (host: string): string => host.replace(/^www\./, '');

const chartLabels = (): ChartOptions['labels'] => ({
  week: i18n.t('charts.week'),
  choices: i18n.t('charts.choices'),
  viewed: i18n.t('dashboard.chartViewed'),
  avoided: i18n.t('dashboard.chartAvoided'),
  total: i18n.t('dashboard.chartAvoidedTotal'),
  greener: i18n.t('dashboard.choiceGreener'),
  kept: i18n.t('dashboard.choiceKept'),
  dismissed: i18n.t('dashboard.choiceDismissed'),
});

export function Overview({ summary }: { summary: LedgerSummary }) {
  const { progress, byCategory: categories, byShop: shops } = summary;
  const labels = chartLabels();
  const weekly = useCallback(
    (document: Document, width: number) =>
      weeklyFootprintPlot(progress.weeks, { document, width, labels, formatKg: kgText, locale: uiLocale() }),
    [progress],
  );
  const cumulative = useCallback(
    (document: Document, width: number) =>
      cumulativeAvoidedPlot(cumulativeAvoided(progress.weeks), {
        document,
        width,
        labels,
        formatKg: kgText,
        locale: uiLocale(),
      }),
    [progress],
  );
  const byCategory = useCallback(
    (document: Document, width: number) => choicesPlot(categories, { document, width, labels, nameOf: categoryLabel }),
    [categories],
  );
  const byShop = useCallback(
    (document: Document, width: number) => choicesPlot(shops, { document, width, labels, nameOf: shopName }),
    [shops],
  );
  const hasChoices = progress.choices.greener + progress.choices.kept + progress.choices.dismissed > 0;

  return (
    <section id="overview" aria-labelledby="overview-title">
      <h2 id="overview-title">{i18n.t('dashboard.overview')}</h2>
      <dl class="figures" data-figures="totals">
        <div>
          <dt>{i18n.t('dashboard.avoidedInAll')}</dt>
          <dd data-figure="avoided-kg">{kgWithUnit(progress.avoidedKgCO2e)}</dd>
        </div>
        <div>
          <dt>{i18n.t('dashboard.points')}</dt>
          <dd data-figure="points">{countText(progress.points)}</dd>
        </div>
        <div>
          <dt>{i18n.t('dashboard.streak')}</dt>
          <dd data-figure="streak">
            {byCount(
              progress.currentStreakDays,
              i18n.t('dashboard.daysOne', [countText(progress.currentStreakDays)]),
              i18n.t('dashboard.days', [countText(progress.currentStreakDays)]),
            )}{' '}
            <span class="muted">({i18n.t('dashboard.longest', [countText(progress.longestStreakDays)])})</span>
          </dd>
        </div>
        <div>
          <dt>{i18n.t('dashboard.greenerChoices')}</dt>
          <dd data-figure="greener">{countText(progress.choices.greener)}</dd>
        </div>
        <div>
          <dt>{i18n.t('dashboard.actionsLogged')}</dt>
          <dd data-figure="actions">{countText(progress.actions)}</dd>
        </div>
        <div>
          <dt>{i18n.t('dashboard.productsViewed')}</dt>
          <dd data-figure="products">{countText(progress.productsViewed)}</dd>
        </div>
      </dl>

      {progress.weeks.length ? (
        <div class="charts">
          {progress.weeks.length < 3 && <p class="muted charts-note">{i18n.t('charts.sparse')}</p>}
          <figure>
            <figcaption>{i18n.t('dashboard.chartWeekly')}</figcaption>
            <Chart draw={weekly} label={i18n.t('dashboard.chartWeekly')} />
          </figure>
          <figure>
            <figcaption>{i18n.t('dashboard.chartCumulative')}</figcaption>
            <Chart draw={cumulative} label={i18n.t('dashboard.chartCumulative')} />
          </figure>
          {hasChoices && (
            <>
              <figure>
                <figcaption>{i18n.t('dashboard.chartByCategory')}</figcaption>
                <Chart draw={byCategory} label={i18n.t('dashboard.chartByCategory')} />
              </figure>
              <figure>
                <figcaption>{i18n.t('dashboard.chartByShop')}</figcaption>
                <Chart draw={byShop} label={i18n.t('dashboard.chartByShop')} />
              </figure>
            </>
          )}
        </div>
      ) : (
        <p class="muted">{i18n.t('dashboard.empty')}</p>
      )}
    </section>
  );
}
