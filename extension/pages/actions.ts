// Logging an everyday action from the popup or dashboard, with an optional photo as proof. The
// photo is kept in the ledger's own photos table and never leaves the device unless the shopper
// ticks "include photos" when exporting.

import { newEvent } from '../../shared/events.ts';
import type { LedgerDb } from '../ledger/db.ts';
import { type LogResult, logEvent } from '../ledger/record.ts';
import { studyStamp } from '../ledger/study.ts';
import type { ActionEntry } from './catalogue.ts';

export async function logEverydayAction(
  db: LedgerDb,
  action: ActionEntry,
  photo: Blob | null = null,
  now = new Date(),
): Promise<LogResult> {
  const photoId = photo ? crypto.randomUUID() : null;
  // A plain Blob, not the File the input gave: the file's name and date are not kept, and a backup
  // writes it as base64 data (dexie-export-import writes a File as a binary string).
  if (photo && photoId)
    await db.photos.put({ id: photoId, blob: new Blob([photo], { type: photo.type }), createdAt: now.toISOString() });
  // While the shopper is enrolled in a study, the event carries its stamp like every other.
  const event = newEvent(
    'action-logged',
    { actionId: action.id, avoidedGramsCO2e: action.gramsCO2e, photoId },
    { shopHost: null, now, study: await studyStamp(db, now) },
  );
  const result = await logEvent(db, event);
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
