// The event schema's checks: every type round-trips, and each kind of bad field is named.

import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../../shared/events.ts';
import { ALL_TYPES, sampleEvent } from './samples.ts';

describe('validateEvent', () => {
  it.each(ALL_TYPES)('accepts a well-formed %s event unchanged', (type) => {
    const event = sampleEvent(type);
    expect(validateEvent(event)).toEqual({ ok: true, value: event });
  });

  const choice = () => sampleEvent('choice-made');
  it.each([
    ['id', { ...choice(), id: 'not-a-uuid' }],
    ['type', { ...choice(), type: 'delete-all' }],
    ['at', { ...choice(), at: '23/11/2026' }],
    ['at', { ...choice(), at: '2026-11-23T10:00:00' }],
    ['schemaVersion', { ...choice(), schemaVersion: 99 }],
    ['shopHost', { ...choice(), shopHost: 'Evil Host/<script>' }],
    ['data.choice', { ...choice(), data: { ...choice().data, choice: 'bought-twice' } }],
    ['data.avoidedKgCO2e', { ...choice(), data: { ...choice().data, avoidedKgCO2e: -5 } }],
    ['data.avoidedKgCO2e', { ...choice(), data: { ...choice().data, choice: 'kept' } }],
    [
      'data.product.url',
      { ...choice(), data: { ...choice().data, product: { ...choice().data.product, url: 'javascript:x' } } },
    ],
    [
      'data.product.kgCO2e',
      { ...choice(), data: { ...choice().data, product: { ...choice().data.product, kgCO2e: 100 } } },
    ],
    [
      'data.product.price.currency',
      {
        ...choice(),
        data: { ...choice().data, product: { ...choice().data.product, price: { amount: 1, currency: '€' } } },
      },
    ],
    ['study.arm', { ...choice(), study: { studyId: 's', arm: '', participantId: 'p' } }],
    ['event', null],
    ['event', [choice()]],
  ])('names %s when it is wrong', (field, value) => {
    const result = validateEvent(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.startsWith(`${field}:`)).toBe(true);
  });

  it('keeps only the fields of the schema', () => {
    const event = { ...sampleEvent('action-logged'), extra: '<img onerror=alert(1)>' };
    const result = validateEvent(event);
    expect(result.ok && result.value).not.toHaveProperty('extra');
  });
});
