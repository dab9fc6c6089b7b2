// The published JSON Schema (docs/export-format.schema.json) and our own checks agree: what we
// export passes the schema, and what the schema refuses, our import refuses too.

import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseResearchExport, researchExport } from '../../../shared/export/research.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { ALL_TYPES, sampleEvent } from './samples.ts';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'export-format.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

const file = () =>
  JSON.parse(
    JSON.stringify(
      researchExport(
        ALL_TYPES.map((t) => sampleEvent(t)),
        { exportedAt: '2026-11-23T12:00:00.000Z' },
      ),
    ),
  );

describe('docs/export-format.schema.json', () => {
  it('accepts an export of every event type', () => {
    const ok = validate(file());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each([
    ['a wrong format name', (f: ReturnType<typeof file>) => ({ ...f, format: 'csv' })],
    ['an unknown event type', (f: ReturnType<typeof file>) => ({ ...f, events: [{ ...f.events[0], type: 'hack' }] })],
    [
      'avoided kg on a kept choice',
      (f: ReturnType<typeof file>) => {
        const choice = f.events.find((e: { type: string }) => e.type === 'choice-made');
        return { ...f, events: [{ ...choice, data: { ...choice.data, choice: 'kept' } }] };
      },
    ],
    [
      'a time without its offset',
      (f: ReturnType<typeof file>) => ({ ...f, events: [{ ...f.events[0], at: '2026-11-02T12:00:00' }] }),
    ],
    [
      'a product without a URL',
      (f: ReturnType<typeof file>) => {
        const view = f.events.find((e: { type: string }) => e.type === 'product-viewed');
        const { url: _, ...product } = view.data.product;
        return { ...f, events: [{ ...view, data: { product } }] };
      },
    ],
  ])('refuses %s, as our import does', (_, corrupt) => {
    const bad = corrupt(file());
    expect(validate(bad)).toBe(false);
    expect(parseResearchExport(JSON.stringify(bad)).ok).toBe(false);
  });
});
