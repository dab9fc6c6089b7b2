// Every text of the popup and dashboard exists in English, German and Chinese, with the same
// placeholders, so no shopper sees a missing message.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../shared-fixtures.ts';

const LOCALES = ['en', 'de', 'zh_CN'];
const GROUPS = ['overlay', 'popup', 'dashboard'];

/** `group.key` → text, for the groups above (the files use one level of nesting). */
function pageTexts(locale: string): Map<string, string> {
  const texts = new Map<string, string>();
  let group: string | null = null;
  for (const line of readFileSync(join(REPO_ROOT, 'extension', 'locales', `${locale}.yml`), 'utf8').split('\n')) {
    const top = /^([A-Za-z_]+):\s*$/.exec(line);
    if (top) group = GROUPS.includes(top[1]!) ? top[1]! : null;
    else if (/^\S/.test(line)) group = null;
    const nested = /^ {2}([A-Za-z0-9_]+):\s*(.*)$/.exec(line);
    if (group && nested) texts.set(`${group}.${nested[1]}`, nested[2]!.replace(/^"|"$/g, ''));
  }
  return texts;
}

const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();

describe('page texts', () => {
  const english = pageTexts('en');

  it('has the popup and dashboard texts in English', () => {
    expect(english.get('popup.openDashboard')).toBe('Open dashboard');
    expect(english.size).toBeGreaterThan(100);
  });

  it.each(LOCALES.slice(1))('%s has every English text, with the same placeholders, and no other', (locale) => {
    const texts = pageTexts(locale);
    expect([...texts.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(placeholders(texts.get(key) ?? ''), key).toEqual(placeholders(text));
      expect(texts.get(key)?.trim(), key).not.toBe('');
    }
  });
});
