// How the figures are made: the points rule, the estimate method, every factor table with its
// sources, and the source of every everyday action.

import { i18n } from '#i18n';
import { GRAMS_PER_POINT } from '../../../shared/ledger/progress.ts';
import { countText, gramsText } from '../../format.ts';
import type { ActionEntry, FactorTable } from '../catalogue.ts';

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
      <p>{i18n.t('dashboard.methodsPoints', [String(GRAMS_PER_POINT)])}</p>
      <h3>{i18n.t('dashboard.factorTables')}</h3>
      <ul class="plain methods" data-list="factor-tables">
        {factorTables.map((table) => (
          <li key={table.id} data-table={table.id}>
            <strong>{table.title}</strong>{' '}
            <span class="muted">
              ({table.unit}; {i18n.t('dashboard.rows', [countText(table.rows)])})
            </span>
            <ul>
              {table.sources.map((source) => (
                <li key={source.url}>
                  <a href={source.url} target="_blank" rel="noreferrer">
                    {source.title}
                  </a>
                  , {source.publisher}, {source.year}. <span class="muted">{source.licence}</span>
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
            <strong>{action.title}</strong>: {gramsText(action.gramsCO2e)} CO2e.{' '}
            <a href={action.source.url} target="_blank" rel="noreferrer">
              {action.source.title}
            </a>
            , {action.source.publisher}, {action.source.year}.
          </li>
        ))}
      </ul>
    </section>
  );
}
