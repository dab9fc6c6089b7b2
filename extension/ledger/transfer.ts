// Moving the ledger in and out: the research export (documented format, photos only on request)
// and the full backup (dexie-export-import's file format). Both imports check every table of the
// file first and then write all of it or nothing, in one transaction.

import { exportDB } from 'dexie-export-import';
import type { Checked, LedgerEvent } from '../../shared/events.ts';
import {
  type ExportPhoto,
  type ExportStudy,
  MAX_EXPORT_BYTES,
  parseResearchExport,
  type ResearchExport,
  researchExport,
} from '../../shared/export/research.ts';
import { summariseDays } from '../../shared/ledger/days.ts';
import {
  checkActionRow,
  checkBadgeRow,
  checkEventRow,
  checkPhotoRow,
  checkProductRow,
  checkRows,
  checkSettingRow,
} from './check-rows.ts';
import type { EarnedBadgeRow, LedgerDb, LoggedAction, PhotoProof, SeenProduct, SettingRow } from './db.ts';
import { clearTables, writeEventRows } from './record.ts';

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

/** What an import changed: events in the file, and how many of them the ledger did not hold yet. */
export interface ImportOutcome {
  events: number;
  added: number;
}

/**
 * Imports a research export: validated in full, then written in one transaction. Events the
 * ledger already holds (same id) are left as they are, so importing a file twice changes nothing.
 */
export async function importResearch(db: LedgerDb, text: string): Promise<Checked<ImportOutcome>> {
  performance.mark('carbon-ledger:import-start');
  const parsed = parseResearchExport(text);
  performance.mark('carbon-ledger:import-checked');
  if (!parsed.ok) return parsed;
  const { events, photos = [] } = parsed.value;
  let added = 0;
  await db.transaction('rw', [db.events, db.products, db.actions, db.photos, db.days, db.weekViews], async () => {
    // Which of the file's ids the ledger holds: from its keys alone when it holds no more events
    // than the file (no event is read), else by looking the file's ids up.
    const held = await db.events.count();
    const present = new Set(
      held <= events.length
        ? await db.events.toCollection().primaryKeys()
        : (await db.events.bulkGet(events.map((e) => e.id))).flatMap((e) => (e ? [e.id] : [])),
    );
    const fresh = present.size ? events.filter((e) => !present.has(e.id)) : events;
    added = fresh.length;
    performance.mark('carbon-ledger:import-present');
    await writeEventRows(db, fresh, { fresh: true, emptyLedger: held === 0 });
    await db.photos.bulkPut(
      photos.map((p) => ({ id: p.id, blob: fromBase64(p.base64, p.mediaType), createdAt: new Date().toISOString() })),
    );
  });
  performance.mark('carbon-ledger:import-committed');
  return { ok: true, value: { events: events.length, added } };
}

/** A full backup of every table, as dexie-export-import's JSON. Photos only when asked for. */
export function backupLedger(db: LedgerDb, options: { includePhotos?: boolean } = {}): Promise<Blob> {
  return exportDB(db, {
    // The daily summaries are not backed up: a restore builds them again from the events.
    skipTables: options.includePhotos ? ['days', 'weekViews'] : ['photos', 'days', 'weekViews'],
    // Photos stored by earlier versions are Files: written as plain Blobs (base64, no file name).
    transform: (table, value) =>
      table === 'photos' && value?.blob instanceof File
        ? { value: { ...value, blob: new Blob([value.blob], { type: value.blob.type }) } }
        : { value },
  });
}

/** What a restore wrote, table by table, and what it kept of writes that arrived meanwhile. */
export interface RestoreOutcome {
  events: number;
  products: number;
  actions: number;
  badges: number;
  /** Photos restored, or null when the backup holds none (the ledger's photos are kept). */
  photos: number | null;
  settings: number;
  /** Events logged while the restore ran (after the file was chosen): written after the backup. */
  keptEvents: number;
  /** Settings changed while the restore ran: their new values win over the backup's. */
  keptSettings: number;
}

type Table = 'events' | 'products' | 'actions' | 'badges' | 'photos' | 'settings';
const BACKUP_TABLES: readonly Table[] = ['events', 'products', 'actions', 'badges', 'photos', 'settings'];

interface CheckedBackup {
  events: LedgerEvent[];
  products: SeenProduct[];
  actions: LoggedAction[];
  badges: EarnedBadgeRow[];
  photos: PhotoProof[] | null;
  settings: SettingRow[];
}

/** Reads and checks every table of a backup file; the first problem in one line. */
export async function checkBackup(file: Blob): Promise<Checked<CheckedBackup>> {
  if (file.size > MAX_EXPORT_BYTES) return { ok: false, error: 'file is larger than 1 GB' };
  let json: { formatName?: unknown; data?: { data?: unknown } };
  try {
    json = JSON.parse(await file.text());
  } catch (error) {
    return { ok: false, error: `not JSON (${(error as Error).message})` };
  }
  const tables = json?.formatName === 'dexie' && Array.isArray(json.data?.data) ? (json.data.data as unknown[]) : null;
  const named = (tables ?? []) as { tableName?: unknown; rows?: unknown }[];
  if (!tables || !named.some((t) => t?.tableName === 'events')) {
    return { ok: false, error: 'not a Carbon Ledger backup (made by "Back up everything")' };
  }
  const unknown = named.find((t) => !BACKUP_TABLES.includes(t?.tableName as Table));
  if (unknown) return { ok: false, error: `unknown table ${JSON.stringify(unknown?.tableName)} in backup` };
  // A table given twice: which rows the shopper meant cannot be told, so neither is restored.
  const twice = named.find((t, i) => named.findIndex((u) => u.tableName === t.tableName) !== i);
  if (twice) return { ok: false, error: `table ${JSON.stringify(twice.tableName)} appears twice in backup` };
  const rows = (table: Table) => named.find((t) => t.tableName === table)?.rows;

  const events = checkRows('events', rows('events') ?? [], checkEventRow);
  if (!events.ok) return events;
  const ids = new Set<string>();
  for (const [index, event] of events.value.entries()) {
    if (ids.has(event.id)) return { ok: false, error: `events[${index}] id: ${event.id} appears twice` };
    ids.add(event.id);
  }
  const products = checkRows('products', rows('products') ?? [], checkProductRow);
  if (!products.ok) return products;
  const actions = checkRows('actions', rows('actions') ?? [], checkActionRow);
  if (!actions.ok) return actions;
  const badges = checkRows('badges', rows('badges') ?? [], checkBadgeRow);
  if (!badges.ok) return badges;
  const photoRows = rows('photos');
  const photos = photoRows === undefined ? null : checkRows('photos', photoRows, checkPhotoRow);
  if (photos && !photos.ok) return photos;
  // Settings are named by key (`settings.disabledShops: ...`), not by row number.
  const settings = checkRows('settings', rows('settings') ?? [], (row) => checkSettingRow(row, 'settings'));
  if (!settings.ok) return settings;
  return {
    ok: true,
    value: {
      events: events.value,
      products: products.value,
      actions: actions.value,
      badges: badges.value,
      photos: photos ? photos.value : null,
      settings: settings.value,
    },
  };
}

/**
 * Restores a backup over the current ledger. Every table of the file is checked first; then all
 * of it is written in one transaction over every table, or, if anything fails, nothing. Writes
 * that arrive meanwhile are not lost: IndexedDB queues a write that comes during the transaction
 * until it ends, and events logged (or settings changed) between choosing the file and the
 * transaction are found by comparing with the ledger as it was, and written again after the backup.
 */
export async function restoreBackup(db: LedgerDb, file: Blob): Promise<Checked<RestoreOutcome>> {
  // The ledger as the shopper chose the file: what is new at write time arrived meanwhile.
  const [eventIdsBefore, settingsBefore] = await db.transaction('r', db.events, db.settings, async () => [
    new Set(await db.events.toCollection().primaryKeys()),
    new Map((await db.settings.toArray()).map((row) => [row.key, JSON.stringify(row.value)])),
  ]);
  const checked = await checkBackup(file);
  if (!checked.ok) return checked;
  const backup = checked.value;
  try {
    return await db.transaction('rw', db.tables, async () => {
      const arrivedIds = (await db.events.toCollection().primaryKeys()).filter((id) => !eventIdsBefore.has(id));
      const arrived = (await db.events.bulkGet(arrivedIds)).filter((e): e is LedgerEvent => e !== undefined);
      const changedSettings = (await db.settings.toArray()).filter(
        (row) => settingsBefore.get(row.key) !== JSON.stringify(row.value),
      );
      // The seeds of studies this device joined stay (the backup's win for a study it also holds):
      // an older backup must not make rejoining a study draw a new participant and arm.
      const seedsHere = (await db.settings.get('studySeeds'))?.value as Record<string, string> | undefined;
      const seedsRow = backup.settings.find((row) => row.key === 'studySeeds');
      const seeds = { ...seedsHere, ...(seedsRow?.value as Record<string, string> | undefined) };
      // The photos stay when the backup was made without them.
      await clearTables(backup.photos ? db.tables : db.tables.filter((table) => table !== db.photos));
      for (let i = 0; i < backup.events.length; i += 10_000)
        await db.events.bulkAdd(backup.events.slice(i, i + 10_000));
      const summaries = summariseDays(backup.events, true);
      await db.days.bulkPut(summaries.days);
      await db.weekViews.bulkPut(summaries.views);
      await db.products.bulkPut(backup.products);
      await db.actions.bulkPut(backup.actions);
      await db.badges.bulkPut(backup.badges);
      await db.settings.bulkPut(backup.settings);
      if (Object.keys(seeds).length) await db.settings.put({ key: 'studySeeds', value: seeds });
      if (backup.photos) await db.photos.bulkPut(backup.photos);
      // Queued writes last, so nothing logged during the restore is lost.
      const restoredIds = new Set(backup.events.map((event) => event.id));
      await writeEventRows(
        db,
        arrived.filter((event) => !restoredIds.has(event.id)),
        { fresh: true },
      );
      await db.settings.bulkPut(changedSettings);
      return {
        ok: true as const,
        value: {
          events: backup.events.length,
          products: backup.products.length,
          actions: backup.actions.length,
          badges: backup.badges.length,
          photos: backup.photos ? backup.photos.length : null,
          settings: backup.settings.length,
          keptEvents: arrived.length,
          keptSettings: changedSettings.length,
        },
      };
    });
  } catch (error) {
    return { ok: false, error: `the backup could not be written, nothing changed (${(error as Error).message})` };
  }
}
