// Writes a simulated cohort as one research export (docs/export-format.md), streaming a day at a
// time: the header, then each day's events, so memory stays flat however large the cohort.

import type { Writable } from 'node:stream';
import type { ResearchExport } from '../../shared/export/research.ts';
import { Cohort, type SimulateOptions } from './cohort.ts';

export interface WriteSummary {
  events: number;
  participants: number;
  bytes: number;
}

const write = (out: Writable, chunk: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    out.once('error', onError);
    if (out.write(chunk)) {
      out.off('error', onError);
      resolve();
    } else {
      out.once('drain', () => {
        out.off('error', onError);
        resolve();
      });
    }
  });

/**
 * Streams the export to `out` (not ended here). One event per line inside the `events` list, so
 * the file also reads well with line tools; it is a single JSON document all the same.
 */
export async function writeCohort(
  options: SimulateOptions,
  out: Writable,
  onDay?: (day: number, events: number) => void,
): Promise<WriteSummary> {
  const cohort = new Cohort(options);
  const header = JSON.stringify(cohort.header());
  let bytes = 0;
  const put = async (chunk: string) => {
    bytes += Buffer.byteLength(chunk);
    await write(out, chunk);
  };
  await put(`${header.slice(0, -1)},"events":[`);
  let events = 0;
  for (let d = 0; d < options.days; d++) {
    const day = cohort.day(d);
    if (day.length) {
      let chunk = '';
      for (const event of day) {
        chunk += `${events === 0 ? '\n' : ',\n'}${event.json}`;
        events++;
      }
      await put(chunk);
    }
    onDay?.(d, events);
  }
  await put('\n]}\n');
  return { events, participants: options.participants, bytes };
}

/** The whole export in memory, for tests and small demos. */
export function simulateExport(options: SimulateOptions): ResearchExport {
  const cohort = new Cohort(options);
  const events = [];
  for (let d = 0; d < options.days; d++) for (const event of cohort.day(d)) events.push(JSON.parse(event.json));
  return { ...cohort.header(), events };
}
