// The ledger's Dexie database. It lives in the extension's own origin (background and
// extension pages); content scripts reach it only through messages.

import Dexie, { type EntityTable } from 'dexie';

export const EVENT_SCHEMA_VERSION = 1;

export interface LedgerEvent {
  /** UUID v4. */
  id: string;
  type: 'product-viewed';
  /** ISO 8601 timestamp with the shopper's UTC offset. */
  at: string;
  /** IANA time zone of the shopper when the event happened. */
  timeZone: string;
  schemaVersion: number;
  shopHost: string;
  data: Record<string, unknown>;
}

export type LedgerDb = Dexie & { events: EntityTable<LedgerEvent, 'id'> };

export function openLedger(name = 'carbon-ledger'): LedgerDb {
  const db = new Dexie(name) as LedgerDb;
  db.version(1).stores({ events: 'id, type, at, shopHost' });
  return db;
}

/** The local time as an ISO string with its UTC offset, e.g. 2026-11-23T14:05:00.000+01:00. */
export function localIsoTimestamp(date = new Date()): string {
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, -1);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
