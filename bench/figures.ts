// The shape every benchmark reports, so `npm run bench` can print one table and write
// bench/results.json from any mix of benchmark modules.

export interface BenchFigure {
  /** What is measured, in the user's words, e.g. "extract largest shared page". */
  name: string;
  value: number;
  unit: string;
  /** How many runs the value is the median of (1 for a size or a count). */
  runs: number;
  /** The goal from the issue, when there is one, in the same unit. */
  target?: { max?: number; min?: number };
}

export interface BenchOptions {
  /** Small sizes and few runs, so CI keeps the benchmark code working without judging numbers. */
  quick: boolean;
  /** Another data size than the benchmark's own (where it takes one). */
  size?: number;
}

export type Benchmark = (options: BenchOptions) => Promise<BenchFigure[]>;

/** Median of a list of numbers (the list is not modified). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
