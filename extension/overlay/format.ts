// Number formatting for the overlay, in the shopper's locale.

export function formatKg(kg: number, locale?: string): string {
  const digits = kg < 1 ? 2 : kg < 10 ? 1 : 0;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(kg);
}
