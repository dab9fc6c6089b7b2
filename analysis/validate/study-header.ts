// The `study` member of a research export: null, `{ id, title }`, a participant bundle's study
// (participant, arm, seed, enrollment times) or a simulated cohort's (arms, participants). Every
// field present is checked for its type and range, and arm probabilities must add up to 1, so a
// header that would mislead an analysis (an arm probability "not-a-number") does not pass.

import { EVENT_TYPES } from '../../shared/events.ts';
import { ASSIGNMENT_METHODS } from '../../shared/study/enrollment.ts';
import { ARM_ID, OVERLAY_MODES, PROBABILITY_TOLERANCE, STUDY_ID } from '../../shared/study/study.ts';
import type { Problem } from './check.ts';

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/;
const DAY = /^\d{4}-\d\d-\d\d$/;
const PARTICIPANT_ID = /^p-[0-9a-f]{16}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown) =>
  typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));

/** Problems of an export's `study` member, each as `study.field: what is wrong`. */
export function checkStudyHeader(study: unknown): Problem[] {
  const problems: Problem[] = [];
  const problem = (where: string, message: string) => problems.push({ where: `study${where}`, message });
  if (study === null || study === undefined) return problems;
  if (!isRecord(study)) {
    problem('', 'must be null or an object with an id and a title');
    return problems;
  }
  if (typeof study.id !== 'string' || !STUDY_ID.test(study.id)) {
    problem('.id', 'must be a study id (lower-case letters, digits and hyphens)');
  }
  if (typeof study.title !== 'string' || study.title.trim() === '') problem('.title', 'must be a non-empty text');

  // A participant bundle's fields.
  if (
    'participantId' in study &&
    (typeof study.participantId !== 'string' || !PARTICIPANT_ID.test(study.participantId))
  )
    problem('.participantId', 'must be p- and 16 hex digits');
  if ('arm' in study && (typeof study.arm !== 'string' || !ARM_ID.test(study.arm)))
    problem('.arm', 'must be an arm id');
  if ('seed' in study && (typeof study.seed !== 'string' || study.seed === '')) problem('.seed', 'must be a text');
  if ('method' in study && !ASSIGNMENT_METHODS.includes(study.method as never))
    problem('.method', `must be one of ${ASSIGNMENT_METHODS.join(', ')}`);
  for (const field of ['enrolledAt', 'consentAcceptedAt'] as const) {
    if (field in study && !isTime(study[field])) problem(`.${field}`, 'must be an ISO 8601 time');
  }
  if ('leftAt' in study && study.leftAt !== null && !isTime(study.leftAt))
    problem('.leftAt', 'must be null or an ISO 8601 time');
  else if (
    isTime(study.leftAt) &&
    isTime(study.enrolledAt) &&
    Date.parse(study.leftAt as string) < Date.parse(study.enrolledAt as string)
  )
    problem('.leftAt', 'is before enrolledAt');
  if ('consentTextHash' in study && !/^sha256:[0-9a-f]{64}$/.test(String(study.consentTextHash)))
    problem('.consentTextHash', 'must be sha256: and 64 hex digits');
  for (const field of ['start', 'end'] as const) {
    const value = study[field];
    if (field in study && !(typeof value === 'string' && (DAY.test(value) || isTime(value))))
      problem(`.${field}`, 'must be an ISO 8601 date or time');
  }
  for (const flag of ['includeFullUrls', 'showArmToParticipant'] as const) {
    if (flag in study && typeof study[flag] !== 'boolean') problem(`.${flag}`, 'must be true or false');
  }
  if ('exportEventTypes' in study) {
    const types = study.exportEventTypes;
    if (!Array.isArray(types)) problem('.exportEventTypes', 'must be a list of event types');
    else
      types.forEach((type, i) => {
        if (!EVENT_TYPES.includes(type)) problem(`.exportEventTypes[${i}]`, `must be one of ${EVENT_TYPES.join(', ')}`);
      });
  }

  // A cohort's arms: ids, probabilities in [0, 1] adding up to 1, overlays.
  const armIds = new Set<string>();
  if ('arms' in study) {
    const arms = study.arms;
    if (!Array.isArray(arms) || arms.length === 0) problem('.arms', 'must be a list of at least one arm');
    else {
      let total = 0;
      let summable = true;
      arms.forEach((arm: unknown, i) => {
        const at = `.arms[${i}]`;
        if (!isRecord(arm)) {
          problem(at, 'must be an object with id, probability and overlay');
          summable = false;
          return;
        }
        if (typeof arm.id !== 'string' || !ARM_ID.test(arm.id)) problem(`${at}.id`, 'must be an arm id');
        else if (armIds.has(arm.id)) problem(`${at}.id`, `"${arm.id}" is used by an earlier arm`);
        else armIds.add(arm.id);
        const p = arm.probability;
        if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 1) {
          problem(`${at}.probability`, 'must be a number from 0 to 1');
          summable = false;
        } else total += p;
        if ('overlay' in arm && !OVERLAY_MODES.includes(arm.overlay as never))
          problem(`${at}.overlay`, `must be one of ${OVERLAY_MODES.join(', ')}`);
        if ('description' in arm && typeof arm.description !== 'string') problem(`${at}.description`, 'must be a text');
      });
      if (summable && Math.abs(total - 1) > PROBABILITY_TOLERANCE)
        problem('.arms', `probabilities must add up to 1 (they add up to ${total})`);
    }
  }
  if (typeof study.arm === 'string' && armIds.size > 0 && !armIds.has(study.arm))
    problem('.arm', 'must be one of the arms');

  // A cohort's participants.
  if ('participants' in study) {
    const participants = study.participants;
    const seen = new Set<string>();
    if (!Array.isArray(participants)) problem('.participants', 'must be a list');
    else
      participants.forEach((p: unknown, i) => {
        const at = `.participants[${i}]`;
        if (!isRecord(p)) {
          problem(at, 'must be an object');
          return;
        }
        if (typeof p.participantId !== 'string' || p.participantId === '')
          problem(`${at}.participantId`, 'must be a non-empty text');
        if (typeof p.arm !== 'string' || (armIds.size > 0 && !armIds.has(p.arm)))
          problem(`${at}.arm`, armIds.size > 0 ? 'must be one of the arms' : 'must be an arm id');
        if ('enrolledAt' in p && !isTime(p.enrolledAt)) problem(`${at}.enrolledAt`, 'must be an ISO 8601 time');
        if ('leftAt' in p && p.leftAt !== null && !isTime(p.leftAt))
          problem(`${at}.leftAt`, 'must be null or an ISO 8601 time');
        else if (
          isTime(p.leftAt) &&
          isTime(p.enrolledAt) &&
          Date.parse(p.leftAt as string) < Date.parse(p.enrolledAt as string)
        )
          problem(`${at}.leftAt`, 'is before enrolledAt');
        if (typeof p.participantId === 'string' && p.participantId !== '') {
          if (seen.has(p.participantId)) problem(`${at}.participantId`, `"${p.participantId}" is listed twice`);
          seen.add(p.participantId);
        }
      });
  }
  return problems;
}

/** What the events say about each participant: the arms their stamps carry, with the first event of each. */
export class StampIndex {
  /** `studyId participantId` → arm → index of the first event with it. */
  readonly arms = new Map<string, Map<string, number>>();
  add(stamp: { studyId: string; participantId: string; arm: string } | null | undefined, index: number) {
    if (!stamp) return;
    const key = `${stamp.studyId}\u0000${stamp.participantId}`;
    const arms = this.arms.get(key) ?? new Map<string, number>();
    this.arms.set(key, arms);
    if (!arms.has(stamp.arm)) arms.set(stamp.arm, index);
  }
}

/**
 * The events' study stamps against the header: an event of the header's study is stamped with the
 * arm the header gives its participant (a bundle's `arm`, a cohort's `participants`), and a cohort's
 * events come from listed participants. One problem per participant and arm, at its first event.
 */
export function checkStampsAgainstHeader(study: unknown, stamps: StampIndex): Problem[] {
  const problems: Problem[] = [];
  if (!isRecord(study) || typeof study.id !== 'string') return problems;
  const listed = new Map<string, unknown>();
  const cohort = Array.isArray(study.participants);
  if (cohort)
    for (const p of study.participants as unknown[])
      if (isRecord(p) && typeof p.participantId === 'string') listed.set(p.participantId, p.arm);
  const bundle = typeof study.participantId === 'string' && typeof study.arm === 'string';
  for (const [key, arms] of stamps.arms) {
    const [studyId, participantId] = key.split('\u0000') as [string, string];
    if (studyId !== study.id) continue;
    for (const [arm, index] of arms) {
      const where = `events[${index}].study`;
      if (cohort) {
        if (!listed.has(participantId))
          problems.push({
            where: `${where}.participantId`,
            message: `"${participantId}" is not in study.participants`,
          });
        else if (listed.get(participantId) !== arm)
          problems.push({
            where: `${where}.arm`,
            message: `"${arm}", but study.participants puts ${participantId} in "${String(listed.get(participantId))}"`,
          });
      }
      if (bundle && participantId === study.participantId && arm !== study.arm)
        problems.push({ where: `${where}.arm`, message: `"${arm}", but the study's arm is "${String(study.arm)}"` });
    }
  }
  return problems;
}
