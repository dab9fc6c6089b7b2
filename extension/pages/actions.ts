// Logging an everyday action from the popup or dashboard, with an optional photo as proof. The
// photo is kept in the ledger's own photos table and never leaves the device unless the shopper
// ticks "include photos" when exporting.

import { newEvent } from '../../shared/events.ts';
import { type LedgerDb, readSettings } from '../ledger/db.ts';
import { type LogResult, logEvent, oneAtATime } from '../ledger/record.ts';
import { stampOf } from '../ledger/study.ts';
import type { ActionEntry } from './catalogue.ts';

/** Why an everyday action was not logged: a refusal of the ledger, or already logged today. */
export type ActionLogResult = LogResult | { logged: false; reason: 'already-today' };

/** Local midnight before `now`: a day as the shopper lives it. */
const startOfDay = (now: Date): string => new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();

/**
 * Logs an everyday action, at most once a day each: an action is a habit kept that day (taking a
 * bag, declining extras, buying refurbished), and logging it again the same day would count the
 * same saving twice — the ledger's figures and badges would then reward clicking, not doing.
 */
export function logEverydayAction(
  db: LedgerDb,
  action: ActionEntry,
  photo: Blob | null = null,
  now = new Date(),
): Promise<ActionLogResult> {
  // One after another, so a double click cannot pass the once-a-day check twice.
  return oneAtATime(() => logOnceToday(db, action, photo, now));
}

async function logOnceToday(
  db: LedgerDb,
  action: ActionEntry,
  photo: Blob | null,
  now: Date,
): Promise<ActionLogResult> {
  const today = await db.events
    .where('[type+at]')
    .between(['action-logged', startOfDay(now)], ['action-logged', '\uffff'])
    .filter((event) => event.type === 'action-logged' && event.data.actionId === action.id)
    .count();
  if (today > 0) return { logged: false, reason: 'already-today' };
  // The settings once: the study stamp and logEvent's pause and shop checks read the same row.
  const settings = await readSettings(db);
  const photoId = photo ? crypto.randomUUID() : null;
  // A plain Blob, not the File the input gave: the file's name and date are not kept, and a backup
  // writes it as base64 data (dexie-export-import writes a File as a binary string).
  if (photo && photoId)
    await db.photos.put({ id: photoId, blob: new Blob([photo], { type: photo.type }), createdAt: now.toISOString() });
  // While the shopper is enrolled in a study, the event carries its stamp like every other.
  const event = newEvent(
    'action-logged',
    { actionId: action.id, avoidedGramsCO2e: action.gramsCO2e, photoId },
    { shopHost: null, now, study: stampOf(settings.enrollment ?? null, now) },
  );
  const result = await logEvent(db, event, settings);
  // A refused entry (paused, disk full) must not leave an orphan photo behind.
  if (!result.logged && photoId) await db.photos.delete(photoId);
  return result;
}

/** Saves `blob` as a file through the browser's downloads (no permission needed). */
export function downloadFile(blob: Blob, fileName: string, document: Document): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
