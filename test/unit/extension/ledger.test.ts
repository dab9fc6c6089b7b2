// Ledger timestamps: local time with its UTC offset, so a week in the ledger is the shopper's week.

import { describe, expect, it } from 'vitest';
import { localIsoTimestamp } from '../../../extension/ledger/db.ts';

describe('localIsoTimestamp', () => {
  it('names the same instant as the UTC ISO string', () => {
    const now = new Date('2026-03-29T01:30:00.000Z');
    const stamp = localIsoTimestamp(now);
    expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    expect(new Date(stamp).getTime()).toBe(now.getTime());
  });
});
