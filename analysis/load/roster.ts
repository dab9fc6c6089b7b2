// Who was enrolled and for how long each could be observed, read from an export's header: a
// simulated cohort lists every participant (`study.participants`), a participant bundle names its
// own participant (`study.participantId`, `enrolledAt`, `end`). Events alone cannot say either: a
// participant who enrolled and recorded nothing has no event, and one who joined late cannot be
// seen in weeks after the study ended for them. No Node APIs here (notebooks use it in a browser).

/** One enrolled participant: first local day in the study and last day they could be observed. */
export interface RosterEntry {
  participant: string;
  arm: string;
  /** Local calendar day of enrolment, YYYY-MM-DD. */
  firstDay: string;
  /** Last local calendar day the participant could be observed (study end or export), YYYY-MM-DD. */
  lastDay: string | null;
}

/** Key of the roster in a Parquet file's key-value metadata (`carbon-ledger convert` writes it). */
export const ROSTER_KEY = 'carbon-ledger-roster';

const DAY = /^\d{4}-\d\d-\d\d$/;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The local calendar day of an instant in a time zone (UTC when the zone is unknown or invalid). */
function localDayOf(instant: string, timeZone: string | undefined): string | null {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return DAY.test(instant.slice(0, 10)) ? instant.slice(0, 10) : null;
  // An ISO time written with its own offset already names the local day.
  if (/[+-]\d\d:\d\d$/.test(instant)) return instant.slice(0, 10);
  const zone = timeZone ?? 'UTC';
  let format = dayFormats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      format = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
    }
    dayFormats.set(zone, format);
  }
  return format.format(new Date(ms));
}

/** A study's end (a day, or an instant written with its offset) as a calendar day. */
const endDay = (value: unknown): string | null =>
  typeof value === 'string' && DAY.test(value.slice(0, 10)) ? value.slice(0, 10) : null;

const earlier = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : a < b ? a : b;

/**
 * The roster an export's header declares, or an empty list. `exportedAt` caps observation: a
 * bundle exported mid-study shows nothing after it.
 */
export function rosterFromHeader(header: Record<string, unknown>): RosterEntry[] {
  const study = header.study;
  if (!isRecord(study)) return [];
  const exported = typeof header.exportedAt === 'string' ? localDayOf(header.exportedAt, 'UTC') : null;
  // A simulated cohort's export time is the midnight after its last day: observation ends the day before.
  const simulated = isRecord(study.simulated) ? study.simulated : null;
  const studyEnd = endDay(study.end) ?? (simulated ? lastSimulatedDay(simulated) : null);
  const lastDay = earlier(studyEnd, simulated ? null : exported);
  const entries: RosterEntry[] = [];
  const add = (raw: Record<string, unknown>) => {
    const participant = raw.participantId;
    const arm = raw.arm;
    const enrolledAt = raw.enrolledAt;
    if (typeof participant !== 'string' || typeof arm !== 'string' || typeof enrolledAt !== 'string') return;
    const firstDay = localDayOf(enrolledAt, typeof raw.timeZone === 'string' ? raw.timeZone : undefined);
    if (firstDay === null) return;
    entries.push({ participant, arm, firstDay, lastDay });
  };
  if (Array.isArray(study.participants)) {
    for (const raw of study.participants) if (isRecord(raw)) add(raw);
  } else if (typeof study.participantId === 'string') add(study);
  return entries;
}

function lastSimulatedDay(simulated: Record<string, unknown>): string | null {
  const { start, days } = simulated;
  if (typeof start !== 'string' || !DAY.test(start) || !Number.isInteger(days) || (days as number) < 1) return null;
  return new Date(Date.parse(`${start}T00:00:00Z`) + ((days as number) - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** The roster as kept in Parquet metadata, checked; a malformed one is ignored rather than trusted. */
export function parseRoster(text: string): RosterEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((raw): RosterEntry[] =>
    isRecord(raw) &&
    typeof raw.participant === 'string' &&
    typeof raw.arm === 'string' &&
    typeof raw.firstDay === 'string' &&
    DAY.test(raw.firstDay) &&
    (raw.lastDay === null || (typeof raw.lastDay === 'string' && DAY.test(raw.lastDay)))
      ? [{ participant: raw.participant, arm: raw.arm, firstDay: raw.firstDay, lastDay: raw.lastDay as string | null }]
      : [],
  );
}

/** Several inputs' rosters as one: a participant named twice keeps the earliest start and latest end. */
export function mergeRosters(rosters: readonly (readonly RosterEntry[])[]): RosterEntry[] {
  const byId = new Map<string, RosterEntry>();
  for (const roster of rosters) {
    for (const entry of roster) {
      const known = byId.get(entry.participant);
      if (!known) byId.set(entry.participant, { ...entry });
      else {
        if (entry.firstDay < known.firstDay) known.firstDay = entry.firstDay;
        if (entry.lastDay === null || (known.lastDay !== null && entry.lastDay > known.lastDay)) {
          known.lastDay = entry.lastDay;
        }
      }
    }
  }
  return [...byId.values()].sort((a, b) =>
    a.participant < b.participant ? -1 : a.participant > b.participant ? 1 : 0,
  );
}
