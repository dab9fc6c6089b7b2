// The research export: the event log in a documented, versioned format (docs/export-format.md,
// docs/export-format.schema.json), as JSON or CSV. Reading one checks the whole file before
// anything is used, and names the first problem in one line.

import { type Checked, EVENT_SCHEMA_VERSION, type LedgerEvent, validateEvent } from '../events.ts';
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

type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

function csvRow(event: LedgerEvent): CsvRow {
  const row: CsvRow = {
    id: event.id,
    type: event.type,
    at: event.at,
    timeZone: event.timeZone,
    schemaVersion: event.schemaVersion,
    shopHost: event.shopHost,
    studyId: event.study?.studyId,
    arm: event.study?.arm,
    participantId: event.study?.participantId,
  };
  if ('product' in event.data) {
    const p = event.data.product;
    Object.assign(row, {
      productTitle: p.title,
      productUrl: p.url,
      priceAmount: p.price?.amount,
      priceCurrency: p.price?.currency,
      brand: p.brand,
      category: p.category,
      kgCO2e: p.kgCO2e,
      low: p.low,
      high: p.high,
      method: p.method,
    });
  }
  switch (event.type) {
    case 'alternatives-shown':
      row.alternativesShown = event.data.alternatives.length;
      break;
    case 'alternative-opened':
    case 'choice-made': {
      const alternative = event.data.alternative;
      row.alternativeKind = alternative?.kind;
      row.alternativeTitle = alternative?.title;
      row.alternativeUrl = alternative?.url;
      if (event.type === 'choice-made') {
        row.choice = event.data.choice;
        row.avoidedKgCO2e = event.data.avoidedKgCO2e;
      }
      break;
    }
    case 'action-logged':
      row.actionId = event.data.actionId;
      row.avoidedKgCO2e = event.data.avoidedGramsCO2e / 1000;
      row.photoId = event.data.photoId;
      break;
  }
  return row;
}

/**
 * The export as CSV. The first line names format and version as a comment
 * (`pandas.read_csv(path, comment='#')`, Arquero `loadCSV(path, { skip: 1 })`). Text cells that a
 * spreadsheet would run as a formula start with a single quote (`csvCell`).
 */
export function researchCsv(events: readonly LedgerEvent[]): string {
  const lines = [`# format=${EXPORT_FORMAT}; version=${EXPORT_VERSION}`, CSV_COLUMNS.join(',')];
  for (const event of researchExport(events, { exportedAt: '' }).events) {
    const row = csvRow(event);
    lines.push(CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
  }
  return `${lines.join('\n')}\n`;
}
