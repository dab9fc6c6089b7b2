// What every chart takes besides its table: the document to draw into (jsdom in Node, the page in
// a notebook) and an optional size.

import type { ColumnTable } from 'arquero';

export interface ChartOptions {
  document: Document;
  width?: number;
  height?: number;
}

/** Week strings (YYYY-MM-DD) as UTC dates, so Plot's time scale reads them the same in every zone. */
export const weekDate = (week: string): Date => new Date(`${week}T00:00:00Z`);

/** Plot takes arrays of objects; Arquero tables become them here. */
export const rows = (table: ColumnTable): Record<string, unknown>[] => table.objects() as Record<string, unknown>[];
