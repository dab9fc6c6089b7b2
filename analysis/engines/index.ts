// The engines by name, loaded on demand (DuckDB is a native module: load it only when asked).

import type { Engine } from './summary.ts';

export const ENGINES: Record<string, () => Promise<Engine>> = {
  arquero: async () => (await import('./arquero.ts')).arqueroEngine,
  duckdb: async () => (await import('./duckdb.ts')).duckdbEngine,
};
