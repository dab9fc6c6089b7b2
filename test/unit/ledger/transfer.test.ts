// Export and import: the research export round-trips, bad files are refused with one clear
// message and the ledger unchanged, and the CSV has one row per event.

import 'fake-indexeddb/auto';
import './worker-globals.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPhotoRow } from '../../../extension/ledger/check-rows.ts';
import { type LedgerDb, openLedger, readSettings, writeSettings } from '../../../extension/ledger/db.ts';
import { logEvent } from '../../../extension/ledger/record.ts';
import { enroll } from '../../../extension/ledger/study.ts';
import { backupLedger, exportResearch, importResearch, restoreBackup } from '../../../extension/ledger/transfer.ts';
import { CSV_COLUMNS, parseResearchExport, researchCsv } from '../../../shared/export/research.ts';
import { studyFile } from '../study/study-file.ts';
import { kettle, oneOfEach, sampleEvent } from './samples.ts';

const restoreStudy = studyFile({ id: 'restore-study', title: 'Restore study' });

let counter = 0;
const opened: LedgerDb[] = [];
const freshLedger = (): LedgerDb => {
  const db = openLedger(`transfer-test-${++counter}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function seeded(): Promise<LedgerDb> {
  const db = freshLedger();
  for (const day of ['2026-11-02', '2026-11-09', '2026-11-16']) for (const e of oneOfEach(day)) await logEvent(db, e);
  return db;
}

const snapshot = async (db: LedgerDb) => ({
  events: await db.events.orderBy('id').toArray(),
  products: await db.products.orderBy('url').toArray(),
  actions: await db.actions.orderBy('id').toArray(),
});

describe('research export', () => {
  it('imports back into an empty ledger as identical rows', async () => {
    const source = await seeded();
    const file = JSON.stringify(await exportResearch(source));
    const target = freshLedger();
    expect(await importResearch(target, file)).toEqual({ ok: true, value: { events: 18, added: 18 } });
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('changes nothing when the same file is imported twice', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const file = JSON.stringify(await exportResearch(db));
    expect((await importResearch(db, file)).ok).toBe(true);
    expect((await snapshot(db)).events).toEqual(before.events);
  });

  it('carries a format and version header and leaves photos out unless asked', async () => {
    const db = await seeded();
    await db.photos.add({
      id: 'p1',
      blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }),
      createdAt: '2026-11-02T12:00:00.000Z',
    });
    const plain = await exportResearch(db);
    expect(plain).toMatchObject({ format: 'carbon-ledger-research-export', version: 1, eventSchemaVersion: 1 });
    expect(plain).not.toHaveProperty('photos');
    const withPhotos = await exportResearch(db, { includePhotos: true });
    expect(withPhotos.photos).toEqual([{ id: 'p1', mediaType: 'image/png', base64: 'AQID' }]);
  });

  it('writes CSV with a header comment, the documented columns and one row per event', async () => {
    const db = await seeded();
    const lines = researchCsv(await db.events.toArray())
      .trimEnd()
      .split('\n');
    expect(lines[0]).toBe('# format=carbon-ledger-research-export; version=1');
    expect(lines[1]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(2 + 18);
  });
});

describe('refusing bad import files', () => {
  const valid = async () => exportResearch(await seeded());

  const hostile: [string, (file: Record<string, unknown>) => string, RegExp][] = [
    ['not JSON', () => '{"format": "carbon-ledger-research-export", "events": [', /^not JSON/],
    ['a JSON array', () => '[]', /not a Carbon Ledger export/],
    ['another format', (f) => JSON.stringify({ ...f, format: 'dexie' }), /not a Carbon Ledger export/],
    ['a future version', (f) => JSON.stringify({ ...f, version: 9 }), /version 9/],
    ['events not a list', (f) => JSON.stringify({ ...f, events: {} }), /^events: must be a list/],
    [
      'one bad event among good ones',
      (f) => {
        const events = [...(f.events as object[])];
        events[7] = { ...events[7], at: 'tomorrow' };
        return JSON.stringify({ ...f, events });
      },
      /^events\[7\] at:/,
    ],
    [
      'a duplicated id',
      (f) => JSON.stringify({ ...f, events: [...(f.events as object[]), (f.events as object[])[0]] }),
      /appears twice/,
    ],
    [
      'a prototype-polluting event',
      (f) => JSON.stringify({ ...f, events: [JSON.parse('{"__proto__": {"polluted": true}, "type": "choice-made"}')] }),
      /^events\[0\]/,
    ],
    [
      'a bad photo',
      (f) => JSON.stringify({ ...f, photos: [{ id: 'x', mediaType: 'text/html', base64: '<b>' }] }),
      /^photos\[0\]/,
    ],
    [
      'photo data of a length base64 never has',
      (f) => JSON.stringify({ ...f, photos: [{ id: 'x', mediaType: 'image/png', base64: 'A' }] }),
      /^photos\[0\]: must have an id, an image media type and base64 data/,
    ],
    [
      'photo data padded out of place',
      (f) => JSON.stringify({ ...f, photos: [{ id: 'x', mediaType: 'image/png', base64: 'AB=' }] }),
      /^photos\[0\]/,
    ],
    [
      'a photo id of a megabyte',
      (f) => JSON.stringify({ ...f, photos: [{ id: 'x'.repeat(1 << 20), mediaType: 'image/png', base64: 'AAAA' }] }),
      /^photos\[0\]/,
    ],
  ];

  it.each(hostile)('refuses %s in one line and leaves the ledger as it was', async (_, corrupt, message) => {
    const file = corrupt((await valid()) as unknown as Record<string, unknown>);
    const db = await seeded();
    const before = await snapshot(db);
    const result = await importResearch(db, file);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.error).not.toContain('\n');
    }
    expect(await snapshot(db)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('survives random corruption of a valid file without throwing', async () => {
    const text = JSON.stringify(await valid());
    let seed = 42;
    const random = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let round = 0; round < 300; round++) {
      const chars = [...text];
      for (let k = 0; k < 1 + Math.floor(random() * 5); k++) {
        chars[Math.floor(random() * chars.length)] = String.fromCharCode(32 + Math.floor(random() * 95));
      }
      const result = parseResearchExport(chars.join(''));
      if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
    }
  });
});

describe('backup and restore', () => {
  it('restores a backup into another ledger as identical rows, photos included when asked', async () => {
    const source = await seeded();
    await source.photos.add({
      id: 'p1',
      blob: new Blob([new Uint8Array([9, 8, 7])], { type: 'image/png' }),
      createdAt: '2026-11-02T12:00:00.000Z',
    });
    const backup = await backupLedger(source, { includePhotos: true });
    const target = freshLedger();
    expect(await restoreBackup(target, backup)).toMatchObject({
      ok: true,
      value: { events: 18, photos: 1, keptEvents: 0 },
    });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    const photo = await target.photos.get('p1');
    expect([...new Uint8Array(await photo!.blob.arrayBuffer())]).toEqual([9, 8, 7]);
  });

  it('leaves photos out of a backup unless asked', async () => {
    const db = await seeded();
    await db.photos.add({
      id: 'p1',
      blob: new Blob(['x'], { type: 'image/png' }),
      createdAt: '2026-11-02T12:00:00.000Z',
    });
    const text = await (await backupLedger(db)).text();
    expect(JSON.parse(text).data.data.map((t: { tableName: string }) => t.tableName)).not.toContain('photos');
  });

  it.each([
    ['not JSON', () => new Blob(['{"formatName":'])],
    [
      'a backup of another database',
      () => new Blob([JSON.stringify({ formatName: 'dexie', data: { data: [{ tableName: 'users', rows: [] }] } })]),
    ],
  ])('refuses %s and changes nothing', async (_, file) => {
    const db = await seeded();
    const before = await snapshot(db);
    const result = await restoreBackup(db, file());
    expect(result.ok).toBe(false);
    expect(await snapshot(db)).toEqual(before);
  });

  // 600 kg: over the 500 kg a choice can be credited, so a backup cannot inflate a study's outcome.
  it('refuses a backup with one forged event and changes nothing', async () => {
    const db = await seeded();
    const json = JSON.parse(await (await backupLedger(db)).text());
    const events = json.data.data.find((t: { tableName: string }) => t.tableName === 'events');
    const index = events.rows.findIndex((row: { type: string }) => row.type === 'choice-made');
    events.rows[index].data.avoidedKgCO2e = 600;
    const before = await snapshot(db);
    const result = await restoreBackup(db, new Blob([JSON.stringify(json)]));
    expect(result).toMatchObject({
      ok: false,
      error: `events[${index}] data.avoidedKgCO2e: must be a number from 0 to 500`,
    });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('photos in a backup', () => {
  it('reads a photo the dashboard stored as a File (written as a binary string) back byte for byte', async () => {
    // As dexie-export-import writes a File in Chromium: bytes from 0x80 as U+F780–U+F7FF.
    const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x7f, 0x80];
    const stringContents = String.fromCharCode(...bytes.map((b) => (b >= 0x80 ? 0xf700 + b : b)));
    const row = {
      id: 'p1',
      blob: { type: 'image/png', stringContents, name: 'proof.png', lastModified: 1 },
      createdAt: '2026-11-02T12:00:00.000Z',
      $types: { blob: 'file' },
    };
    const checked = checkPhotoRow(row, 'photos[0]');
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect([...new Uint8Array(await checked.value.blob.arrayBuffer())]).toEqual(bytes);
      expect(checked.value.blob.type).toBe('image/png');
      // The file's name and date are not kept.
      expect(Object.keys(checked.value).sort()).toEqual(['blob', 'createdAt', 'id']);
    }
    // readAsBinaryString's form (bytes as themselves) reads the same.
    const plain = checkPhotoRow(
      { ...row, blob: { ...row.blob, stringContents: String.fromCharCode(...bytes) } },
      'photos[0]',
    );
    expect(plain.ok && [...new Uint8Array(await plain.value.blob.arrayBuffer())]).toEqual(bytes);
    expect(checkPhotoRow({ ...row, blob: { ...row.blob, stringContents: '\u20ac' } }, 'photos[0]')).toEqual({
      ok: false,
      error: 'photos[0].blob.stringContents: must be one character per byte',
    });
  });
});

describe('restore checks every table', () => {
  /** A backup of a seeded ledger with one table's rows changed by `edit`. */
  async function editedBackup(edit: (tables: Record<string, Record<string, unknown>[]>) => void): Promise<Blob> {
    const db = await seeded();
    await writeSettings(db, { paused: false, disabledShops: ['www.ikea.com'], retentionDays: 365 });
    await enroll(db, restoreStudy, { consentAcceptedAt: new Date() });
    await db.badges.add({ id: 'first-action', earnedAt: '2026-11-02T12:00:00.000+00:00' });
    await db.photos.add({
      id: 'p1',
      blob: new Blob([new Uint8Array([1, 2])], { type: 'image/png' }),
      createdAt: '2026-11-02T12:00:00.000Z',
    });
    const json = JSON.parse(await (await backupLedger(db, { includePhotos: true })).text());
    const tables = Object.fromEntries(
      json.data.data.map((t: { tableName: string; rows: Record<string, unknown>[] }) => [t.tableName, t.rows]),
    );
    edit(tables);
    return new Blob([JSON.stringify(json)]);
  }
  const setting = (tables: Record<string, Record<string, unknown>[]>, key: string) =>
    tables.settings!.find((row) => row.key === key)!;

  const hostile: [string, (tables: Record<string, Record<string, unknown>[]>) => void, string | RegExp][] = [
    [
      'switched-off shops that are a number',
      (t) => (setting(t, 'disabledShops').value = 5),
      'settings.disabledShops: must be a list of lower-case shop host names',
    ],
    ['"no" for paused', (t) => (setting(t, 'paused').value = 'no'), 'settings.paused: must be true or false'],
    ['a negative retention', (t) => (setting(t, 'retentionDays').value = -1), /^settings\.retentionDays: must be null/],
    [
      'an unknown setting',
      (t) => t.settings!.push({ key: 'isAdmin', value: true }),
      /^settings\.key: "isAdmin" is not a setting/,
    ],
    [
      'an enrollment whose arm was changed by hand',
      (t) => {
        const current = setting(t, 'enrollment').value as { enrollment: { arm: string } };
        current.enrollment.arm = current.enrollment.arm === 'control' ? 'labels' : 'control';
      },
      'settings.enrollment.arm: participant id and arm do not follow from the seed',
    ],
    [
      'a product seen -3 times',
      (t) => (t.products![0]!.views = -3),
      'products[0].views: must be a whole number of at least 1',
    ],
    ['a product without a URL', (t) => delete t.products![0]!.url, /^products\[0\]\.url: must be a non-empty text/],
    [
      'a product first seen after it was last seen',
      (t) => (t.products![0]!.firstSeenAt = '2099-01-01T00:00:00.000+00:00'),
      'products[0].firstSeenAt: must not be after lastSeenAt',
    ],
    [
      'an action with a script for an id',
      (t) => (t.actions![0]!.actionId = '<script>'),
      'actions[0].actionId: must be an action id',
    ],
    ['a badge with no date', (t) => (t.badges![0]!.earnedAt = 7), /^badges\[0\]\.earnedAt:/],
    [
      'a badge dated "yesterday"',
      (t) => (t.badges![0]!.earnedAt = 'yesterday'),
      /^badges\[0\]\.earnedAt: must be an ISO 8601 time/,
    ],
    // Automatic deletion finds photos by their date: one with no date would stay for ever.
    [
      'a photo with no date',
      (t) => (t.photos![0]!.createdAt = ''),
      /^photos\[0\]\.createdAt: must be a non-empty text/,
    ],
    [
      'a photo dated "zzz"',
      (t) => (t.photos![0]!.createdAt = 'zzz'),
      /^photos\[0\]\.createdAt: must be an ISO 8601 time/,
    ],
    [
      'a photo whose data is base64 characters of a length base64 never has',
      (t) => ((t.photos![0]!.blob as { data: string }).data = 'A'),
      'photos[0].blob.data: must be base64 data',
    ],
    [
      'a photo that is HTML',
      (t) => ((t.photos![0]!.blob as { type: string }).type = 'text/html'),
      'photos[0].blob.type: must be an image media type',
    ],
  ];

  it.each(hostile)('refuses %s in one line naming table and field, and changes nothing', async (_, edit, message) => {
    const file = await editedBackup(edit);
    const db = await seeded();
    const before = { ...(await snapshot(db)), settings: await db.settings.toArray() };
    const result = await restoreBackup(db, file);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.error).not.toContain('\n');
    }
    expect({ ...(await snapshot(db)), settings: await db.settings.toArray() }).toEqual(before);
  });

  it('refuses a backup that gives a table twice (which rows were meant?), and changes nothing', async () => {
    const db = await seeded();
    const json = JSON.parse(await (await backupLedger(db)).text());
    json.data.data.push({ tableName: 'events', inbound: true, rows: [] });
    const before = await snapshot(db);
    expect(await restoreBackup(db, new Blob([JSON.stringify(json)]))).toEqual({
      ok: false,
      error: 'table "events" appears twice in backup',
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('restores every table of a good backup, settings and study included', async () => {
    const file = await editedBackup(() => {});
    const db = freshLedger();
    const result = await restoreBackup(db, file);
    expect(result).toEqual({
      ok: true,
      value: { events: 18, products: 1, actions: 3, badges: 1, photos: 1, settings: 5, keptEvents: 0, keptSettings: 0 },
    });
    const settings = await readSettings(db);
    expect(settings).toMatchObject({ disabledShops: ['www.ikea.com'], retentionDays: 365, paused: false });
    expect(settings.enrollment?.study.id).toBe(restoreStudy.id);
  });

  it('keeps the study seeds of this device when the backup predates joining: rejoining keeps participant and arm', async () => {
    const db = await seeded();
    const backup = await backupLedger(db);
    const joined = await enroll(db, restoreStudy, { consentAcceptedAt: new Date() });
    expect((await restoreBackup(db, backup)).ok).toBe(true);
    // The backup had no enrollment: the restored ledger is in no study, but joining again is the same participant.
    expect((await readSettings(db)).enrollment).toBeNull();
    const again = await enroll(db, restoreStudy, { consentAcceptedAt: new Date() });
    expect(again.enrollment.participantId).toBe(joined.enrollment.participantId);
    expect(again.enrollment.arm).toBe(joined.enrollment.arm);
  });

  it('keeps an event logged while the restore runs, and says so', async () => {
    const file = await editedBackup(() => {});
    const db = await seeded();
    const during = sampleEvent('product-viewed', '2026-11-30');
    const during2 = {
      ...during,
      id: crypto.randomUUID(),
      data: { product: { ...kettle, url: 'https://www.amazon.de/dp/B0DURING01' } },
    };
    // The event arrives while the file is being read and checked.
    const slowFile = {
      size: file.size,
      text: async () => {
        await logEvent(db, during2 as typeof during);
        // And the shopper pauses logging in the popup.
        await writeSettings(db, { paused: true });
        return file.text();
      },
    } as Blob;
    const result = await restoreBackup(db, slowFile);
    expect(result).toMatchObject({ ok: true, value: { events: 18, keptEvents: 1, keptSettings: 1 } });
    // The backup's other settings, the pause made meanwhile.
    expect(await readSettings(db)).toMatchObject({ paused: true, disabledShops: ['www.ikea.com'] });
    expect(await db.events.get(during2.id)).toBeDefined();
    expect(await db.products.get('https://www.amazon.de/dp/B0DURING01')).toMatchObject({ views: 1 });
    expect(await db.events.count()).toBe(19);
  });

  it('writes nothing when writing fails part-way, and keeps what was logged meanwhile', async () => {
    const file = await editedBackup(() => {});
    const db = await seeded();
    const during = sampleEvent('action-logged', '2026-11-30');
    const slowFile = {
      size: file.size,
      text: async () => {
        await logEvent(db, during);
        return file.text();
      },
    } as Blob;
    const before = { ...(await snapshot(db)), settings: await db.settings.toArray() };
    vi.spyOn(db.badges, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    const result = await restoreBackup(db, slowFile);
    expect(result).toEqual({ ok: false, error: 'the backup could not be written, nothing changed (disk full)' });
    const after = { ...(await snapshot(db)), settings: await db.settings.toArray() };
    expect(after.events.map((e) => e.id).sort()).toEqual([...before.events.map((e) => e.id), during.id].sort());
    expect(after.settings).toEqual(before.settings);
  });
});
