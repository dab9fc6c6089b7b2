// Bootstrap confidence intervals for the difference between each study arm and a reference arm,
// resampling participants (the unit randomised) with a seeded generator, so a report is repeatable.

export interface ParticipantTotals {
  participant: string;
  arm: string;
  avoidedKg: number;
  footprintKg: number;
  choices: number;
  greener: number;
}

export type ArmMetric = 'avoidedKgPerParticipant' | 'greenerRate' | 'footprintKgPerParticipant';

export const ARM_METRICS: Record<ArmMetric, string> = {
  avoidedKgPerParticipant: 'kg CO2e avoided per participant',
  greenerRate: 'greener-choice rate',
  footprintKgPerParticipant: 'kg CO2e bought per participant',
};

export interface ArmDifference {
  metric: ArmMetric;
  arm: string;
  reference: string;
  /** arm minus reference, on the observed data; null when either arm has no data for the measure. */
  difference: number | null;
  /** The percentile interval; null when there are too few participants to give one. */
  low: number | null;
  high: number | null;
  participants: number;
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * The percentile interval of `values` (resampled figures, NaN where a resample had no data), or
 * null when more than 5 % of the resamples had no data: an interval of the rest would be biased.
 */
export function percentileInterval(values: Float64Array, level: number): Interval | null {
  const finite = values.filter(Number.isFinite).sort();
  if (finite.length === 0 || finite.length < 0.95 * values.length) return null;
  const at = (p: number) => {
    const index = (finite.length - 1) * p;
    const below = Math.floor(index);
    const above = Math.min(finite.length - 1, below + 1);
    return finite[below]! + (finite[above]! - finite[below]!) * (index - below);
  };
  return { low: at((1 - level) / 2), high: at(1 - (1 - level) / 2) };
}

/** mulberry32: a small, fast, seeded generator; enough for resampling. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function metricOf(rows: readonly ParticipantTotals[], metric: ArmMetric, pick?: Int32Array): number {
  const n = pick ? pick.length : rows.length;
  let top = 0;
  let bottom = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[pick ? pick[i]! : i]!;
    if (metric === 'greenerRate') {
      top += row.greener;
      bottom += row.choices;
    } else {
      top += metric === 'avoidedKgPerParticipant' ? row.avoidedKg : row.footprintKg;
      bottom += 1;
    }
  }
  return bottom > 0 ? top / bottom : Number.NaN;
}

/** Participants a measure rests on: for the greener-choice rate, those who made a choice. */
const contributors = (rows: readonly ParticipantTotals[], metric: ArmMetric): number =>
  metric === 'greenerRate' ? rows.filter((row) => row.choices > 0).length : rows.length;

/** The reference arm: `control` when there is one, else the first arm by name. */
export function referenceArm(arms: readonly string[]): string | undefined {
  return arms.includes('control') ? 'control' : [...arms].sort()[0];
}

/**
 * Percentile bootstrap (default 2,000 resamples, 95 %) of `metric(arm) − metric(reference)` for
 * every arm but the reference, resampling participants within each arm.
 */
export function armDifferences(
  participants: readonly ParticipantTotals[],
  options: { metric: ArmMetric; reference?: string; resamples?: number; level?: number; seed?: number },
): ArmDifference[] {
  const byArm = new Map<string, ParticipantTotals[]>();
  for (const row of participants) {
    const list = byArm.get(row.arm) ?? [];
    list.push(row);
    byArm.set(row.arm, list);
  }
  const arms = [...byArm.keys()].sort();
  const reference = options.reference ?? referenceArm(arms);
  const base = reference === undefined ? undefined : byArm.get(reference);
  if (!base) return [];
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  const random = seededRandom(options.seed ?? 1);
  const resample = (rows: readonly ParticipantTotals[], pick: Int32Array) => {
    for (let i = 0; i < pick.length; i++) pick[i] = Math.floor(random() * rows.length);
    return metricOf(rows, options.metric, pick);
  };
  const results: ArmDifference[] = [];
  for (const arm of arms) {
    if (arm === reference) continue;
    const rows = byArm.get(arm)!;
    const pickArm = new Int32Array(rows.length);
    const pickBase = new Int32Array(base.length);
    const differences = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++) differences[r] = resample(rows, pickArm) - resample(base, pickBase);
    const difference = metricOf(rows, options.metric) - metricOf(base, options.metric);
    // One participant in an arm resamples to the same value every time: no interval from that.
    const enough = contributors(rows, options.metric) >= 2 && contributors(base, options.metric) >= 2;
    const interval = Number.isFinite(difference) && enough ? percentileInterval(differences, level) : null;
    results.push({
      metric: options.metric,
      arm,
      reference: reference!,
      difference: Number.isFinite(difference) ? difference : null,
      low: interval?.low ?? null,
      high: interval?.high ?? null,
      participants: rows.length,
    });
  }
  return results;
}
