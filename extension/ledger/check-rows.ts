// Checks the rows of every ledger table as they come from outside (a backup file): types, ranges
// and required fields, one problem named as `table[row].field: what is wrong`. Each check returns
// a clean copy holding only the table's fields, so nothing unexpected is ever written.

import { type Checked, validateEvent } from '../../shared/events.ts';
import { validateEnrollment } from '../../shared/study/enrollment.ts';
import { validateStudy } from '../../shared/study/study.ts';
import type { EarnedBadgeRow, LedgerSettings, LoggedAction, PhotoProof, SeenProduct, SettingRow } from './db.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const LOCAL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?([+-]\d\d:\d\d|Z)$/;
const HOST = /^[a-z0-9.-]{1,253}(:\d{1,5})?$/;
const SLUG = /^[a-z0-9-]{1,60}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const SEED = /^[0-9a-f]{32}$/;
/** Longest automatic-deletion period the privacy settings offer, with room: 100 years. */
const MAX_RETENTION_DAYS = 36_500;

class Invalid extends Error {}
const fail = (field: string, problem: string): never => {
  throw new Invalid(`${field}: ${problem}`);
};
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const record = (value: unknown, field: string) => (isRecord(value) ? value : fail(field, 'must be an object'));
const text = (value: unknown, field: string, max = 1000): string =>
  typeof value === 'string' && value.length > 0 && value.length <= max
    ? value
    : fail(field, `must be a non-empty text of at most ${max} characters`);
const time = (value: unknown, field: string): string => {
  const at = text(value, field, 40);
  return LOCAL_ISO.test(at) && !Number.isNaN(Date.parse(at))
    ? at
    : fail(field, 'must be an ISO 8601 time with its UTC offset');
};

/** Runs one row's check, turning the first problem into `where.field: problem`. */
function checked<T>(where: string, check: () => T): Checked<T> {
  try {
    return { ok: true, value: check() };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: `${where}.${error.message}` };
    throw error;
  }
}

export function checkProductRow(raw: unknown, where: string): Checked<SeenProduct> {
  return checked(where, () => {
    const row = record(raw, 'row');
    const url = text(row.url, 'url', 4000);
    if (!/^https?:\/\//.test(url) || !URL.canParse(url)) fail('url', 'must be an http(s) URL');
    const shopHost = text(row.shopHost, 'shopHost', 260);
    if (!HOST.test(shopHost)) fail('shopHost', 'must be a lower-case host name');
    const kgCO2e = row.kgCO2e;
    if (kgCO2e !== null && !(typeof kgCO2e === 'number' && Number.isFinite(kgCO2e) && kgCO2e >= 0 && kgCO2e <= 1e7)) {
      fail('kgCO2e', 'must be null or a number from 0 to 10000000');
    }
    const firstSeenAt = time(row.firstSeenAt, 'firstSeenAt');
    const lastSeenAt = time(row.lastSeenAt, 'lastSeenAt');
    if (Date.parse(firstSeenAt) > Date.parse(lastSeenAt)) fail('firstSeenAt', 'must not be after lastSeenAt');
    const views = row.views;
    if (!(Number.isInteger(views) && (views as number) >= 1 && (views as number) <= 1e9)) {
      fail('views', 'must be a whole number of at least 1');
    }
    return {
      url,
      shopHost,
      title: text(row.title, 'title'),
      category: row.category === null ? null : text(row.category, 'category', 100),
      kgCO2e: kgCO2e as number | null,
      firstSeenAt,
      lastSeenAt,
      views: views as number,
    };
  });
}

export function checkActionRow(raw: unknown, where: string): Checked<LoggedAction> {
  return checked(where, () => {
    const row = record(raw, 'row');
    return {
      id: UUID.test(String(row.id)) ? String(row.id) : fail('id', 'must be a UUID'),
      actionId: SLUG.test(String(row.actionId)) ? String(row.actionId) : fail('actionId', 'must be an action id'),
      at: time(row.at, 'at'),
      photoId: row.photoId === null ? null : text(row.photoId, 'photoId', 100),
    };
  });
}

export function checkBadgeRow(raw: unknown, where: string): Checked<EarnedBadgeRow> {
  return checked(where, () => {
    const row = record(raw, 'row');
    return {
      id: SLUG.test(String(row.id)) ? String(row.id) : fail('id', 'must be a badge id'),
      earnedAt: time(row.earnedAt, 'earnedAt'),
    };
  });
}

/** A photo row of a dexie-export-import backup: the image as `{ type, data: base64 }`. */
export function checkPhotoRow(raw: unknown, where: string): Checked<PhotoProof> {
  return checked(where, () => {
    const row = record(raw, 'row');
    const blob = record(row.blob, 'blob');
    const type = String(blob.type);
    if (!/^image\/[a-z0-9.+-]+$/.test(type)) fail('blob.type', 'must be an image media type');
    let binary = '';
    if (typeof blob.stringContents === 'string' && !('data' in blob)) {
      // A File, as dexie-export-import wrote photos of earlier versions: one character per byte,
      // bytes from 0x80 as U+F780–U+F7FF (the "x-user-defined" charset) or as themselves.
      const byteChar = (code: number) => code <= 0xff || (code >= 0xf780 && code <= 0xf7ff);
      if (!Array.prototype.every.call(blob.stringContents, (c: string) => byteChar(c.charCodeAt(0))))
        fail('blob.stringContents', 'must be one character per byte');
      binary = blob.stringContents.replace(/[\uf780-\uf7ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) & 0xff));
    } else {
      if (typeof blob.data !== 'string' || !BASE64.test(blob.data)) fail('blob.data', 'must be base64 data');
      try {
        binary = atob(blob.data as string);
      } catch {
        // "A" or "abcde": base64 characters, but not a length base64 comes in.
        fail('blob.data', 'must be base64 data');
      }
    }
    return {
      id: text(row.id, 'id', 100),
      blob: new Blob([Uint8Array.from(binary, (c) => c.charCodeAt(0))], { type }),
      // A time, so automatic deletion can find the photo by its date (a text like "" never would).
      createdAt: time(row.createdAt, 'createdAt'),
    };
  });
}

/** Each setting's own check: a wrong type here would stop logging or break every shop message. */
const SETTING_CHECKS: { [K in keyof LedgerSettings]-?: (value: unknown) => LedgerSettings[K] } = {
  paused: (value) => (typeof value === 'boolean' ? value : fail('paused', 'must be true or false')),
  disabledShops: (value) =>
    Array.isArray(value) && value.length <= 10_000 && value.every((host) => typeof host === 'string' && HOST.test(host))
      ? [...new Set(value as string[])]
      : fail('disabledShops', 'must be a list of lower-case shop host names'),
  retentionDays: (value) =>
    value === null || (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_RETENTION_DAYS)
      ? (value as number | null)
      : fail(
          'retentionDays',
          `must be null (keep everything) or a whole number of days from 1 to ${MAX_RETENTION_DAYS}`,
        ),
  persisted: (value) =>
    value === null || typeof value === 'boolean' ? value : fail('persisted', 'must be true, false or null'),
  enrollment: (value) => {
    if (value === null) return null;
    const current = record(value, 'enrollment');
    const study = validateStudy(current.study);
    const field = (line: string) => line.slice(0, line.indexOf(': '));
    const what = (line: string) => line.slice(line.indexOf(': ') + 2);
    if (!study.ok) return fail(`enrollment.study.${field(study.errors[0]!)}`, what(study.errors[0]!));
    const enrollment = validateEnrollment(current.enrollment, study.value);
    if (!enrollment.ok) return fail(`enrollment.${field(enrollment.error)}`, what(enrollment.error));
    return { study: study.value, enrollment: enrollment.value };
  },
  studySeeds: (value) =>
    isRecord(value) &&
    Object.entries(value).every(([study, seed]) => /^[a-z0-9][a-z0-9-]{0,63}$/.test(study) && SEED.test(String(seed)))
      ? { ...(value as Record<string, string>) }
      : fail('studySeeds', 'must map study ids to 32 hex digits'),
};

export function checkSettingRow(raw: unknown, where: string): Checked<SettingRow> {
  return checked(where, () => {
    const row = record(raw, 'row');
    const key = row.key as keyof LedgerSettings;
    if (typeof key !== 'string' || !Object.hasOwn(SETTING_CHECKS, key)) {
      fail('key', `${JSON.stringify(row.key)} is not a setting of this version`);
    }
    return { key, value: SETTING_CHECKS[key](row.value) } as SettingRow;
  });
}

/** Checks each row in turn and keeps the clean copies; the first problem ends the check. */
export function checkRows<T>(
  table: string,
  rows: unknown,
  check: (row: unknown, where: string) => Checked<T>,
): Checked<T[]> {
  if (!Array.isArray(rows)) return { ok: false, error: `${table}: rows must be a list` };
  const clean: T[] = [];
  for (const [index, row] of rows.entries()) {
    const one = check(row, `${table}[${index}]`);
    if (!one.ok) return one;
    clean.push(one.value);
  }
  return { ok: true, value: clean };
}

/** Events: the export's event checks, each id once. */
export function checkEventRow(raw: unknown, where: string) {
  const one = validateEvent(raw);
  return one.ok ? one : { ok: false as const, error: `${where} ${one.error}` };
}
