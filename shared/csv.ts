// A small RFC 4180 CSV reader (quoted fields, escaped quotes, CRLF), used by the factor build
// script and, record by record as it streams, the analysis loaders.

/** Splits one CSV record; `null` when a quoted field runs on to the next line. */
export function splitCsvRecord(record: string): string[] | null {
  if (!record.includes('"')) return record.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i];
    if (quoted) {
      if (ch === '"') {
        if (record[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

/** All rows of a CSV text (LF or CRLF lines; quoted fields may span lines); blank lines are skipped. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    const record = pending ? `${pending}\n${line.replace(/\r$/, '')}` : line.replace(/\r$/, '');
    const fields = splitCsvRecord(record);
    if (fields === null) {
      pending = record;
      continue;
    }
    pending = '';
    if (fields.length > 1 || fields[0] !== '') rows.push(fields);
  }
  if (pending) rows.push(splitCsvRecord(`${pending}"`) ?? [pending]);
  return rows;
}

/** Rows as objects keyed by the header line. */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvRows(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}
