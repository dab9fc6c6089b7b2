// Weekly figures: what each participant bought and avoided in each of their local weeks, and the
// same per study arm.

import { type ColumnTable, op } from 'arquero';
import type { Params, Row } from './expression.ts';

/**
 * One row per participant and week they were active: `footprintKg` (estimated kg CO2e of the
 * products they marked as bought), `avoidedKg` (greener choices and everyday actions), `choices`,
 * `greener`, `events`.
 */
export function participantWeeks(events: ColumnTable): ColumnTable {
  return events
    .params({ purchase: 'purchase-marked', choice: 'choice-made', greener: 'greener' })
    .groupby('participant', 'arm', 'week')
    .rollup({
      // A purchase without an estimate (NaN) adds nothing, as in SQL's sum over NULL.
      footprintKg: (d: Row, $: Params) => op.sum(d.type === $.purchase && op.is_finite(d.kgCO2e) ? d.kgCO2e : 0),
      avoidedKg: (d: Row) => op.sum(d.avoidedKg),
      choices: (d: Row, $: Params) => op.sum(d.type === $.choice ? 1 : 0),
      greener: (d: Row, $: Params) => op.sum(d.choice === $.greener ? 1 : 0),
      events: () => op.count(),
    })
    .orderby('participant', 'week');
}

/**
 * One row per arm and week: `participants` active that week, `footprintKg` per active participant
 * (mean), `avoidedKg` in total.
 */
export function weeklyByArm(participantWeeks: ColumnTable): ColumnTable {
  return participantWeeks
    .groupby('arm', 'week')
    .rollup({
      participants: () => op.count(),
      footprintKg: (d: Row) => op.mean(d.footprintKg),
      avoidedKg: (d: Row) => op.sum(d.avoidedKg),
    })
    .orderby('arm', 'week');
}
