// A synthetic study cohort, day by day: every participant's events of one local calendar day at
// a time, so a cohort of any size streams to disk in constant memory. Deterministic: everything
// random comes from generators seeded by the cohort seed (no Math.random, no clock). Events are
// built by the extension's own code: products estimated by its estimator and summarised as its
// background does (shared/ledger/worth.ts), choices credited by its rules (shared/ledger/crediting.ts),
// everyday actions from its catalogue, URLs cut as a participant bundle cuts them.

import {
  type AlternativeSummary,
  type ChoiceMadeEvent,
  EVENT_SCHEMA_VERSION,
  type EventOf,
  type EventType,
  newEvent,
  type ProductSummary,
  type StudyStamp,
} from '../../shared/events.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../shared/export/research.ts';
import { ACTIONS, type LowCarbonAction } from '../../shared/footprint/actions.ts';
import { estimateFootprint, type FootprintEstimate } from '../../shared/footprint/index.ts';
import { creditContext, creditedKg } from '../../shared/ledger/crediting.ts';
import {
  alternativeSummary,
  alternativesShown,
  creditedAlternatives,
  ourAlternatives,
  productSummary,
} from '../../shared/ledger/worth.ts';
import type { OfferedAlternative } from '../../shared/messages.ts';
import type { Product } from '../../shared/product.ts';
import { withoutFullUrls } from '../../shared/study/bundle.ts';
import { assignParticipant } from '../../shared/study/enrollment.ts';
import { Random } from '../../shared/study/random.ts';
import type { OverlayMode, Study } from '../../shared/study/study.ts';
import {
  ACTION_WEIGHTS,
  ADJECTIVES,
  type ArmEffect,
  BRANDS,
  DEFAULT_EFFECTS,
  HOUR_WEIGHTS,
  RATES,
  REGIONS,
  SIM_CATEGORIES,
  type SimCategory,
  type SimRegion,
  type SimShop,
  WEEKDAY_ACTIVITY,
} from './model.ts';

export interface SimulateOptions {
  participants: number;
  days: number;
  seed: string;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** The study simulated: its arms, id, title, exported event types and URL policy. */
  study: Study;
  effects?: Partial<Record<OverlayMode, ArmEffect>>;
}

/** What the header of a simulated export says about each participant (denominators for analysis). */
export interface SimulatedParticipant {
  participantId: string;
  arm: string;
  seed: string;
  enrolledAt: string;
  /** When the participant left the study in the dashboard; null for those who stayed or just stopped. */
  leftAt: string | null;
  timeZone: string;
}

interface Participant extends SimulatedParticipant {
  stamp: StudyStamp;
  overlay: OverlayMode;
  region: SimRegion;
  random: Random;
  enrollDay: number;
  /** First day with no activity any more, or days when the participant stays to the end. */
  stopDay: number;
  activity: number;
  greenerLogOdds: number;
  categoryWeights: number[];
  /** The participant's choices so far: a saving is credited once per product and within a daily cap. */
  choices: ChoiceMadeEvent[];
}

/** One event, already serialised (JSON), with what the day sorts it by. */
export interface SimulatedEvent {
  /** Milliseconds since local midnight. */
  localMs: number;
  id: string;
  json: string;
}

interface CatalogueProduct {
  /** The product as its page reads it. */
  product: Product;
  /** Its summary in events: the extension's estimate of it, as the background records it. */
  summary: ProductSummary;
  /** For ordering: the central estimate, or infinity when there is none. */
  kgCO2e: number;
  /** The alternatives the badge shows for it, worked out once (they depend on the product alone). */
  shown?: AlternativeSummary[];
}

/**
 * The estimate of a catalogue product, worked out again when needed rather than kept: a cohort's
 * catalogue holds tens of thousands of products, and an estimate with its steps and sources is
 * large (the estimator keeps recent ones).
 */
const estimateOf = (item: CatalogueProduct): FootprintEstimate | null => estimateFootprint(item.product);

/** Records an event of the participant's day if the study exports it and it falls in their enrolment. */
type Emit = <T extends EventType>(
  type: T,
  second: number,
  shopHost: string | null,
  data: EventOf<T>['data'],
) => EventOf<T> | null;

const DAY_MS = 86_400_000;
const HOURS = HOUR_WEIGHTS.map((_, h) => h);
const hourWeight = (h: number) => HOUR_WEIGHTS[h]!;
const CATEGORY_INDEXES = SIM_CATEGORIES.map((_, i) => i);
const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const two = (n: number) => (n < 10 ? `0${n}` : String(n));
const three = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, string>();
/** A time zone's UTC offset at an instant, as +HH:MM (cached by the hour: Intl is slow). */
function utcOffset(timeZone: string, utcMs: number): string {
  const key = `${timeZone}|${Math.floor(utcMs / 3_600_000)}`;
  const cached = offsets.get(key);
  if (cached) return cached;
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name === 'GMT' ? '+00:00' : name.slice(3);
  offsets.set(key, offset);
  return offset;
}
const offsetMinutes = (offset: string) =>
  (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));

/** Products of one shop and category, sorted from lowest to highest footprint; built on first use. */
class Catalogue {
  private readonly lists = new Map<string, CatalogueProduct[]>();
  private readonly seed: string;
  constructor(seed: string) {
    this.seed = seed;
  }

  /** The products of a shop and category as a region's site shows them (its currency and country). */
  products(shop: SimShop, category: SimCategory, region: SimRegion): CatalogueProduct[] {
    const key = `${shop.host}|${category.id}`;
    let list = this.lists.get(`${key}|${region.id}`);
    if (list) return list;
    // Seeded by shop and category only: the same products whatever the region.
    const random = new Random(`${this.seed}|catalogue|${key}`);
    list = [];
    const base = Math.floor(random.next() * 1e6) * 40;
    for (let i = 0; i < 40; i++) {
      const title = `${random.pick(BRANDS)} ${random.pick(ADJECTIVES)} ${random.pick(category.nouns)}`;
      const priceUsd = Math.max(1, category.medianPriceUsd * Math.exp(PRICE_SPREAD * random.normal()));
      const product: Product = {
        title,
        price: { amount: round(priceUsd * region.perUsd, 2), currency: region.currency },
        brand: title.split(' ')[0]!,
        category: [],
        gtin: null,
        url: shop.productUrl(base + i),
        country: region.country,
      };
      const estimate = estimateFootprint(product);
      list.push({
        product,
        summary: productSummary(product, estimate),
        kgCO2e: estimate?.kgCO2e ?? Number.POSITIVE_INFINITY,
      });
    }
    list.sort((a, b) => a.kgCO2e - b.kgCO2e);
    this.lists.set(`${key}|${region.id}`, list);
    return list;
  }
}

/**
 * Spread (sd of the log) of prices within a shop's category: a typical T-shirt costs 20 dollars,
 * one in ten under 5.40 or over 75. Spend drives most estimates, so this is most of the spread of
 * footprints a shopper can choose between.
 */
const PRICE_SPREAD = 0.8;

const ACTION_LIST: readonly LowCarbonAction[] = ACTIONS.filter((action) => Object.hasOwn(ACTION_WEIGHTS, action.id));

/** Runs the cohort: the participants (known up front) and each day's events, in time order. */
export class Cohort {
  readonly participants: Participant[];
  private readonly catalogue: Catalogue;
  private readonly effects: Record<OverlayMode, ArmEffect>;
  private readonly exported: ReadonlySet<EventType>;
  readonly options: SimulateOptions;

  constructor(options: SimulateOptions) {
    this.options = options;
    this.catalogue = new Catalogue(options.seed);
    this.effects = { ...DEFAULT_EFFECTS, ...options.effects };
    this.exported = new Set(options.study.exportEventTypes);
    const enrollWindow = Math.max(1, Math.min(14, Math.floor(options.days / 5)));
    this.participants = Array.from({ length: options.participants }, (_, index) =>
      this.newParticipant(index, enrollWindow),
    );
  }

  private newParticipant(index: number, enrollWindow: number): Participant {
    const { study, seed, days, start } = this.options;
    const random = new Random(`${seed}|participant|${index}`);
    const enrollmentSeed = random.hex(128);
    // The first derivation (arm drawn from the enrollment seed), so a simulated cohort of a given
    // seed stays the same file as before participant-hash-v2, and with it the figures in the docs.
    const { participantId, arm } = assignParticipant(study, enrollmentSeed, 'xoshiro128ss-v1');
    const overlay = study.arms.find((a) => a.id === arm)!.overlay;
    const region = random.weighted(REGIONS, (r) => r.weight);
    const timeZone = random.pick(region.timeZones);
    const enrollDay = random.int(0, enrollWindow - 1);
    const enrollMs = Date.parse(`${addDays(start, enrollDay)}T00:00:00Z`) + random.int(8 * 3600, 21 * 3600) * 1000;
    const enrolledAtMs = enrollMs - offsetMinutes(utcOffset(timeZone, enrollMs)) * 60_000;
    // Drop-out: a personal daily hazard, higher in the first week.
    const hazard = RATES.dropoutHazard * Math.exp(0.7 * random.normal());
    let stopDay = days;
    for (let d = enrollDay + 1; d < days; d++) {
      if (random.chance(d - enrollDay < 7 ? hazard * 3 : hazard)) {
        stopDay = d;
        break;
      }
    }
    const activeLeave = stopDay < days && random.chance(0.3);
    const leftAt = activeLeave
      ? new Date(Date.parse(`${addDays(start, stopDay)}T00:00:00Z`) - random.int(3600, 6 * 3600) * 1000).toISOString()
      : null;
    return {
      participantId,
      arm,
      seed: enrollmentSeed,
      enrolledAt: new Date(enrolledAtMs).toISOString(),
      leftAt,
      timeZone,
      stamp: { studyId: study.id, arm, participantId },
      overlay,
      region,
      random,
      enrollDay,
      stopDay,
      activity: Math.exp(RATES.activitySpread * random.normal()),
      greenerLogOdds: RATES.greenerLogOdds + RATES.greenerSpread * random.normal(),
      categoryWeights: SIM_CATEGORIES.map((c) => c.weight * Math.exp(0.8 * random.normal())),
      choices: [],
    };
  }

  /** The export's header: everything but the events. */
  header(): {
    format: typeof EXPORT_FORMAT;
    version: number;
    eventSchemaVersion: number;
    exportedAt: string;
    study: Record<string, unknown> & { id: string; title: string };
  } {
    const { study, seed, participants, days, start } = this.options;
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      eventSchemaVersion: EVENT_SCHEMA_VERSION,
      exportedAt: `${addDays(start, days)}T00:00:00.000Z`,
      study: {
        id: study.id,
        title: study.title,
        simulated: { generator: 'carbon-ledger simulate', seed, participants, days, start },
        start,
        end: addDays(start, days - 1),
        arms: study.arms,
        exportEventTypes: study.exportEventTypes,
        includeFullUrls: study.includeFullUrls,
        participants: this.participants.map((p) => ({
          participantId: p.participantId,
          arm: p.arm,
          seed: p.seed,
          enrolledAt: p.enrolledAt,
          leftAt: p.leftAt,
          timeZone: p.timeZone,
        })),
      },
    };
  }

  /**
   * The events of day `d` (0-based) of every participant as JSON text, sorted by local time then
   * id, as the export orders them. Every participant's day is the same local calendar day, so the
   * local time of day orders them as the export's string order of `at` does.
   */
  day(d: number): SimulatedEvent[] {
    const date = addDays(this.options.start, d);
    const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
    const events: SimulatedEvent[] = [];
    for (const p of this.participants) {
      if (d < p.enrollDay || d >= p.stopDay) continue;
      this.participantDay(p, d, date, weekday, events);
    }
    events.sort((a, b) => a.localMs - b.localMs || (a.id < b.id ? -1 : 1));
    return events;
  }

  private participantDay(p: Participant, d: number, date: string, weekday: number, out: SimulatedEvent[]): void {
    const { random } = p;
    const offset = utcOffset(p.timeZone, Date.parse(`${date}T12:00:00Z`));
    const inStudy = d - p.enrollDay;
    const enrolledMs = Date.parse(p.enrolledAt);
    const leftMs = p.leftAt === null ? Number.POSITIVE_INFINITY : Date.parse(p.leftAt);
    const novelty = Math.exp(-inStudy / 21);
    const sessionChance = Math.min(
      0.95,
      RATES.sessionChance * p.activity * WEEKDAY_ACTIVITY[weekday]! * (0.8 + 0.3 * novelty),
    );
    // Sessions late in the evening end at 23:59:59.999 at the latest: events stay on their day.
    const at = (localMs: number): string => {
      const s = Math.floor(localMs / 1000);
      return `${date}T${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}.${three(localMs % 1000)}${offset}`;
    };
    const fullUrls = this.options.study.includeFullUrls;
    const emit: Emit = (type, second, shopHost, data) => {
      if (!this.exported.has(type)) return null;
      const localMs = Math.min(86_399_999, Math.floor(second * 1000));
      const time = at(localMs);
      // Only what happened while enrolled carries the stamp (and goes into the bundle).
      if ((inStudy === 0 && Date.parse(time) < enrolledMs) || (p.leftAt !== null && Date.parse(time) > leftMs)) {
        return null;
      }
      const event = newEvent(type, data, {
        shopHost,
        study: p.stamp,
        id: random.uuid(),
        at: time,
        timeZone: p.timeZone,
      });
      // The bundle keeps shop and product id of every address unless the study asks for them whole.
      out.push({ localMs, id: event.id, json: JSON.stringify(fullUrls ? event : withoutFullUrls(event)) });
      return event;
    };

    let sessions = random.chance(sessionChance) ? 1 : 0;
    if (sessions && random.chance(sessionChance * 0.3)) sessions++;
    for (let s = 0; s < sessions; s++) this.session(p, random.weighted(HOURS, hourWeight), inStudy, date, emit);

    if (random.chance(Math.min(0.9, RATES.actionsPerDay * p.activity))) {
      const action = random.weighted(ACTION_LIST, (a) => ACTION_WEIGHTS[a.id]!);
      const second = random.weighted(HOURS, hourWeight) * 3600 + random.next() * 3600;
      // As the dashboard logs one (extension/pages/actions.ts): the catalogue's id and grams.
      emit('action-logged', second, null, { actionId: action.id, avoidedGramsCO2e: action.gramsCO2e, photoId: null });
    }
  }

  private session(p: Participant, hour: number, inStudy: number, date: string, emit: Emit): void {
    const { random, region, overlay } = p;
    const category = SIM_CATEGORIES[random.weighted(CATEGORY_INDEXES, (i) => p.categoryWeights[i]!)]!;
    const shop = random.weighted(region.shops, (s) => s.weight).shop;
    const products = this.catalogue.products(shop, category, region);
    const summary = (item: CatalogueProduct) => item.summary;
    // A lower-footprint item on the same page, as the overlay offers it to the background.
    const onPage = (item: CatalogueProduct): OfferedAlternative => ({
      kind: 'on-page',
      title: item.product.title,
      url: item.product.url,
      product: item.product,
    });

    let second = hour * 3600 + random.next() * 3600;
    const views = Math.min(10, 1 + random.geometric(1 - RATES.viewContinue));
    const viewed: { index: number; shown: number[] }[] = [];
    for (let v = 0; v < views; v++) {
      const index = random.int(0, products.length - 1);
      const item = products[index]!;
      emit('product-viewed', second, shop.host, { product: summary(item) });
      const shown: number[] = [];
      if (
        overlay === 'full' &&
        item.kgCO2e < Number.POSITIVE_INFINITY &&
        index > 2 &&
        random.chance(RATES.hasAlternatives)
      ) {
        // Up to three clearly lower-footprint products of the same kind on the same page.
        const count = random.int(1, 3);
        for (let k = 0; k < count; k++) {
          const candidate = random.int(0, Math.floor(index * 0.6));
          if (!shown.includes(candidate) && products[candidate]!.kgCO2e < item.kgCO2e) shown.push(candidate);
        }
        if (shown.length) {
          second += 1 + random.next() * 2;
          // What the background logs as shown for the badge (extension/entrypoints/background/choices.ts).
          item.shown ??= alternativesShown(item.product, estimateOf(item), true).map((a) =>
            alternativeSummary(a, a.avoidedKgCO2e),
          );
          if (item.shown.length) {
            emit('alternatives-shown', second, shop.host, { product: summary(item), alternatives: item.shown });
          }
          if (random.chance(RATES.openAlternative)) {
            second += 5 + random.next() * 40;
            const [opened] = creditedAlternatives(item.product, estimateOf(item), [onPage(products[shown[0]!]!)]);
            emit('alternative-opened', second, shop.host, { product: summary(item), alternative: opened! });
          }
        }
      }
      viewed.push({ index, shown });
      second += 20 + random.next() * 220;
    }

    const effect = this.effects[overlay];
    const lift = effect.lasting + (effect.initial - effect.lasting) * Math.exp(-inStudy / 28);
    const buying = random.chance(RATES.purchaseChance) ? viewed[viewed.length - 1]! : null;
    for (const view of viewed) {
      const item = products[view.index]!;
      if (view === buying) {
        second += 30 + random.next() * 300;
        const greener = random.chance(logistic(p.greenerLogOdds + lift));
        let bought = item;
        if (greener && view.shown.length) {
          const taken = products[view.shown[0]!]!;
          this.choose(p, item, 'greener', onPage(taken), second, shop.host, date, emit);
          bought = taken;
        } else if (greener) {
          // Found a lower-footprint option without our help: one from the lower third.
          bought = products[random.int(0, Math.floor(products.length / 3))]!;
          if (bought.kgCO2e > item.kgCO2e) bought = item;
        } else if (view.shown.length) {
          this.choose(p, item, 'kept', null, second, shop.host, date, emit);
        }
        second += 5 + random.next() * 60;
        emit('purchase-marked', second, shop.host, { product: summary(bought) });
      } else if (view.shown.length && random.chance(RATES.dismiss)) {
        this.choose(p, item, 'dismissed', null, second, shop.host, date, emit);
      }
    }
  }

  /**
   * A choice as the background records it (extension/entrypoints/background/choices.ts): our own
   * reckoning of the alternative taken, credited only when actionable from the page, once per
   * product and within the caps of shared/ledger/crediting.ts.
   */
  private choose(
    p: Participant,
    item: CatalogueProduct,
    choice: 'greener' | 'kept' | 'dismissed',
    alternative: OfferedAlternative | null,
    second: number,
    shopHost: string,
    date: string,
    emit: Emit,
  ): void {
    const ours = alternative ? ourAlternatives(item.product, estimateOf(item), [alternative])[0] : undefined;
    const saving = choice === 'greener' && ours?.actionable ? ours.avoidedKgCO2e : 0;
    const avoided = creditedKg(creditContext(p.choices, item.product.url, date, saving, null));
    const event = emit('choice-made', second, shopHost, {
      product: item.summary,
      choice,
      alternative: alternative && alternativeSummary(ours ?? alternative, avoided),
      avoidedKgCO2e: avoided,
    });
    if (event) p.choices.push(event);
  }
}
