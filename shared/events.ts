// The ledger's event schema: one record per thing that happened, the same in the extension's
// database, in research exports and in the analysis toolkit. Documented in docs/export-format.md;
// every event is checked by `validateEvent` before it is written or imported.

/** Bumped when an event's shape changes; readers accept every version up to this one. */

export const EVENT_SCHEMA_VERSION = 1;

/**
 * The most one choice is credited with, kg CO2e. A choice's saving is the difference between two
 * items of a kind; the largest item in ADEME's table of typical household goods (a wardrobe) is
 * about 907 kg CO2e made, used and disposed of, so a saving above 500 kg would mean choosing an item
 * of half the footprint of the largest household good. Savings above it come from an estimate driven
 * by an implausible price (a page may claim any price up to 1e8), not from a real decision; the
 * excess is not credited, and an event claiming more is refused (import, restore, `validate`).
 */
export const MAX_AVOIDED_KG_PER_CHOICE = 500;

export const EVENT_TYPES = [
  'product-viewed',
  'alternatives-shown',
  'alternative-opened',
  'choice-made',
  'action-logged',
  'purchase-marked',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type Choice = 'greener' | 'kept' | 'dismissed';
export const CHOICES: readonly Choice[] = ['greener', 'kept', 'dismissed'];

/** What the ledger keeps of a product: enough to aggregate by category and shop, no page content. */
export interface ProductSummary {
  title: string;
  url: string;
  price: { amount: number; currency: string } | null;
  brand: string | null;
  /** Our category id (shared/footprint taxonomy), or null when unknown. */
  category: string | null;
  /** Central estimate, kg CO2e, or null when we could not estimate. */
  kgCO2e: number | null;
  low: number | null;
  high: number | null;
  method: string | null;
}

export interface AlternativeSummary {
  /** e.g. 'on-page', 'second-hand', 'efficient-variant', 'action'. */
  kind: string;
  title: string;
  url: string | null;
  avoidedKgCO2e: number;
}

/** Study membership stamped on every event while the shopper is enrolled (research issue). */
export interface StudyStamp {
  studyId: string;
  arm: string;
  participantId: string;
}

interface EventBase<T extends EventType, D> {
  /** UUID v4. */
  id: string;
  type: T;
  /** ISO 8601 local time with its UTC offset, e.g. 2026-11-23T14:05:00.000+01:00. */
  at: string;
  /** IANA time zone of the shopper when it happened. */
  timeZone: string;
  schemaVersion: number;
  /** Host of the shop the event happened on; null for everyday actions. */
  shopHost: string | null;
  study?: StudyStamp | null;
  data: D;
}

export type ProductViewedEvent = EventBase<'product-viewed', { product: ProductSummary }>;
export type AlternativesShownEvent = EventBase<
  'alternatives-shown',
  { product: ProductSummary; alternatives: AlternativeSummary[] }
>;
export type AlternativeOpenedEvent = EventBase<
  'alternative-opened',
  { product: ProductSummary; alternative: AlternativeSummary }
>;
export type ChoiceMadeEvent = EventBase<
  'choice-made',
  {
    product: ProductSummary;
    choice: Choice;
    /** The alternative taken, for a greener choice. */
    alternative: AlternativeSummary | null;
    /** Emissions avoided by the choice, kg CO2e; 0 unless greener. Computed by the background. */
    avoidedKgCO2e: number;
  }
>;
export type ActionLoggedEvent = EventBase<
  'action-logged',
  {
    /** Id in the action catalogue. */
    actionId: string;
    /** Grams CO2e the catalogue credits one occurrence with. */
    avoidedGramsCO2e: number;
    /** Id of a photo proof kept on the device, or null. */
    photoId: string | null;
  }
>;
export type PurchaseMarkedEvent = EventBase<'purchase-marked', { product: ProductSummary }>;

export type LedgerEvent =
  | ProductViewedEvent
  | AlternativesShownEvent
  | AlternativeOpenedEvent
  | ChoiceMadeEvent
  | ActionLoggedEvent
  | PurchaseMarkedEvent;

export type EventOf<T extends EventType> = Extract<LedgerEvent, { type: T }>;

/** Validation result: the event, or the first problem as `field: what is wrong`. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const LOCAL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?([+-]\d\d:\d\d|Z)$/;
const HOST = /^[a-z0-9.-]{1,253}(:\d{1,5})?$/;
const MAX_TEXT = 1000;

class Invalid extends Error {}
const fail = (field: string, problem: string): never => {
  throw new Invalid(`${field}: ${problem}`);
};

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const record = (value: unknown, field: string): Json => (isRecord(value) ? value : fail(field, 'must be an object'));
const text = (value: unknown, field: string, max = MAX_TEXT): string =>
  typeof value === 'string' && value.length > 0 && value.length <= max
    ? value
    : fail(field, `must be a non-empty string of at most ${max} characters`);
const textOrNull = (value: unknown, field: string, max = MAX_TEXT): string | null =>
  value === null || value === undefined ? null : text(value, field, max);
const number = (value: unknown, field: string, min: number, max: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
    ? value
    : fail(field, `must be a number from ${min} to ${max}`);
const numberOrNull = (value: unknown, field: string, min: number, max: number): number | null =>
  value === null || value === undefined ? null : number(value, field, min, max);
const httpUrl = (value: unknown, field: string): string => {
  const url = text(value, field, 4000);
  return /^https?:\/\//.test(url) && URL.canParse(url) ? url : fail(field, 'must be an http(s) URL');
};

function checkProduct(value: unknown, field: string): ProductSummary {
  const p = record(value, field);
  let price: ProductSummary['price'] = null;
  if (p.price !== null && p.price !== undefined) {
    const money = record(p.price, `${field}.price`);
    price = {
      amount: number(money.amount, `${field}.price.amount`, 0, 1e8),
      currency: /^[A-Z]{3}$/.test(String(money.currency))
        ? String(money.currency)
        : fail(`${field}.price.currency`, 'must be an ISO 4217 code'),
    };
  }
  const kgCO2e = numberOrNull(p.kgCO2e, `${field}.kgCO2e`, 0, 1e7);
  const low = numberOrNull(p.low, `${field}.low`, 0, 1e7);
  const high = numberOrNull(p.high, `${field}.high`, 0, 1e7);
  if (kgCO2e !== null && low !== null && high !== null && !(low <= kgCO2e && kgCO2e <= high)) {
    fail(`${field}.kgCO2e`, 'must lie between low and high');
  }
  return {
    title: text(p.title, `${field}.title`),
    url: httpUrl(p.url, `${field}.url`),
    price,
    brand: textOrNull(p.brand, `${field}.brand`, 200),
    category: textOrNull(p.category, `${field}.category`, 100),
    kgCO2e,
    low,
    high,
    method: textOrNull(p.method, `${field}.method`, 200),
  };
}

function checkAlternative(value: unknown, field: string): AlternativeSummary {
  const a = record(value, field);
  return {
    kind: text(a.kind, `${field}.kind`, 50),
    title: text(a.title, `${field}.title`),
    url: a.url === null || a.url === undefined ? null : httpUrl(a.url, `${field}.url`),
    avoidedKgCO2e: number(a.avoidedKgCO2e, `${field}.avoidedKgCO2e`, 0, 1e6),
  };
}

function checkData(type: EventType, value: unknown): LedgerEvent['data'] {
  const d = record(value, 'data');
  switch (type) {
    case 'product-viewed':
    case 'purchase-marked':
      return { product: checkProduct(d.product, 'data.product') };
    case 'alternatives-shown': {
      if (!Array.isArray(d.alternatives) || d.alternatives.length > 50) {
        fail('data.alternatives', 'must be a list of at most 50 alternatives');
      }
      return {
        product: checkProduct(d.product, 'data.product'),
        alternatives: (d.alternatives as unknown[]).map((a, i) => checkAlternative(a, `data.alternatives[${i}]`)),
      };
    }
    case 'alternative-opened':
      return {
        product: checkProduct(d.product, 'data.product'),
        alternative: checkAlternative(d.alternative, 'data.alternative'),
      };
    case 'choice-made': {
      const choice = CHOICES.includes(d.choice as Choice)
        ? (d.choice as Choice)
        : fail('data.choice', `must be one of ${CHOICES.join(', ')}`);
      const avoidedKgCO2e = number(d.avoidedKgCO2e, 'data.avoidedKgCO2e', 0, MAX_AVOIDED_KG_PER_CHOICE);
      if (choice !== 'greener' && avoidedKgCO2e !== 0)
        fail('data.avoidedKgCO2e', 'must be 0 unless the choice is greener');
      return {
        product: checkProduct(d.product, 'data.product'),
        choice,
        alternative:
          d.alternative === null || d.alternative === undefined
            ? null
            : checkAlternative(d.alternative, 'data.alternative'),
        avoidedKgCO2e,
      };
    }
    case 'action-logged':
      return {
        actionId: /^[a-z0-9-]{1,60}$/.test(String(d.actionId))
          ? String(d.actionId)
          : fail('data.actionId', 'must be an action catalogue id'),
        avoidedGramsCO2e: number(d.avoidedGramsCO2e, 'data.avoidedGramsCO2e', 0, 1e7),
        photoId: d.photoId === null || d.photoId === undefined ? null : text(d.photoId, 'data.photoId', 100),
      };
  }
}

function checkStudy(value: unknown): StudyStamp | null {
  if (value === null || value === undefined) return null;
  const s = record(value, 'study');
  return {
    studyId: text(s.studyId, 'study.studyId', 100),
    arm: text(s.arm, 'study.arm', 100),
    participantId: text(s.participantId, 'study.participantId', 100),
  };
}

/**
 * Checks an event from anywhere (a message, an import file) field by field and returns a clean
 * copy holding only the fields of the schema, or the first problem found.
 */
export function validateEvent(value: unknown): Checked<LedgerEvent> {
  try {
    const e = record(value, 'event');
    const type = EVENT_TYPES.includes(e.type as EventType)
      ? (e.type as EventType)
      : fail('type', `must be one of ${EVENT_TYPES.join(', ')}`);
    const schemaVersion = number(e.schemaVersion, 'schemaVersion', 1, EVENT_SCHEMA_VERSION);
    if (!Number.isInteger(schemaVersion)) fail('schemaVersion', 'must be a whole number');
    const at = text(e.at, 'at', 40);
    if (!LOCAL_ISO.test(at) || Number.isNaN(Date.parse(at))) fail('at', 'must be an ISO 8601 time with its UTC offset');
    const shopHost = textOrNull(e.shopHost, 'shopHost', 260);
    if (shopHost !== null && !HOST.test(shopHost)) fail('shopHost', 'must be a lower-case host name');
    const event = {
      id: UUID.test(String(e.id)) ? String(e.id) : fail('id', 'must be a UUID'),
      type,
      at,
      timeZone: text(e.timeZone, 'timeZone', 64),
      schemaVersion,
      shopHost,
      study: checkStudy(e.study),
      data: checkData(type, e.data),
    } as LedgerEvent;
    return { ok: true, value: event };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message };
    throw error;
  }
}

/** The local time as an ISO string with its UTC offset, e.g. 2026-11-23T14:05:00.000+01:00. */
export function localIsoTimestamp(date = new Date()): string {
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, -1);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The shopper's local calendar day of an event (its `at` is local time), as YYYY-MM-DD. */
export const localDay = (at: string): string => at.slice(0, 10);

/**
 * A new event with id, time and schema version filled in. `id`, `at` (local time with its offset)
 * and `timeZone` may be given instead, for events made elsewhere than on this device and clock (a
 * simulated cohort: its shoppers live in other time zones, and the same seed gives the same file).
 */
export function newEvent<T extends EventType>(
  type: T,
  data: EventOf<T>['data'],
  options: {
    shopHost: string | null;
    study?: StudyStamp | null;
    now?: Date;
    id?: string;
    at?: string;
    timeZone?: string;
  },
): EventOf<T> {
  return {
    id: options.id ?? crypto.randomUUID(),
    type,
    at: options.at ?? localIsoTimestamp(options.now),
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    schemaVersion: EVENT_SCHEMA_VERSION,
    shopHost: options.shopHost,
    study: options.study ?? null,
    data,
  } as EventOf<T>;
}
