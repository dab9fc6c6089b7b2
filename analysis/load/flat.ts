// One event as a flat row with the research CSV's columns (shared/export/research.ts), typed:
// the shape every reader yields and every writer (CSV, Parquet) takes.

import { CHOICES, type Choice, EVENT_TYPES, type EventType, type LedgerEvent } from '../../shared/events.ts';
import type { CSV_COLUMNS } from '../../shared/export/research.ts';

export type FlatColumn = (typeof CSV_COLUMNS)[number];

export interface FlatEvent {
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
  /** kg CO2e avoided: a greener choice's estimate, or an everyday action's grams / 1000. */
  avoidedKgCO2e: number | null;
  actionId: string | null;
  photoId: string | null;
}

export const NUMBER_COLUMNS = new Set<FlatColumn>([
  'schemaVersion',
  'priceAmount',
  'kgCO2e',
  'low',
  'high',
  'alternativesShown',
  'avoidedKgCO2e',
]);

/** A validated event as a flat row (the same mapping as the research CSV). */
export function flattenEvent(event: LedgerEvent): FlatEvent {
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
