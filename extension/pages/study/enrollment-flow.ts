// What the study enrollment screen decides, apart from drawing it: reading what the participant
// loaded, pasted or typed, and what to show for the current enrollment. Pure, so it is tested
// without a browser.

import { localIsoTimestamp } from '../../../shared/events.ts';
import { parseStudy, STUDY_CODE, type Study, sameStudyCode, withinStudy } from '../../../shared/study/study.ts';
import type { CurrentStudy } from '../../ledger/study.ts';

/** Why an input is not a study, for the screen to say in the shopper's language. */
export type StudyInputProblem = 'empty' | 'invalid' | 'bad-code' | 'unknown-code';
export type StudyInput =
  | { ok: true; study: Study }
  | { ok: false; errors: string[]; problem: StudyInputProblem; details?: string[]; code?: string };

/**
 * A study from the text of a study file, or from a code matched against the studies built into
 * this copy of the extension (the extension makes no network requests, so a code cannot fetch one).
 */
export function readStudyInput(text: string, knownStudies: readonly Study[] = []): StudyInput {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { ok: false, problem: 'empty', errors: ['Load a study file, paste its text, or type a study code.'] };
  }
  if (trimmed.startsWith('{')) {
    const checked = parseStudy(trimmed);
    return checked.ok
      ? { ok: true, study: checked.value }
      : {
          ok: false,
          problem: 'invalid',
          details: checked.errors,
          errors: ['This is not a valid study file:', ...checked.errors],
        };
  }
  if (!STUDY_CODE.test(trimmed)) {
    return { ok: false, problem: 'bad-code', errors: ['A study code has 4 to 32 letters, digits or hyphens.'] };
  }
  const study = knownStudies.find((s) => s.code !== undefined && sameStudyCode(s.code, trimmed));
  return study
    ? { ok: true, study }
    : {
        ok: false,
        problem: 'unknown-code',
        code: trimmed.toUpperCase(),
        errors: [
          `No study with the code ${trimmed.toUpperCase()} is built into this extension. Ask for the study file.`,
        ],
      };
}

export type EnrollmentView =
  | { state: 'none' }
  | {
      state: 'enrolled' | 'left';
      title: string;
      contact: string | null;
      participantId: string;
      /** Only when the study lets participants know it. */
      arm: string | null;
      start: string;
      end: string;
      /** Whether events are being stamped now (enrolled and within the dates). */
      recording: boolean;
      /** Why not, when enrolled but not recording. */
      notice: string | null;
      /** The same as a code: before the start or after the end. */
      phase: 'not-started' | 'ended' | null;
      leftAt: string | null;
    };

/** What the screen shows for an enrollment at `now`. */
export function enrollmentView(current: CurrentStudy | null, now = new Date()): EnrollmentView {
  if (!current) return { state: 'none' };
  const { study, enrollment } = current;
  const left = enrollment.leftAt !== null;
  const nowLocal = localIsoTimestamp(now);
  const inDates = withinStudy(study, nowLocal);
  let phase: 'not-started' | 'ended' | null = null;
  if (!left && !inDates) phase = nowLocal.slice(0, 10) < study.start.slice(0, 10) ? 'not-started' : 'ended';
  const notice =
    phase === 'not-started' ? 'The study has not started yet.' : phase === 'ended' ? 'The study has ended.' : null;
  return {
    state: left ? 'left' : 'enrolled',
    title: study.title,
    contact: study.contact ?? null,
    participantId: enrollment.participantId,
    arm: study.showArmToParticipant ? enrollment.arm : null,
    start: study.start,
    end: study.end,
    recording: !left && inDates,
    notice,
    phase,
    leftAt: enrollment.leftAt,
  };
}

/** File name of the participant bundle: study and participant, nothing else. */
export const bundleFileName = (current: CurrentStudy): string =>
  `carbon-ledger-${current.study.id}-${current.enrollment.participantId}.json`;
