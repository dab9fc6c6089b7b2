// A study file: the small JSON document a researcher writes to run a study with Carbon Ledger
// (docs/research.md, docs/study.schema.json). `validateStudy` checks one and names every problem
// by its field path, so a researcher can fix the whole file in one go.

import { EVENT_TYPES, type EventType } from '../events.ts';

export const STUDY_FORMAT = 'carbon-ledger-study';
export const STUDY_VERSION = 1;

/** What the overlay shows a participant of an arm. */
export type OverlayMode = 'full' | 'none' | 'no-alternatives';
export const OVERLAY_MODES: readonly OverlayMode[] = ['full', 'none', 'no-alternatives'];

export interface StudyArm {
  id: string;
  /** Chance of being assigned to this arm; the arms' chances add up to 1. */
  probability: number;
  /** full: footprint and greener alternatives; no-alternatives: footprint only; none: log only. */
  overlay: OverlayMode;
  /** For the researcher; never shown to participants. */
  description?: string;
}

export interface Study {
  format: typeof STUDY_FORMAT;
  version: number;
  id: string;
  title: string;
  /** Who runs it, shown with the consent text (an e-mail address, a lab). */
  contact?: string;
  /** A short code participants may type instead of loading the file, matched case-insensitively. */
  code?: string;
  /** Shown in full before anyone can join; its SHA-256 is recorded with the enrollment. */
  consent: string;
  arms: StudyArm[];
  /** First day (YYYY-MM-DD, the participant's local calendar) or instant (ISO 8601 with offset). */
  start: string;
  /** Last day (inclusive) or instant. */
  end: string;
  /** Event types that go into the participant bundle. */
  exportEventTypes: EventType[];
  /** Keep product URLs whole in the bundle; by default only shop host and product id. */
  includeFullUrls: boolean;
  /** Tell participants which arm they are in; by default the arm is hidden (blinding). */
  showArmToParticipant: boolean;
  /**
   * Any text; with a participant's id it decides the arm (shared/study/enrollment.ts). The study
   * id serves when there is none. A new seed re-randomises the whole study, never one person.
   */
  seed?: string;
}

export type StudyCheck = { ok: true; value: Study } | { ok: false; errors: string[] };

export const STUDY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const ARM_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const STUDY_CODE = /^[A-Za-z0-9-]{4,32}$/;
const DAY = /^\d{4}-\d\d-\d\d$/;
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/;
/** An ISO 8601 instant with its offset (2027-01-31T09:00:00+01:00) that names a real time. */
export const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
/** How far from 1 the arms' probabilities may add up, for decimal fractions such as 1/3. */
export const PROBABILITY_TOLERANCE = 1e-9;

const KNOWN_FIELDS = new Set([
  'format',
  'version',
  'id',
  'title',
  'contact',
  'code',
  'consent',
  'arms',
  'start',
  'end',
  'exportEventTypes',
  'includeFullUrls',
  'showArmToParticipant',
  'seed',
  '$schema',
]);
const ARM_FIELDS = new Set(['id', 'probability', 'overlay', 'description']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A calendar day or instant as the first millisecond it covers, or NaN when it is neither. */
function startInstant(value: string): number {
  if (DAY.test(value)) {
    const t = Date.parse(`${value}T00:00:00Z`);
    return new Date(t).toISOString().slice(0, 10) === value ? t : Number.NaN;
  }
  return INSTANT.test(value) ? Date.parse(value) : Number.NaN;
}
/** The last millisecond a calendar day or instant covers. */
const endInstant = (value: string): number =>
  DAY.test(value) ? startInstant(value) + 86_399_999 : startInstant(value);

/** Checks a parsed study file; every problem is reported as `field.path: what is wrong`. */
export function validateStudy(json: unknown): StudyCheck {
  const errors: string[] = [];
  const problem = (field: string, what: string) => errors.push(`${field}: ${what}`);
  if (!isRecord(json)) return { ok: false, errors: ['study: must be a JSON object'] };
  const s = json;

  if (s.format !== STUDY_FORMAT) problem('format', `must be "${STUDY_FORMAT}"`);
  if (s.version !== STUDY_VERSION) problem('version', `must be ${STUDY_VERSION}`);
  for (const key of Object.keys(s)) if (!KNOWN_FIELDS.has(key)) problem(key, 'is not a study field (a typo?)');

  const text = (field: string, max: number, optional = false): string | undefined => {
    const value = s[field];
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
      problem(field, `must be a non-empty text of at most ${max} characters`);
      return undefined;
    }
    return value;
  };
  const id = text('id', 64);
  if (id !== undefined && !STUDY_ID.test(id))
    problem('id', 'must be lower-case letters, digits and hyphens, starting with a letter or digit (at most 64)');
  const title = text('title', 200);
  const contact = text('contact', 500, true);
  const consent = text('consent', 50_000);
  const code = text('code', 32, true);
  const seed = text('seed', 128, true);
  if (code !== undefined && !STUDY_CODE.test(code)) problem('code', 'must be 4 to 32 letters, digits or hyphens');

  const arms: StudyArm[] = [];
  if (!Array.isArray(s.arms) || s.arms.length === 0) {
    problem('arms', 'must be a list of at least one arm');
  } else {
    const seen = new Set<string>();
    let total = 0;
    let sumCheckable = true;
    s.arms.forEach((raw: unknown, i) => {
      const field = `arms[${i}]`;
      if (!isRecord(raw)) {
        problem(field, 'must be an object with id, probability and overlay');
        sumCheckable = false;
        return;
      }
      for (const key of Object.keys(raw)) if (!ARM_FIELDS.has(key)) problem(`${field}.${key}`, 'is not an arm field');
      const armId = raw.id;
      if (typeof armId !== 'string' || !ARM_ID.test(armId)) {
        problem(`${field}.id`, 'must be lower-case letters, digits and hyphens (at most 64)');
      } else if (seen.has(armId)) {
        problem(`${field}.id`, `"${armId}" is used by an earlier arm`);
      } else seen.add(armId);
      const p = raw.probability;
      if (typeof p !== 'number' || !Number.isFinite(p) || p <= 0 || p > 1) {
        problem(`${field}.probability`, 'must be a number greater than 0 and at most 1');
        sumCheckable = false;
      } else total += p;
      if (!OVERLAY_MODES.includes(raw.overlay as OverlayMode)) {
        problem(`${field}.overlay`, `must be one of ${OVERLAY_MODES.join(', ')}`);
      }
      if (raw.description !== undefined && typeof raw.description !== 'string') {
        problem(`${field}.description`, 'must be a text');
      }
      arms.push({
        id: String(armId),
        probability: Number(p),
        overlay: raw.overlay as OverlayMode,
        ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
      });
    });
    if (sumCheckable && Math.abs(total - 1) > PROBABILITY_TOLERANCE) {
      problem('arms', `probabilities must add up to 1 (they add up to ${total})`);
    }
  }

  let start = Number.NaN;
  for (const field of ['start', 'end'] as const) {
    const value = s[field];
    const instant = typeof value === 'string' ? startInstant(value) : Number.NaN;
    if (Number.isNaN(instant)) {
      problem(field, 'must be an ISO 8601 date (2027-01-31) or time with its offset (2027-01-31T09:00:00+01:00)');
    } else if (field === 'start') start = instant;
    else if (!Number.isNaN(start) && !(endInstant(value as string) > start)) problem('end', 'must be after start');
  }

  const types = s.exportEventTypes;
  if (!Array.isArray(types) || types.length === 0) {
    problem('exportEventTypes', `must be a list of event types (${EVENT_TYPES.join(', ')})`);
  } else {
    types.forEach((type: unknown, i) => {
      if (!EVENT_TYPES.includes(type as EventType)) {
        problem(`exportEventTypes[${i}]`, `must be one of ${EVENT_TYPES.join(', ')}`);
      } else if (types.indexOf(type) !== i) problem(`exportEventTypes[${i}]`, `"${type}" is listed twice`);
    });
  }
  for (const flag of ['includeFullUrls', 'showArmToParticipant'] as const) {
    if (s[flag] !== undefined && typeof s[flag] !== 'boolean') problem(flag, 'must be true or false');
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      format: STUDY_FORMAT,
      version: STUDY_VERSION,
      id: id!,
      title: title!,
      ...(contact !== undefined ? { contact } : {}),
      ...(code !== undefined ? { code } : {}),
      consent: consent!,
      arms,
      start: s.start as string,
      end: s.end as string,
      exportEventTypes: [...(types as EventType[])],
      includeFullUrls: s.includeFullUrls === true,
      showArmToParticipant: s.showArmToParticipant === true,
      ...(seed !== undefined ? { seed } : {}),
    },
  };
}

/** Parses and checks the text of a study file. */
export function parseStudy(text: string): StudyCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not JSON (${(error as Error).message})`] };
  }
  return validateStudy(json);
}

/**
 * Whether a moment lies within the study. `at` is an event time with its offset: a date-only
 * start or end is compared with the participant's own calendar day, as written in `at`.
 */
export function withinStudy(study: Pick<Study, 'start' | 'end'>, at: string): boolean {
  const day = at.slice(0, 10);
  const t = Date.parse(at);
  const afterStart = DAY.test(study.start) ? day >= study.start : t >= Date.parse(study.start);
  const beforeEnd = DAY.test(study.end) ? day <= study.end : t <= Date.parse(study.end);
  return afterStart && beforeEnd;
}

/** Codes are typed by people: compared without case and surrounding spaces. */
export const sameStudyCode = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();
