// The research export: the event log in a documented, versioned format (docs/export-format.md,
// docs/export-format.schema.json), as JSON or CSV. Reading one checks the whole file before
// anything is used, and names the first problem in one line.

import {
  type Checked,
  type Choice,
  EVENT_SCHEMA_VERSION,
  type EventType,
  type LedgerEvent,
  validateEvent,
} from '../events.ts';
import { csvCell } from './csv-cell.ts';

export const EXPORT_FORMAT = 'carbon-ledger-research-export';
export const EXPORT_VERSION = 1;

/** Study metadata a participant bundle carries (the research issue fills it). */
export interface ExportStudy {
  id: string;
  title: string;
}

export interface ExportPhoto {
  id: string;
  mediaType: string;
  base64: string;
}

export interface ResearchExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  eventSchemaVersion: number;
  exportedAt: string;
  study: ExportStudy | null;
  events: LedgerEvent[];
  /** Only when the shopper asked for photos to be included. */
  photos?: ExportPhoto[];
}

export function researchExport(
  events: readonly LedgerEvent[],
  options: { exportedAt: string; study?: ExportStudy | null; photos?: ExportPhoto[] },
): ResearchExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    eventSchemaVersion: EVENT_SCHEMA_VERSION,
    exportedAt: options.exportedAt,
    study: options.study ?? null,
    events: [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1)),
    ...(options.photos ? { photos: options.photos } : {}),
  };
}

/** Largest file we read: about 2 million events. Bigger studies are read by the analysis toolkit. */
export const MAX_EXPORT_BYTES = 1_000_000_000;

/**
 * Base64 that atob reads: its characters, padding only to a multiple of 4, and never one character
 * over a group of 4 ("A" passes a character test but is no data).
 */
const isBase64 = (text: string): boolean => {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return false;
  const body = text.replace(/=+$/, '');
  return body.length % 4 !== 1 && (body.length === text.length || text.length % 4 === 0);
};

/** Parses and checks a research export; every event is validated before the result is returned. */
export function parseResearchExport(text: string): Checked<ResearchExport> {
  if (text.length > MAX_EXPORT_BYTES) return { ok: false, error: 'file is larger than 1 GB' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON (${(error as Error).message})` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: 'not a Carbon Ledger export (expected a JSON object)' };
  }
  const file = json as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT) {
    return { ok: false, error: `not a Carbon Ledger export (format is ${JSON.stringify(file.format) ?? 'missing'})` };
  }
  if (!Number.isInteger(file.version) || (file.version as number) < 1 || (file.version as number) > EXPORT_VERSION) {
    return {
      ok: false,
      error: `export version ${JSON.stringify(file.version)} is not one this version reads (1–${EXPORT_VERSION})`,
    };
  }
  if (!Array.isArray(file.events)) return { ok: false, error: 'events: must be a list' };
  const events: LedgerEvent[] = [];
  const ids = new Set<string>();
  for (const [index, raw] of (file.events as unknown[]).entries()) {
    const checked = validateEvent(raw);
    if (!checked.ok) return { ok: false, error: `events[${index}] ${checked.error}` };
    if (ids.has(checked.value.id))
      return { ok: false, error: `events[${index}] id: ${checked.value.id} appears twice` };
    ids.add(checked.value.id);
    events.push(checked.value);
  }
  let photos: ExportPhoto[] | undefined;
  if (file.photos !== undefined) {
    if (!Array.isArray(file.photos)) return { ok: false, error: 'photos: must be a list' };
    photos = [];
    for (const [index, raw] of (file.photos as unknown[]).entries()) {
      const photo = raw as Partial<ExportPhoto> | null;
      if (
        typeof photo?.id !== 'string' ||
        typeof photo.mediaType !== 'string' ||
        !/^image\/[a-z0-9.+-]+$/.test(photo.mediaType) ||
        photo.id.length === 0 ||
        photo.id.length > 100 ||
        typeof photo.base64 !== 'string' ||
        !isBase64(photo.base64)
      ) {
        return { ok: false, error: `photos[${index}]: must have an id, an image media type and base64 data` };
      }
      photos.push({ id: photo.id, mediaType: photo.mediaType, base64: photo.base64 });
    }
  }
  const study = file.study as ExportStudy | null | undefined;
  if (study !== null && study !== undefined && (typeof study.id !== 'string' || typeof study.title !== 'string')) {
    return { ok: false, error: 'study: must be null or have an id and a title' };
  }
  return {
    ok: true,
    value: {
      format: EXPORT_FORMAT,
      version: file.version as number,
      eventSchemaVersion: Number(file.eventSchemaVersion) || EVENT_SCHEMA_VERSION,
      exportedAt: String(file.exportedAt ?? ''),
      study: study ?? null,
      events,
      ...(photos ? { photos } : {}),
    },
  };
}

/** CSV columns, one row per event; fields that do not apply to an event type are empty. */
export const CSV_COLUMNS = [
  'id',
  'type',
  'at',
  'timeZone',
  'schemaVersion',
  'shopHost',
  'studyId',
  'arm',
  'participantId',
  'productTitle',
  'productUrl',
  'priceAmount',
  'priceCurrency',
  'brand',
  'category',
  'kgCO2e',
  'low',
  'high',
  'method',
  'choice',
  'alternativeKind',
  'alternativeTitle',
  'alternativeUrl',
  'alternativesShown',
  'avoidedKgCO2e',
  'actionId',
  'photoId',
] as const;

/** A research CSV column. */
export type ExportColumn = (typeof CSV_COLUMNS)[number];

/**
 * One event as a flat row with the research CSV's columns, typed: what the dashboard's CSV export
 * writes and what every analysis reader yields and every writer (CSV, Parquet) takes. The one
 * mapping from an event to a row; fields that do not apply to an event's type are null.
 */
export interface ExportRow {
  id: string;
  type: EventType;
  at: string;
  timeZone: string;
  schemaVersion: number;
  shopHost: string | null;
  studyId: string | null;
  arm: string | null;
  participantId: string | null;
  productTitle: string | null;
  productUrl: string | null;
  priceAmount: number | null;
  priceCurrency: string | null;
  brand: string | null;
  category: string | null;
  kgCO2e: number | null;
  low: number | null;
  high: number | null;
  method: string | null;
  choice: Choice | null;
  alternativeKind: string | null;
  alternativeTitle: string | null;
  alternativeUrl: string | null;
  alternativesShown: number | null;
  /** kg CO2e avoided: a greener choice's credit, or an everyday action's grams / 1000. */
  avoidedKgCO2e: number | null;
  actionId: string | null;
  photoId: string | null;
}

/** The columns holding numbers (the rest hold text). */
export const NUMBER_COLUMNS: ReadonlySet<ExportColumn> = new Set<ExportColumn>([
  'schemaVersion',
  'priceAmount',
  'kgCO2e',
  'low',
  'high',
  'alternativesShown',
  'avoidedKgCO2e',
]);

/** A checked event as a research export row. */
export function exportRow(event: LedgerEvent): ExportRow {
  const product = 'product' in event.data ? event.data.product : null;
  const alternative =
    event.type === 'alternative-opened' || event.type === 'choice-made' ? event.data.alternative : null;
  return {
    id: event.id,
    type: event.type,
    at: event.at,
    timeZone: event.timeZone,
    schemaVersion: event.schemaVersion,
    shopHost: event.shopHost,
    studyId: event.study?.studyId ?? null,
    arm: event.study?.arm ?? null,
    participantId: event.study?.participantId ?? null,
    productTitle: product?.title ?? null,
    productUrl: product?.url ?? null,
    priceAmount: product?.price?.amount ?? null,
    priceCurrency: product?.price?.currency ?? null,
    brand: product?.brand ?? null,
    category: product?.category ?? null,
    kgCO2e: product?.kgCO2e ?? null,
    low: product?.low ?? null,
    high: product?.high ?? null,
    method: product?.method ?? null,
    choice: event.type === 'choice-made' ? event.data.choice : null,
    alternativeKind: alternative?.kind ?? null,
    alternativeTitle: alternative?.title ?? null,
    alternativeUrl: alternative?.url ?? null,
    alternativesShown: event.type === 'alternatives-shown' ? event.data.alternatives.length : null,
    avoidedKgCO2e:
      event.type === 'choice-made'
        ? event.data.avoidedKgCO2e
        : event.type === 'action-logged'
          ? event.data.avoidedGramsCO2e / 1000
          : null,
    actionId: event.type === 'action-logged' ? event.data.actionId : null,
    photoId: event.type === 'action-logged' ? event.data.photoId : null,
  };
}

/** One CSV line of a row: every column in order, text made safe for spreadsheets (`csvCell`). */
export const csvLine = (row: ExportRow): string => CSV_COLUMNS.map((column) => csvCell(row[column])).join(',');

/**
 * The export as CSV. The first line names format and version as a comment
 * (`pandas.read_csv(path, comment='#')`, Arquero `loadCSV(path, { skip: 1 })`). Text cells that a
 * spreadsheet would run as a formula start with a single quote (`csvCell`).
 */
export function researchCsv(events: readonly LedgerEvent[]): string {
  const lines = [`# format=${EXPORT_FORMAT}; version=${EXPORT_VERSION}`, CSV_COLUMNS.join(',')];
  for (const event of researchExport(events, { exportedAt: '' }).events) {
    lines.push(csvLine(exportRow(event)));
  }
  return `${lines.join('\n')}\n`;
}
