// Number formatting for the overlay, in the browser's language (1,5 kg in German, 1.5 kg in English).

const formatters = new Map<number, Intl.NumberFormat>();
const formatter = (digits: number): Intl.NumberFormat => {
  let format = formatters.get(digits);
  if (!format) {
    format = new Intl.NumberFormat(globalThis.navigator?.language, { maximumFractionDigits: digits });
    formatters.set(digits, format);
  }
  return format;
};

export const formatNumber = (value: number, digits = 0): string => formatter(digits).format(value);

/** kg CO2e with as many digits as an estimate deserves: 0.42, 4.2, 42. */
export const formatKg = (kg: number): string => formatNumber(kg, kg < 1 ? 2 : kg < 10 ? 1 : 0);
