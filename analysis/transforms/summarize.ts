// Every figure of a report from an events table: the Arquero transforms aggregate the events per
// participant (weeks, choices, active days), and `completeSummary` (the same for both engines) adds
// the enrolled participants without events and works out the rest. No Node APIs here: notebooks
// call it in the browser.

import type { ColumnTable } from 'arquero';
import type { LedgerSummary, ParticipantChoices } from '../engines/summary.ts';
import type { RosterEntry } from '../load/roster.ts';
import { participantChoices } from './choices.ts';
import { completeSummary, dayNumber, type EngineTables } from './complete.ts';
import { participantWeeks } from './weekly.ts';

/** The summary of an events table (see `loadLedger`) and the roster its exports declare. */
export function summarizeEvents(events: ColumnTable, roster: readonly RosterEntry[] = []): LedgerSummary {
  const studies = events
    .filter('d => d.studyId != null')
    .groupby('studyId')
    .count()
    .orderby('studyId')
    .array('studyId') as string[];
  const tables: EngineTables = {
    events: events.numRows(),
    studies: [...studies],
    participantWeeks: participantWeeks(events).objects() as EngineTables['participantWeeks'],
    participantChoices: participantChoices(events).objects() as ParticipantChoices[],
    participantDays: activeDays(events),
  };
  return completeSummary(tables, roster);
}

/** Each participant's days with an event, as day numbers (what `completeSummary` takes). */
function activeDays(events: ColumnTable): EngineTables['participantDays'] {
  const pairs = events.select('participant', 'day').dedupe();
  const participants = pairs.array('participant') as string[];
  const days = pairs.array('day') as string[];
  const byParticipant = new Map<string, number[]>();
  for (let i = 0; i < participants.length; i++) {
    let list = byParticipant.get(participants[i]!);
    if (!list) {
      list = [];
      byParticipant.set(participants[i]!, list);
    }
    list.push(dayNumber(days[i]!));
  }
  return [...byParticipant].map(([participant, list]) => ({ participant, days: list }));
}
