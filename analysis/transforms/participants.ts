// Per participant and per arm: the units a study compares.

import { type ColumnTable, op } from 'arquero';
import type { Params, Row } from './expression.ts';

/**
 * One row per participant: `firstWeek`, `lastWeek`, `activeWeeks`, and their totals of
 * `footprintKg`, `avoidedKg`, `choices`, `greener`, `events`.
 */
export function participantSummary(participantWeeks: ColumnTable): ColumnTable {
  return participantWeeks
    .groupby('participant', 'arm')
    .rollup({
      firstWeek: (d: Row) => op.min(d.week),
      lastWeek: (d: Row) => op.max(d.week),
      activeWeeks: () => op.count(),
      footprintKg: (d: Row) => op.sum(d.footprintKg),
      avoidedKg: (d: Row) => op.sum(d.avoidedKg),
      choices: (d: Row) => op.sum(d.choices),
      greener: (d: Row) => op.sum(d.greener),
      events: (d: Row) => op.sum(d.events),
    })
    .orderby('participant');
}

/**
 * One row per arm: `participants`, mean `footprintKgPerParticipant` and `avoidedKgPerParticipant`,
 * pooled `choices`, `greener` and `rate`.
 */
export function armSummary(participants: ColumnTable): ColumnTable {
  return participants
    .groupby('arm')
    .rollup({
      participants: () => op.count(),
      footprintKgPerParticipant: (d: Row) => op.mean(d.footprintKg),
      avoidedKgPerParticipant: (d: Row) => op.mean(d.avoidedKg),
      choices: (d: Row) => op.sum(d.choices),
      greener: (d: Row) => op.sum(d.greener),
    })
    .derive({ rate: (d: Row) => (d.choices > 0 ? d.greener / d.choices : null) })
    .orderby('arm');
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Retention: for each arm and week since a participant's first active week (0, 1, 2, …), how many
 * participants were active and what `share` of the arm that is.
 */
export function retention(participantWeeks: ColumnTable, participants: ColumnTable): ColumnTable {
  const armSizes = participants.groupby('arm').rollup({ armParticipants: () => op.count() });
  return participantWeeks
    .join(participants.select('participant', 'firstWeek'), 'participant')
    .params({ weekMs: WEEK_MS })
    .derive({
      weekSinceStart: (d: Row, $: Params) =>
        op.round((op.timestamp(op.parse_date(d.week)) - op.timestamp(op.parse_date(d.firstWeek))) / $.weekMs),
    })
    .groupby('arm', 'weekSinceStart')
    .rollup({ participants: () => op.count() })
    .join(armSizes, 'arm')
    .derive({ share: (d: Row) => d.participants / d.armParticipants })
    .select('arm', 'weekSinceStart', 'participants', 'share')
    .orderby('arm', 'weekSinceStart');
}
