// The in-memory engine: every export read into one Arquero table, then the transforms.

import { loadLedger } from '../load/ledger-table.ts';
import { summarizeEvents } from '../transforms/summarize.ts';
import type { Engine } from './summary.ts';

export { summarizeEvents };

export const arqueroEngine: Engine = {
  name: 'arquero',
  async summarize(paths, options = {}) {
    const { events, inputs, duplicates, roster } = await loadLedger(paths, options);
    return { summary: summarizeEvents(events, roster), inputs, duplicates };
  },
};
