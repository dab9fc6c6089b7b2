// The dashboard's headline figures and its charts.

import { useCallback } from 'preact/hooks';
import { i18n } from '#i18n';
import { categoryName } from '../../../shared/i18n/names.ts';
import { cumulativeAvoided } from '../../../shared/ledger/breakdowns.ts';
import type { LedgerSummary } from '../../../shared/ledger/summary.ts';
import { byCount, countText, kgWithUnit, uiLang } from '../../format.ts';
import { Chart } from '../Chart.tsx';
import { type ChartOptions, choicesPlot, cumulativeAvoidedPlot, weeklyFootprintPlot } from '../charts.ts';

const chartLabels = (): ChartOptions['labels'] => ({
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
    (document: Document) => weeklyFootprintPlot(progress.weeks, { document, labels }),
    [progress],
  );
  const cumulative = useCallback(
    (document: Document) => cumulativeAvoidedPlot(cumulativeAvoided(progress.weeks), { document, labels }),
    [progress],
  );
  // Categories by name in the shopper's language, not by id ("Tische", not "tables").
  const byCategory = useCallback(
    (document: Document) =>
      choicesPlot(
        categories.map((group) => ({ ...group, key: categoryName(group.key, uiLang()) })),
        { document, labels },
      ),
    [categories],
  );
  const byShop = useCallback((document: Document) => choicesPlot(shops, { document, labels }), [shops]);
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
