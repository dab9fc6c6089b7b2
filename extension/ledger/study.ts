// Study mode in the ledger: joining and leaving a study (the enrollment lives in the settings
// table), the study stamp every new event carries while the shopper is enrolled, what the
// overlay should show, and the participant bundle the shopper hands to the researcher.

import { localIsoTimestamp, type StudyStamp } from '../../shared/events.ts';
import type { ResearchExport } from '../../shared/export/research.ts';
import { type BundleSummary, participantBundle as bundleOf, bundleSummary } from '../../shared/study/bundle.ts';
import { createEnrollment, type Enrollment, newSeed } from '../../shared/study/enrollment.ts';
import { type OverlayMode, type Study, validateStudy, withinStudy } from '../../shared/study/study.ts';
import { type LedgerDb, readSettings, writeSettings } from './db.ts';

export interface CurrentStudy {
  study: Study;
  enrollment: Enrollment;
}

/** The study the shopper joined (also after leaving it), or null. */
export async function currentEnrollment(db: LedgerDb): Promise<CurrentStudy | null> {
  return (await readSettings(db)).enrollment ?? null;
}

/** Whether the enrollment is active at `now`: joined, not left, and within the study's dates. */
export function isActive(current: CurrentStudy | null, now = new Date()): current is CurrentStudy {
  if (!current || current.enrollment.leftAt !== null) return false;
  return withinStudy(current.study, localIsoTimestamp(now));
}

/**
 * Joins a study after the participant accepted its consent. The study is checked again here,
 * so a page cannot enroll with a file that never passed validation. Replaces an earlier study.
 * The seed of an earlier enrollment in the same study is used again: rejoining gives the same
 * participant id, and so the same arm.
 */
export async function enroll(
  db: LedgerDb,
  study: Study,
  options: { consentAcceptedAt: Date; now?: Date; seed?: string },
): Promise<CurrentStudy> {
  const checked = validateStudy(study);
  if (!checked.ok) throw new Error(`not a valid study: ${checked.errors[0]}`);
  const { studySeeds = {} } = await readSettings(db);
  const seed = options.seed ?? studySeeds[checked.value.id] ?? newSeed();
  const enrollment = await createEnrollment(checked.value, { ...options, seed });
  const current = { study: checked.value, enrollment };
  await writeSettings(db, { enrollment: current, studySeeds: { ...studySeeds, [checked.value.id]: seed } });
  return current;
}

/** Leaves the study: new events carry no stamp from now on; the record stays for the bundle. */
export async function leaveStudy(db: LedgerDb, now = new Date()): Promise<CurrentStudy | null> {
  const current = await currentEnrollment(db);
  if (!current || current.enrollment.leftAt !== null) return current;
  const left = { ...current, enrollment: { ...current.enrollment, leftAt: now.toISOString() } };
  await writeSettings(db, { enrollment: left });
  return left;
}

/**
 * Forgets the study (after the bundle was sent, or to join another). Events keep their stamps, and
 * the study's seed stays, so joining it again gives the same participant id and arm.
 */
export async function forgetStudy(db: LedgerDb): Promise<void> {
  await writeSettings(db, { enrollment: null });
}

/** The stamp for an event happening now: the enrollment's study, arm and participant, or null. */
export async function studyStamp(db: LedgerDb, now = new Date()): Promise<StudyStamp | null> {
  return stampOf(await currentEnrollment(db), now);
}

/** `studyStamp` for an enrollment already read (the background reads the settings once per message). */
export function stampOf(current: CurrentStudy | null, now = new Date()): StudyStamp | null {
  if (!isActive(current, now)) return null;
  const { studyId, arm, participantId } = current.enrollment;
  return { studyId, arm, participantId };
}

/** What the overlay shows now: the arm's overlay while enrolled, the full overlay otherwise. */
export async function overlayMode(db: LedgerDb, now = new Date()): Promise<OverlayMode> {
  return overlayModeOf(await currentEnrollment(db), now);
}

/** `overlayMode` for an enrollment already read. */
export function overlayModeOf(current: CurrentStudy | null, now = new Date()): OverlayMode {
  if (!isActive(current, now)) return 'full';
  return current.study.arms.find((arm) => arm.id === current.enrollment.arm)?.overlay ?? 'full';
}

/** The participant bundle of the current (or left) study, or null when the shopper joined none. */
export async function participantBundle(db: LedgerDb, now = new Date()): Promise<ResearchExport | null> {
  return (await participantExport(db, now))?.bundle ?? null;
}

/**
 * The participant bundle and its summary, read in one transaction: the summary describes exactly
 * the file the participant then saves.
 */
export async function participantExport(
  db: LedgerDb,
  now = new Date(),
): Promise<{ bundle: ResearchExport; summary: BundleSummary } | null> {
  const current = await currentEnrollment(db);
  if (!current) return null;
  const { study, enrollment } = current;
  return db.transaction('r', db.events, async () => {
    // `at` is local time: start the index scan a day early, whatever the shopper's UTC offset.
    const dayBefore = new Date(Date.parse(enrollment.enrolledAt) - 86_400_000).toISOString().slice(0, 10);
    const events = await db.events.where('at').aboveOrEqual(dayBefore).toArray();
    const bundle = bundleOf(events, study, enrollment, { exportedAt: now.toISOString() });
    return { bundle, summary: bundleSummary(bundle, events, study, enrollment, await db.events.count()) };
  });
}
