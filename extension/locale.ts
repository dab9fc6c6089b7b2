// The shopper's language as the browser reports it (browser.i18n.getUILanguage(), the language the
// extension's own messages are picked in), for numbers, dates, plurals and the texts made outside
// the locale files. `@@ui_locale` is the locale of the messages file picked, not the browser's.

import { bcp47, type Lang, langOf } from '../shared/i18n/format.ts';

/** The browser's UI language as a BCP 47 tag ("de-DE", "zh-CN"); the page's language where the API is missing. */
export function uiLocale(): string {
  try {
    const tag = (globalThis as { browser?: typeof browser }).browser?.i18n?.getUILanguage?.();
    if (tag) return bcp47(tag);
  } catch {
    // Not an extension context (a test), or a fake browser without i18n.
  }
  return bcp47(globalThis.navigator?.language ?? 'en');
}

/** Which of our three languages the shopper reads. */
export const uiLang = (): Lang => langOf(uiLocale());
