// What an engine computes from a set of exports: plain objects, the same from every engine, so
// the report, the charts and the tests do not care which engine ran.

import type { ParticipantTotals } from '../transforms/bootstrap.ts';

export interface WeekByArm {
  arm: string;
  /** Monday of the local week, YYYY-MM-DD. */
  week: string;
  participants: number;
  /** Mean kg CO2e bought per active participant that week. */
  footprintKg: number;
  /** kg CO2e avoided by the arm that week, in total. */
  avoidedKg: number;
}

export interface ChoiceRate {
  /** The category, shop host or arm (`unknown` when the event has none). */
  key: string;
  choices: number;
  greener: number;
  rate: number;
  avoidedKg: number;
}

export interface ArmRow {
  arm: string;
  participants: number;
  footprintKgPerParticipant: number;
  avoidedKgPerParticipant: number;
  choices: number;
  greener: number;
  rate: number | null;
}

export interface RetentionRow {
  arm: string;
  weekSinceStart: number;
  participants: number;
  share: number;
}

export interface ParticipantRow extends ParticipantTotals {
  firstWeek: string;
  lastWeek: string;
  activeWeeks: number;
  events: number;
}

export interface LedgerSummary {
  events: number;
  participants: number;
  studies: string[];
  arms: string[];
  firstWeek: string | null;
  lastWeek: string | null;
  totals: { footprintKg: number; avoidedKg: number; choices: number; greener: number; greenerRate: number | null };
  weekly: WeekByArm[];
  byCategory: ChoiceRate[];
  byShop: ChoiceRate[];
  byArm: ArmRow[];
  retention: RetentionRow[];
  participantRows: ParticipantRow[];
}

export interface EngineInput {
  path: string;
  format: string;
  events: number;
}

export interface EngineResult {
  summary: LedgerSummary;
  inputs: EngineInput[];
  /** Events dropped because their id had already been read. */
  duplicates: number;
}

export interface EngineOptions {
  onProgress?: (bytesRead: number, bytesTotal: number, path: string) => void;
  /** DuckDB only: its memory limit, e.g. `4GB` (default 1GB); beyond it DuckDB spills to disk. */
  memoryLimit?: string;
}

/** An engine reads exports and summarises them; Arquero in memory, or DuckDB over Parquet. */
export interface Engine {
  name: 'arquero' | 'duckdb';
  summarize(paths: readonly string[], options?: EngineOptions): Promise<EngineResult>;
}
