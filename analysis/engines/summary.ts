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
  /** The study was not observed on every day of this week (its first or last week). */
  partial: boolean;
}

/** One participant's week (a week with at least one event). */
export interface ParticipantWeek {
  participant: string;
  arm: string;
  week: string;
  footprintKg: number;
  avoidedKg: number;
  choices: number;
  greener: number;
}

/** One participant's choices next to a greener alternative, by category and shop. */
export interface ParticipantChoices {
  participant: string;
  arm: string;
  /** `unknown` when the event has none. */
  category: string;
  shopHost: string;
  choices: number;
  greener: number;
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

/**
 * Retention n weeks after a participant's start (their days 7n to 7n+6), among the participants
 * whose week n lies wholly before the end of their observation (right-censoring at the study's
 * end or the export): a participant who joined late is not counted as gone after the study ended.
 */
export interface RetentionRow {
  arm: string;
  weekSinceStart: number;
  /** Participants with at least one event in that week. */
  participants: number;
  /** Participants observed for the whole of that week (the denominator). */
  observed: number;
  share: number;
}

export interface ParticipantRow extends ParticipantTotals {
  /** First local day in the study: enrolment (when the export says) or the first event. */
  firstDay: string;
  /** Last local day the participant could be observed: the study's end, the export, or the data's last day. */
  lastDay: string;
  /** First and last week with an event; null for a participant enrolled without events. */
  firstWeek: string | null;
  lastWeek: string | null;
  activeWeeks: number;
  events: number;
}

export interface LedgerSummary {
  events: number;
  /** Every participant: those with events and those the exports list as enrolled without any. */
  participants: number;
  /** Enrolled participants (from the exports' headers) without a single event. */
  participantsWithoutEvents: number;
  studies: string[];
  arms: string[];
  firstWeek: string | null;
  lastWeek: string | null;
  /** The days observed: the first participant's start to the last participant's end. */
  firstDay: string | null;
  lastDay: string | null;
  totals: { footprintKg: number; avoidedKg: number; choices: number; greener: number; greenerRate: number | null };
  weekly: WeekByArm[];
  byCategory: ChoiceRate[];
  byShop: ChoiceRate[];
  byArm: ArmRow[];
  retention: RetentionRow[];
  participantRows: ParticipantRow[];
  /** The rows the bootstrap intervals resample, participant by participant. */
  participantWeeks: ParticipantWeek[];
  participantChoices: ParticipantChoices[];
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
  /** DuckDB only: JSON exports above this size are staged as NDJSON and checked on worker threads. */
  stageJsonAboveBytes?: number;
}

/** An engine reads exports and summarises them; Arquero in memory, or DuckDB over Parquet. */
export interface Engine {
  name: 'arquero' | 'duckdb';
  summarize(paths: readonly string[], options?: EngineOptions): Promise<EngineResult>;
}
