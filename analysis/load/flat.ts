// One event as a flat row with the research CSV's columns: the mapping itself lives in
// shared/export/research.ts (the extension's CSV export uses it too); here, the check of a row read
// back from CSV or Parquet, where the nested structure is gone.

import { CHOICES, EVENT_TYPES } from '../../shared/events.ts';
import { type ExportColumn, type ExportRow, exportRow, NUMBER_COLUMNS } from '../../shared/export/research.ts';

/** The research CSV's columns (shared/export/research.ts). */
export type FlatColumn = ExportColumn;
/** An event as a flat row: the one mapping is `exportRow` in shared/export/research.ts. */
export type FlatEvent = ExportRow;
export { NUMBER_COLUMNS };
/** A validated event as a flat row (the research CSV's mapping, shared with the extension). */
export const flattenEvent = exportRow;

const LOCAL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?([+-]\d\d:\d\d|Z)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Checks a flat row read from CSV or Parquet (where the nested structure is gone) and returns it
 * typed, or throws `column: problem`. The rules are those of `validateEvent` that survive flattening.
 */
const text = (raw: unknown): string | null => (raw === undefined || raw === null || raw === '' ? null : String(raw));
function amount(raw: unknown, column: FlatColumn): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const value = typeof raw === 'number' ? raw : Number(raw);
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new Error(`${column}: must be a non-negative number, got ${JSON.stringify(String(raw))}`);
  }
  return value;
}

export function checkFlatRow(row: Record<string, unknown>): FlatEvent {
  // One object literal, so every row has the same shape (a loop of assignments would not).
  const flat = {
    id: text(row.id),
    type: text(row.type),
    at: text(row.at),
    timeZone: text(row.timeZone),
    schemaVersion: amount(row.schemaVersion, 'schemaVersion'),
    shopHost: text(row.shopHost),
    studyId: text(row.studyId),
    arm: text(row.arm),
    participantId: text(row.participantId),
    productTitle: text(row.productTitle),
    productUrl: text(row.productUrl),
    priceAmount: amount(row.priceAmount, 'priceAmount'),
    priceCurrency: text(row.priceCurrency),
    brand: text(row.brand),
    category: text(row.category),
    kgCO2e: amount(row.kgCO2e, 'kgCO2e'),
    low: amount(row.low, 'low'),
    high: amount(row.high, 'high'),
    method: text(row.method),
    choice: text(row.choice),
    alternativeKind: text(row.alternativeKind),
    alternativeTitle: text(row.alternativeTitle),
    alternativeUrl: text(row.alternativeUrl),
    alternativesShown: amount(row.alternativesShown, 'alternativesShown'),
    avoidedKgCO2e: amount(row.avoidedKgCO2e, 'avoidedKgCO2e'),
    actionId: text(row.actionId),
    photoId: text(row.photoId),
  } as FlatEvent;
  if (!flat.id || !UUID.test(flat.id)) throw new Error(`id: must be a UUID, got ${JSON.stringify(flat.id)}`);
  if (!EVENT_TYPES.includes(flat.type)) throw new Error(`type: must be one of ${EVENT_TYPES.join(', ')}`);
  if (!flat.at || !LOCAL_ISO.test(flat.at)) throw new Error('at: must be an ISO 8601 time with its UTC offset');
  if (flat.choice !== null && !CHOICES.includes(flat.choice)) {
    throw new Error(`choice: must be one of ${CHOICES.join(', ')}`);
  }
  if (flat.type === 'choice-made' && flat.choice === null) throw new Error('choice: missing on a choice-made event');
  if ((flat.studyId === null) !== (flat.arm === null)) throw new Error('studyId, arm: give both or neither');
  return flat;
}
