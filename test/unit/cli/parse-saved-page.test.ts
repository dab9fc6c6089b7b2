// `carbon-ledger extract` builds the document a browser would: a page saved without <html> (old
// shops, fragments) keeps its body, as it does in the browser.

import { describe, expect, it } from 'vitest';
import { parseSavedPage } from '../../../analysis/cli/commands/extract.ts';
import { extractPage } from '../../../shared/read.ts';

const bytes = (html: string) => new TextEncoder().encode(html);
const body = `<body><h1>Stainless steel kettle 1.7 l</h1><p class="price">£39.99</p></body>`;

describe('parseSavedPage', () => {
  it('gives a page without <html> the root a browser gives it', () => {
    const document = parseSavedPage(bytes(`<head><title>Kettle</title></head>${body}`));
    expect(document.documentElement.localName).toBe('html');
    expect(document.querySelector('h1')?.textContent).toBe('Stainless steel kettle 1.7 l');
    expect(document.querySelector('title')?.textContent).toBe('Kettle');
  });

  it('keeps a doctype in front and leaves a page with <html> as it is', () => {
    const withDoctype = parseSavedPage(bytes(`<!DOCTYPE html><head><title>Kettle</title></head>${body}`));
    expect(withDoctype.documentElement.localName).toBe('html');
    const whole = parseSavedPage(bytes(`<!doctype html><html lang="en"><head></head>${body}</html>`));
    expect(whole.documentElement.getAttribute('lang')).toBe('en');
  });

  it('reads the same product from a page saved with or without its <html>', () => {
    const url = 'https://www.example.co.uk/p/kettle';
    const bare = extractPage(parseSavedPage(bytes(`<head><title>Kettle</title></head>${body}`)), url);
    const whole = extractPage(parseSavedPage(bytes(`<html><head><title>Kettle</title></head>${body}</html>`)), url);
    expect(bare.page).toBe('product');
    expect(bare).toEqual(whole);
  });
});
