// One CSV cell, written so a spreadsheet cannot run it: text that Excel, LibreOffice or Sheets
// would read as a formula (a leading =, +, -, @, tab or carriage return) gets a leading single
// quote, as OWASP's "CSV Injection" advice recommends. Numbers are written as numbers. Every CSV
// writer of the project (extension export, `carbon-ledger convert`) goes through `csvCell`, and
// every reader through `csvText`, so the quote never reaches an analysis.

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA = '[=+\\-@\\t\\r]';
const FORMULA_START = new RegExp(`^'*${FORMULA}`);
/** A cell `csvCell` neutralised: one quote more than the text had. */
const NEUTRALISED = new RegExp(`^'+${FORMULA}`);
const RUNS = new RegExp(`^${FORMULA}`);

/** Whether a spreadsheet would run `cell`, as written in a file, as a formula. */
export const runsAsFormula = (cell: string): boolean => RUNS.test(cell);

/**
 * Text that cannot start a formula. A text that already starts with quotes before a formula
 * character gets one more, so `csvText` can always take exactly one off: the mapping is lossless.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text a neutralised cell held (the inverse of `neutraliseFormula`). */
export function csvText(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/**
 * One RFC 4180 field: empty for null, a finite number as written by JavaScript, text neutralised
 * and quoted when it holds a comma, quote or line break.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseFormula(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
