// The overlay's texts in the browser's language: the browser's own message lookup, without the
// runtime of @wxt-dev/i18n (plural forms, named substitutions), which the overlay does not use and
// every shop page would load. Keys and their substitutions are checked as `i18n.t` checks them.

import type { GeneratedI18nStructure } from '#i18n';

type Key = {
  [K in keyof GeneratedI18nStructure]: GeneratedI18nStructure[K]['plural'] extends false ? K : never;
}[keyof GeneratedI18nStructure];

/** The message `key` ("overlay.why"), with `$1`… filled from the substitutions when it has any. */
export const t = <K extends Key>(
  key: K,
  ...substitutions: GeneratedI18nStructure[K]['substitutions'] extends 0 ? [] : [string[]]
): string =>
  (browser.i18n.getMessage as (name: string, ...rest: string[][]) => string)(
    key.replaceAll('.', '_'),
    ...substitutions,
  );
