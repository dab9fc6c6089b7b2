// How the figures are made: the points rule, the estimate method, every factor table with its
// sources, and the source of every everyday action.

import { i18n } from '#i18n';
import type { Tier } from '../../../shared/footprint/data/calibration.ts';
import type { Source } from '../../../shared/footprint/sources.ts';
import { TIER_LABEL } from '../../../shared/footprint/tiers.ts';
import { isOwnSource } from '../../../shared/i18n/estimate.ts';
import { tierName } from '../../../shared/i18n/names.ts';
import { GRAMS_PER_POINT } from '../../../shared/ledger/progress.ts';
import { byCount, countText, gramsText, uiLang } from '../../format.ts';
import type { ActionEntry, FactorTable } from '../catalogue.ts';

/** The estimator's methods, most precise first, as the estimator names them (explain.ts). */
export const METHOD_TIERS = Object.keys(TIER_LABEL) as Tier[];

/** A source's link: a publication opens in a new tab, our own assumptions at their explanation here. */
const SourceLink = ({ source }: { source: Pick<Source, 'title' | 'url'> }) =>
  isOwnSource(source) ? (
    <a href="#assumptions">{source.title}</a>
  ) : (
    <a href={source.url} target="_blank" rel="noreferrer">
      {source.title}
    </a>
  );

export function MethodsSection({
  factorTables,
  catalogue,
}: {
  factorTables: readonly FactorTable[];
  catalogue: readonly ActionEntry[];
}) {
  return (
    <section id="methods" aria-labelledby="methods-title">
      <h2 id="methods-title">{i18n.t('dashboard.methods')}</h2>
      <p>{i18n.t('dashboard.methodsEstimate')}</p>
      <p>{i18n.t('dashboard.methodsList')}</p>
      <ul class="plain methods" data-list="methods">
        {METHOD_TIERS.map((tier) => (
          <li key={tier} data-method={tier}>
            {tierName(tier, uiLang())}
          </li>
        ))}
      </ul>
      <h3 id="assumptions">{i18n.t('dashboard.methodsAssumptionsTitle')}</h3>
      <p>{i18n.t('dashboard.methodsAssumptions')}</p>
      <p>{i18n.t('dashboard.methodsPoints', [String(GRAMS_PER_POINT)])}</p>
      <h3>{i18n.t('dashboard.factorTables')}</h3>
      <ul class="plain methods" data-list="factor-tables">
        {factorTables.map((table) => (
          <li key={table.id} data-table={table.id}>
            <strong>{table.title}</strong>{' '}
            <span class="muted">
              ({table.unit};{' '}
              {byCount(
                table.rows,
                i18n.t('dashboard.rowsOne', [countText(table.rows)]),
                i18n.t('dashboard.rows', [countText(table.rows)]),
              )}
              )
            </span>
            <ul>
              {table.sources.map((source) => (
                <li key={source.url}>
                  <SourceLink source={source} />, {source.publisher}, {source.year}.{' '}
                  <span class="muted">{source.licence}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <h3>{i18n.t('dashboard.actionSources')}</h3>
      <ul class="plain methods" data-list="action-sources">
        {catalogue.map((action) => (
          <li key={action.id}>
            <strong>{action.title}</strong>: {gramsText(action.gramsCO2e)} CO2e. <SourceLink source={action.source} />,{' '}
            {action.source.publisher}, {action.source.year}.
          </li>
        ))}
      </ul>
    </section>
  );
}
