// The message protocol's validation: a shop page can send anything a content script can, so
// every field of every message is checked before the background acts on it.

import { describe, expect, it } from 'vitest';
import { validateMessage, validateProduct } from '../../shared/messages.ts';

const kettle = {
  title: 'Electric kettle 1.5 l',
  url: 'https://www.amazon.de/dp/B000000001',
  price: { amount: 29.99, currency: 'EUR' },
  brand: 'Example',
  category: ['Küche', 'Wasserkocher'],
  gtin: '4006381333931',
};

describe('validateProduct', () => {
  it('keeps a well-formed product', () => {
    expect(validateProduct(kettle)).toEqual(kettle);
  });

  it.each([
    ['no title', { ...kettle, title: '   ' }],
    ['a javascript: URL', { ...kettle, url: 'javascript:alert(1)' }],
    ['an unparsable URL', { ...kettle, url: 'https://[' }],
    ['a negative price', { ...kettle, price: { amount: -1, currency: 'EUR' } }],
    ['a price that is not a number', { ...kettle, price: { amount: '29.99', currency: 'EUR' } }],
    ['an infinite price', { ...kettle, price: { amount: Number.POSITIVE_INFINITY, currency: 'EUR' } }],
    ['a lower-case currency', { ...kettle, price: { amount: 1, currency: 'eur' } }],
    ['a price that is a string', { ...kettle, price: '29.99 €' }],
    ['an array', [kettle]],
    ['null', null],
  ])('rejects %s', (_, value) => {
    expect(validateProduct(value)).toBeNull();
  });

  it('drops what it does not know and cuts oversized text', () => {
    const product = validateProduct({
      ...kettle,
      title: 'x'.repeat(5000),
      gtin: '12<script>',
      category: ['ok', 7, { evil: true }, 'also ok'],
      injected: '<img src=x onerror=alert(1)>',
    });
    expect(product?.title).toHaveLength(1000);
    expect(product?.gtin).toBeNull();
    expect(product?.category).toEqual(['ok', 'also ok']);
    expect(product).not.toHaveProperty('injected');
  });
});

describe('validateMessage', () => {
  it('accepts each known message type', () => {
    expect(validateMessage({ type: 'product-viewed', product: kettle })).toEqual({
      type: 'product-viewed',
      product: kettle,
    });
    expect(validateMessage({ type: 'product-estimate', product: kettle })).toEqual({
      type: 'product-estimate',
      product: kettle,
    });
    expect(validateMessage({ type: 'ledger-count', extra: 1 })).toEqual({ type: 'ledger-count' });
    // Opening our methods page takes nothing from the page: no address it could choose.
    expect(validateMessage({ type: 'open-methods', url: 'https://evil.example/' })).toEqual({ type: 'open-methods' });
  });

  it.each([
    ['an unknown type', { type: 'delete-everything' }],
    ['a product-viewed without a valid product', { type: 'product-viewed', product: { title: 'x' } }],
    ['a product-estimate without a product', { type: 'product-estimate' }],
    ['a type that is not a string', { type: ['product-viewed'] }],
    ['a string', 'product-viewed'],
    ['undefined', undefined],
  ])('rejects %s', (_, value) => {
    expect(validateMessage(value)).toBeNull();
  });
});
