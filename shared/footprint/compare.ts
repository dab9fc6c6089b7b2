// Which items of a listing to mark "lowest": only among comparable items, those of one category,
// compared per kg where their pack sizes differ (per unit where only the count differs), and only
// where there are enough of them to compare. A dining table is never compared with a T-shirt.
// Decided in the background (extension/entrypoints/background/handlers.ts), which sends each badge
// only the text it shows: the content script, loaded on every shop page, carries none of this.

export type Basis = 'offer' | 'kg' | 'unit';

export interface ComparableItem {
  category: string;
  kgCO2e: number;
  /** Net mass or volume of the whole offer as its title writes it, or null when it writes none. */
  netKg: number | null;
  /** Units in the pack (1 when none is written). */
  count: number;
}

/** What a marked item was compared with: how many items (itself included), and on what basis. */
export interface LowestMark {
  basis: Basis;
  among: number;
}

/** Items at or below this share of their group's figures are marked. */
const LOWEST_SHARE = 0.25;
/** A group needs this many items for a mark to mean something. */
export const MIN_TO_COMPARE = 3;

const allEqual = (values: number[]): boolean => values.every((value) => value === values[0]);

/** The mark for each item (null for none), in the items' order. */
export function lowestMarks(items: readonly ComparableItem[]): (LowestMark | null)[] {
  const marks: (LowestMark | null)[] = items.map(() => null);
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    if (item.category !== 'unknown') groups.set(item.category, [...(groups.get(item.category) ?? []), i]);
  });
  for (const members of groups.values()) {
    const sized = members.filter((i) => items[i]!.netKg);
    // Pack sizes written and differing (or written for some only): per kg, among those that write one.
    const perKg =
      sized.length > 0 && !(sized.length === members.length && allEqual(sized.map((i) => items[i]!.netKg!)));
    const basis: Basis = perKg ? 'kg' : allEqual(members.map((i) => items[i]!.count)) ? 'offer' : 'unit';
    const ranked = perKg ? sized : members;
    if (ranked.length < MIN_TO_COMPARE) continue;
    const value = (i: number): number => {
      const item = items[i]!;
      return item.kgCO2e / (basis === 'kg' ? item.netKg! : basis === 'unit' ? item.count : 1);
    };
    const sorted = ranked.map(value).sort((a, b) => a - b);
    const threshold = sorted[Math.ceil(sorted.length * LOWEST_SHARE) - 1]!;
    for (const i of ranked) if (value(i) <= threshold) marks[i] = { basis, among: ranked.length };
  }
  return marks;
}
