// Every figure of a report from an events table, by the Arquero transforms, as plain objects.
// No Node APIs here: notebooks call it in the browser.

import type { ColumnTable } from 'arquero';
import type { ChoiceRate, LedgerSummary } from '../engines/summary.ts';
import { greenerChoiceRate } from './choices.ts';
import type { Row } from './expression.ts';
import { armSummary, participantSummary, retention } from './participants.ts';
import { participantWeeks, weeklyByArm } from './weekly.ts';

const rates = (table: ColumnTable, by: string): ChoiceRate[] =>
  (table.objects() as Row[]).map((row) => ({
    key: String(row[by]),
    choices: row.choices,
    greener: row.greener,
    rate: row.rate,
    avoidedKg: row.avoidedKg,
  }));

/** The summary of an events table (see `loadLedger`). */
export function summarizeEvents(events: ColumnTable): LedgerSummary {
  const weeks = participantWeeks(events);
  const participants = participantSummary(weeks);
  const arms = armSummary(participants);
  const choices = participants.rollup({
    footprintKg: 'd => op.sum(d.footprintKg)',
    avoidedKg: 'd => op.sum(d.avoidedKg)',
    choices: 'd => op.sum(d.choices)',
    greener: 'd => op.sum(d.greener)',
    firstWeek: 'd => op.min(d.firstWeek)',
    lastWeek: 'd => op.max(d.lastWeek)',
  });
  const totals = choices.numRows() ? (choices.object(0) as Record<string, number>) : {};
  const studies = events
    .filter('d => d.studyId != null')
    .groupby('studyId')
    .count()
    .orderby('studyId')
    .array('studyId') as string[];
  const participantRows = participants.objects() as LedgerSummary['participantRows'];
  return {
    events: events.numRows(),
    participants: participants.numRows(),
    studies: [...studies],
    arms: [...(arms.array('arm') as string[])],
    firstWeek: participants.numRows() ? (totals.firstWeek as unknown as string) : null,
    lastWeek: participants.numRows() ? (totals.lastWeek as unknown as string) : null,
    totals: {
      footprintKg: totals.footprintKg ?? 0,
      avoidedKg: totals.avoidedKg ?? 0,
      choices: totals.choices ?? 0,
      greener: totals.greener ?? 0,
      greenerRate: totals.choices ? totals.greener! / totals.choices : null,
    },
    weekly: weeklyByArm(weeks).objects() as LedgerSummary['weekly'],
    byCategory: rates(greenerChoiceRate(events, 'category'), 'category'),
    byShop: rates(greenerChoiceRate(events, 'shopHost'), 'shopHost'),
    byArm: arms.objects() as LedgerSummary['byArm'],
    retention: retention(weeks, participants).objects() as LedgerSummary['retention'],
    participantRows,
  };
}
