// Greener-choice rate: of the choices shoppers made next to a greener alternative, the share where
// they took it, grouped by any column of the events table (category, shopHost, arm).

import { type ColumnTable, op } from 'arquero';
import { UNKNOWN } from '../../shared/ledger/breakdowns.ts';
import type { Params, Row } from './expression.ts';

// The group of rows with no value, as the extension's own breakdowns name it.
export { UNKNOWN };

/** One row per value of `by`: `choices`, `greener`, `rate` (greener / choices), `avoidedKg`. */
export function greenerChoiceRate(events: ColumnTable, by: 'category' | 'shopHost' | 'arm'): ColumnTable {
  return events
    .params({ choice: 'choice-made', greener: 'greener', unknown: UNKNOWN })
    .filter((d: Row, $: Params) => d.type === $.choice)
    .select({ [by]: 'key', choice: 'choice', avoidedKg: 'avoidedKg' })
    .derive({ group: (d: Row, $: Params) => (d.key == null ? $.unknown : d.key) })
    .groupby('group')
    .rollup({
      choices: () => op.count(),
      greener: (d: Row, $: Params) => op.sum(d.choice === $.greener ? 1 : 0),
      avoidedKg: (d: Row) => op.sum(d.avoidedKg),
    })
    .derive({ rate: (d: Row) => d.greener / d.choices })
    .rename({ group: by })
    .orderby(by);
}

/**
 * One row per participant, category and shop: the participant's `choices`, `greener` ones and
 * `avoidedKg`, the rows the bootstrap resamples (ordered by participant, category, shop).
 */
export function participantChoices(events: ColumnTable): ColumnTable {
  return events
    .params({ choice: 'choice-made', greener: 'greener', unknown: UNKNOWN })
    .filter((d: Row, $: Params) => d.type === $.choice)
    .derive({
      category: (d: Row, $: Params) => (d.category == null ? $.unknown : d.category),
      shopHost: (d: Row, $: Params) => (d.shopHost == null ? $.unknown : d.shopHost),
    })
    .groupby('participant', 'arm', 'category', 'shopHost')
    .rollup({
      choices: () => op.count(),
      greener: (d: Row, $: Params) => op.sum(d.choice === $.greener ? 1 : 0),
      avoidedKg: (d: Row) => op.sum(d.avoidedKg),
    })
    .orderby('participant', 'category', 'shopHost');
}
