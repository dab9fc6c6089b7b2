// Greener-choice rate: of the choices shoppers made next to a greener alternative, the share where
// they took it, grouped by any column of the events table (category, shopHost, arm).

import { type ColumnTable, op } from 'arquero';
import type { Params, Row } from './expression.ts';

export const UNKNOWN = 'unknown';

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
