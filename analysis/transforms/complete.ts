// The second half of every engine: from the few tables an engine aggregates out of the events
// (participant weeks, participant choices, active days) and the roster the exports declare, every
// figure of the summary, in plain JavaScript. Both engines end here, so they cannot disagree on
// how a participant without events, a late joiner or a partial week is counted. No Node APIs.

import type {
  ArmRow,
  ChoiceRate,
  LedgerSummary,
  ParticipantChoices,
  ParticipantRow,
  ParticipantWeek,
  RetentionRow,
  WeekByArm,
} from '../engines/summary.ts';
import type { RosterEntry } from '../load/roster.ts';

/** What an engine hands over: aggregates of the events, one row per participant and week, etc. */
export interface EngineTables {
  events: number;
  studies: string[];
  /** Ordered by participant, then week. */
  participantWeeks: (ParticipantWeek & { events: number })[];
  /** Ordered by participant, category, shop. */
  participantChoices: ParticipantChoices[];
  /** Each participant's days with at least one event, as days since 1970-01-01 (any order). */
  participantDays: { participant: string; days: number[] }[];
}

const DAY_MS = 86_400_000;
const dayNumbers = new Map<string, number>();
/** A local day (YYYY-MM-DD) as days since 1970-01-01, cached: a study has a few hundred days. */
export function dayNumber(day: string): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
    dayNumbers.set(day, n);
  }
  return n;
}
const dayOf = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Full weeks a participant was observed: days 7n to 7n+6 after their start, all before their end. */
export const observedWeeks = (row: Pick<ParticipantRow, 'firstDay' | 'lastDay'>): number =>
  Math.max(0, Math.floor((dayNumber(row.lastDay) - dayNumber(row.firstDay) + 1) / 7));

/** The summary from an engine's tables and the exports' roster. */
export function completeSummary(tables: EngineTables, roster: readonly RosterEntry[] = []): LedgerSummary {
  const days = new Map<string, { first: string; last: string }>();
  let dataLast = Number.NEGATIVE_INFINITY;
  for (const { participant, days: active } of tables.participantDays) {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const n of active) {
      if (n < first) first = n;
      if (n > last) last = n;
    }
    if (active.length) days.set(participant, { first: dayOf(first), last: dayOf(last) });
    if (last > dataLast) dataLast = last;
  }
  const dataLastDay = Number.isFinite(dataLast) ? dayOf(dataLast) : null;

  // Participants with events, from their weeks (ordered by participant, then week).
  const rows = new Map<string, ParticipantRow>();
  for (const week of tables.participantWeeks) {
    let row = rows.get(week.participant);
    if (!row) {
      const seen = days.get(week.participant)!;
      row = {
        participant: week.participant,
        arm: week.arm,
        firstDay: seen.first,
        lastDay: seen.last,
        firstWeek: week.week,
        lastWeek: week.week,
        activeWeeks: 0,
        footprintKg: 0,
        avoidedKg: 0,
        choices: 0,
        greener: 0,
        events: 0,
      };
      rows.set(week.participant, row);
    }
    if (week.week < row.firstWeek!) row.firstWeek = week.week;
    if (week.week > row.lastWeek!) row.lastWeek = week.week;
    row.activeWeeks++;
    row.footprintKg += week.footprintKg;
    row.avoidedKg += week.avoidedKg;
    row.choices += week.choices;
    row.greener += week.greener;
    row.events += week.events;
  }
  const declared = new Map(roster.map((entry) => [entry.participant, entry]));
  for (const entry of roster) {
    if (rows.has(entry.participant)) continue;
    rows.set(entry.participant, {
      participant: entry.participant,
      arm: entry.arm,
      firstDay: entry.firstDay,
      lastDay: entry.firstDay,
      firstWeek: null,
      lastWeek: null,
      activeWeeks: 0,
      footprintKg: 0,
      avoidedKg: 0,
      choices: 0,
      greener: 0,
      events: 0,
    });
  }
  // Observation: from enrolment (or the first event) to the study's end for that participant (or
  // the last day of the data, when no export says), never before their own last event.
  const studyLastDay = roster.reduce<string | null>(
    (last, entry) => (entry.lastDay !== null && (last === null || entry.lastDay > last) ? entry.lastDay : last),
    null,
  );
  const fallbackLastDay = studyLastDay ?? dataLastDay;
  for (const row of rows.values()) {
    const entry = declared.get(row.participant);
    if (entry && entry.firstDay < row.firstDay) row.firstDay = entry.firstDay;
    const end = entry?.lastDay ?? fallbackLastDay ?? row.lastDay;
    if (end > row.lastDay) row.lastDay = end;
  }
  const participantRows = [...rows.values()].sort((a, b) => byText(a.participant, b.participant));

  const firstDay = participantRows.reduce<string | null>(
    (d, r) => (d === null || r.firstDay < d ? r.firstDay : d),
    null,
  );
  const lastDay = participantRows.reduce<string | null>((d, r) => (d === null || r.lastDay > d ? r.lastDay : d), null);

  const byArm = armRows(participantRows);
  const totals = participantRows.reduce(
    (sum, row) => {
      sum.footprintKg += row.footprintKg;
      sum.avoidedKg += row.avoidedKg;
      sum.choices += row.choices;
      sum.greener += row.greener;
      return sum;
    },
    { footprintKg: 0, avoidedKg: 0, choices: 0, greener: 0 },
  );
  const weeks = participantRows.flatMap((row) => (row.firstWeek === null ? [] : [row.firstWeek, row.lastWeek!])).sort();
  const participantWeeks = tables.participantWeeks.map(({ events: _, ...week }) => week);
  return {
    events: tables.events,
    participants: participantRows.length,
    participantsWithoutEvents: participantRows.filter((row) => row.events === 0).length,
    studies: tables.studies,
    arms: byArm.map((row) => row.arm),
    firstWeek: weeks.length ? weeks[0]! : null,
    lastWeek: weeks.length ? weeks[weeks.length - 1]! : null,
    firstDay,
    lastDay,
    totals: { ...totals, greenerRate: totals.choices ? totals.greener / totals.choices : null },
    weekly: weeklyRows(participantWeeks, firstDay, lastDay),
    byCategory: choiceRates(tables.participantChoices, 'category'),
    byShop: choiceRates(tables.participantChoices, 'shopHost'),
    byArm,
    retention: retentionRows(participantRows, tables.participantDays),
    participantRows,
    participantWeeks,
    participantChoices: tables.participantChoices,
  };
}

function armRows(participants: readonly ParticipantRow[]): ArmRow[] {
  const arms = new Map<string, ArmRow>();
  for (const row of participants) {
    let arm = arms.get(row.arm);
    if (!arm) {
      arm = {
        arm: row.arm,
        participants: 0,
        footprintKgPerParticipant: 0,
        avoidedKgPerParticipant: 0,
        choices: 0,
        greener: 0,
        rate: null,
      };
      arms.set(row.arm, arm);
    }
    arm.participants++;
    arm.footprintKgPerParticipant += row.footprintKg;
    arm.avoidedKgPerParticipant += row.avoidedKg;
    arm.choices += row.choices;
    arm.greener += row.greener;
  }
  return [...arms.values()]
    .map((arm) => ({
      ...arm,
      footprintKgPerParticipant: arm.footprintKgPerParticipant / arm.participants,
      avoidedKgPerParticipant: arm.avoidedKgPerParticipant / arm.participants,
      rate: arm.choices > 0 ? arm.greener / arm.choices : null,
    }))
    .sort((a, b) => byText(a.arm, b.arm));
}

/**
 * Per arm and calendar week: active participants, mean kg bought per active participant, kg
 * avoided in total; a week the study did not observe on all seven days is `partial`.
 */
export function weeklyRows(
  participantWeeks: readonly ParticipantWeek[],
  firstDay: string | null,
  lastDay: string | null,
): WeekByArm[] {
  const cells = new Map<string, WeekByArm>();
  for (const row of participantWeeks) {
    const key = `${row.arm}\u0000${row.week}`;
    let cell = cells.get(key);
    if (!cell) {
      const sunday = addDays(row.week, 6);
      const partial = (firstDay !== null && row.week < firstDay) || (lastDay !== null && sunday > lastDay);
      cell = { arm: row.arm, week: row.week, participants: 0, footprintKg: 0, avoidedKg: 0, partial };
      cells.set(key, cell);
    }
    cell.participants++;
    cell.footprintKg += row.footprintKg;
    cell.avoidedKg += row.avoidedKg;
  }
  return [...cells.values()]
    .map((cell) => ({ ...cell, footprintKg: cell.footprintKg / cell.participants }))
    .sort((a, b) => byText(a.arm, b.arm) || byText(a.week, b.week));
}

/** Greener-choice rate by category or shop, pooled over participants. */
function choiceRates(rows: readonly ParticipantChoices[], by: 'category' | 'shopHost'): ChoiceRate[] {
  const groups = new Map<string, ChoiceRate>();
  for (const row of rows) {
    const key = row[by];
    let group = groups.get(key);
    if (!group) {
      group = { key, choices: 0, greener: 0, rate: 0, avoidedKg: 0 };
      groups.set(key, group);
    }
    group.choices += row.choices;
    group.greener += row.greener;
    group.avoidedKg += row.avoidedKg;
  }
  return [...groups.values()]
    .map((group) => ({ ...group, rate: group.greener / group.choices }))
    .sort((a, b) => byText(a.key, b.key));
}

/** Retention among the participants observed for the whole of each week since their start. */
function retentionRows(
  participants: readonly ParticipantRow[],
  activeDays: EngineTables['participantDays'],
): RetentionRow[] {
  const byId = new Map(participants.map((row) => [row.participant, row]));
  const active = new Set<string>();
  for (const { participant, days } of activeDays) {
    const row = byId.get(participant)!;
    const start = dayNumber(row.firstDay);
    const weeks = observedWeeks(row);
    for (const n of days) {
      const week = Math.floor((n - start) / 7);
      if (week >= 0 && week < weeks) active.add(`${participant}\u0000${week}`);
    }
  }
  const cells = new Map<string, RetentionRow>();
  for (const row of participants) {
    for (let week = 0; week < observedWeeks(row); week++) {
      const key = `${row.arm}\u0000${week}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = { arm: row.arm, weekSinceStart: week, participants: 0, observed: 0, share: 0 };
        cells.set(key, cell);
      }
      cell.observed++;
      if (active.has(`${row.participant}\u0000${week}`)) cell.participants++;
    }
  }
  return [...cells.values()]
    .map((cell) => ({ ...cell, share: cell.participants / cell.observed }))
    .sort((a, b) => byText(a.arm, b.arm) || a.weekSinceStart - b.weekSinceStart);
}
