// Moving the ledger in and out: the research export (documented format, photos only on request)
// and the full backup (dexie-export-import). Both imports check the whole file first and then
// write all of it or nothing.

import { exportDB, importInto } from 'dexie-export-import';
import type { Checked } from '../../shared/events.ts';
import {
  type ExportPhoto,
  type ExportStudy,
  parseResearchExport,
  type ResearchExport,
  researchExport,
} from '../../shared/export/research.ts';
import type { LedgerDb } from './db.ts';
import { writeEventRows } from './record.ts';

const toBase64 = async (blob: Blob): Promise<string> => {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

const fromBase64 = (base64: string, mediaType: string): Blob =>
  new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: mediaType });

export async function exportResearch(
  db: LedgerDb,
  options: { includePhotos?: boolean; study?: ExportStudy | null; now?: Date } = {},
): Promise<ResearchExport> {
  return db.transaction('r', db.events, db.photos, async () => {
    const events = await db.events.toArray();
    let photos: ExportPhoto[] | undefined;
    if (options.includePhotos) {
      photos = [];
      for (const photo of await db.photos.toArray()) {
        photos.push({ id: photo.id, mediaType: photo.blob.type || 'image/jpeg', base64: await toBase64(photo.blob) });
      }
    }
    return researchExport(events, {
      exportedAt: (options.now ?? new Date()).toISOString(),
      study: options.study ?? null,
      ...(photos ? { photos } : {}),
    });
  });
}

/** Imports a research export: validated in full, then written in one transaction. */
export async function importResearch(db: LedgerDb, text: string): Promise<Checked<{ events: number }>> {
  const parsed = parseResearchExport(text);
  if (!parsed.ok) return parsed;
  const { events, photos = [] } = parsed.value;
  await db.transaction('rw', [db.events, db.products, db.actions, db.photos], async () => {
    await writeEventRows(db, events);
    await db.photos.bulkPut(
      photos.map((p) => ({ id: p.id, blob: fromBase64(p.base64, p.mediaType), createdAt: new Date().toISOString() })),
    );
  });
  return { ok: true, value: { events: events.length } };
}

/** A full backup of every table, as dexie-export-import's JSON. Photos only when asked for. */
export function backupLedger(db: LedgerDb, options: { includePhotos?: boolean } = {}): Promise<Blob> {
  return exportDB(db, { skipTables: options.includePhotos ? [] : ['photos'] });
}

const BACKUP_TABLES = new Set(['events', 'products', 'actions', 'badges', 'photos', 'settings']);

/**
 * Restores a backup over the current ledger. The file is checked first (format, database,
 * tables, every event); if writing fails part-way the ledger is put back as it was.
 */
export async function restoreBackup(db: LedgerDb, file: Blob): Promise<Checked<{ events: number }>> {
  let json: {
    formatName?: unknown;
    data?: { databaseName?: unknown; data?: { tableName: string; rows: unknown[] }[] };
  };
  try {
    json = JSON.parse(await file.text());
  } catch (error) {
    return { ok: false, error: `not JSON (${(error as Error).message})` };
  }
  const tables = json?.formatName === 'dexie' && Array.isArray(json.data?.data) ? json.data.data : null;
  if (!tables?.some((t) => t?.tableName === 'events')) {
    return { ok: false, error: 'not a Carbon Ledger backup (made by "Back up everything")' };
  }
  const unknown = tables.find((t) => !BACKUP_TABLES.has(t?.tableName));
  if (unknown) return { ok: false, error: `unknown table ${JSON.stringify(unknown?.tableName)} in backup` };
  const events = tables.find((t) => t.tableName === 'events')?.rows ?? [];
  // Backups and research exports share the event checks: reuse them on a synthetic export.
  const checked = parseResearchExport(JSON.stringify({ format: 'carbon-ledger-research-export', version: 1, events }));
  if (!checked.ok) return checked;

  const before = await exportDB(db);
  try {
    // What is written is the checked copy of each event, holding only the schema's fields.
    const clean = new Map(checked.value.events.map((event) => [event.id, event]));
    await importInto(db, file, {
      clearTablesBeforeImport: true,
      acceptVersionDiff: true,
      acceptNameDiff: true,
      transform: (table, value, key) => ({ value: table === 'events' ? clean.get(value.id) : value, key }),
    });
  } catch (error) {
    await importInto(db, before, { clearTablesBeforeImport: true, acceptNameDiff: true });
    return { ok: false, error: `the backup could not be written, nothing changed (${(error as Error).message})` };
  }
  return { ok: true, value: { events: checked.value.events.length } };
}
