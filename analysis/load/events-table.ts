// The events table, input of every transform: one row per event, with the shopper's local week
// and the participant it belongs to. No Node APIs here, so notebooks in a browser use it too.

import { type ColumnTable, table } from 'arquero';
import { weekOf as mondayOf } from '../../shared/ledger/progress.ts';
import type { FlatColumn, FlatEvent } from './flat.ts';

/** The columns of the events table. Numbers are Float64Array; a missing estimate is NaN. */
export interface LedgerColumns {
  type: string[];
  /** The shopper's local calendar day, YYYY-MM-DD (`at` is local time). */
  day: string[];
  /** Monday of the shopper's local week, YYYY-MM-DD. */
  week: string[];
  studyId: (string | null)[];
  /** The study arm; `none` for events recorded outside a study. */
  arm: string[];
  participant: string[];
  shopHost: (string | null)[];
  category: (string | null)[];
  /** The product's central estimate, kg CO2e (NaN when none). */
  kgCO2e: Float64Array;
  choice: (string | null)[];
  /** kg CO2e avoided by a greener choice or an everyday action; 0 for every other event. */
  avoidedKg: Float64Array;
}

export const NO_ARM = 'none';

/** The export columns the events table is made of. */
export const LEDGER_SOURCE_COLUMNS: readonly FlatColumn[] = [
  'id',
  'type',
  'at',
  'studyId',
  'arm',
  'participantId',
  'shopHost',
  'category',
  'kgCO2e',
  'choice',
  'avoidedKgCO2e',
];

const weekCache = new Map<string, string>();
/** Monday of the week of a local day (shared/ledger's rule, the extension's own), cached per day. */
export function weekOf(day: string): string {
  let week = weekCache.get(day);
  if (week === undefined) {
    week = mondayOf(day);
    weekCache.set(day, week);
  }
  return week;
}

/** Appends flat events to growing columns, sharing repeated strings; drops a repeated event id. */
export class LedgerTableBuilder {
  private length = 0;
  private capacity = 1024;
  private readonly strings = new Map<string, string>();
  private readonly ids = new Set<string>();
  duplicates = 0;
  readonly columns: Omit<LedgerColumns, 'kgCO2e' | 'avoidedKg'> = {
    type: [],
    day: [],
    week: [],
    studyId: [],
    arm: [],
    participant: [],
    shopHost: [],
    category: [],
    choice: [],
  };
  private kgCO2e = new Float64Array(this.capacity);
  private avoidedKg = new Float64Array(this.capacity);

  private share<T extends string | null>(value: T): T {
    if (value === null) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    this.strings.set(value, value);
    return value;
  }

  add = (event: FlatEvent): void => {
    const known = this.ids.size;
    this.ids.add(event.id); // one hash lookup instead of has() then add()
    if (this.ids.size === known) {
      this.duplicates++;
      return;
    }
    if (this.length === this.capacity) {
      this.capacity *= 2;
      const grow = (array: Float64Array) => {
        const bigger = new Float64Array(this.capacity);
        bigger.set(array);
        return bigger;
      };
      this.kgCO2e = grow(this.kgCO2e);
      this.avoidedKg = grow(this.avoidedKg);
    }
    const c = this.columns;
    c.type.push(this.share(event.type));
    const day = this.share(event.at.slice(0, 10));
    c.day.push(day);
    c.week.push(weekOf(day));
    c.studyId.push(this.share(event.studyId));
    c.arm.push(this.share(event.arm ?? NO_ARM));
    c.participant.push(this.share(event.participantId ?? ''));
    c.shopHost.push(this.share(event.shopHost));
    c.category.push(this.share(event.category));
    c.choice.push(event.choice);
    this.kgCO2e[this.length] = event.kgCO2e ?? Number.NaN;
    this.avoidedKg[this.length] = event.avoidedKgCO2e ?? 0;
    this.length++;
  };

  build(): ColumnTable {
    return table({
      ...this.columns,
      kgCO2e: this.kgCO2e.subarray(0, this.length),
      avoidedKg: this.avoidedKg.subarray(0, this.length),
    });
  }
}
