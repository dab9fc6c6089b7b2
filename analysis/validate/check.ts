// Checks research exports against the published JSON Schema (docs/export-format.schema.json)
// and the rules the extension applies when it reads one (shared/export/research.ts): every
// problem as `field.path: what is wrong`, located by event. JSON is streamed, so files of any
// size work; CSV exports are checked column by column.

import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { CHOICES, EVENT_TYPES, validateEvent } from '../../shared/events.ts';
import { csvText, runsAsFormula } from '../../shared/export/csv-cell.ts';
import { CSV_COLUMNS, EXPORT_FORMAT, EXPORT_VERSION } from '../../shared/export/research.ts';
import { STUDY_FORMAT, validateStudy } from '../../shared/study/study.ts';
import { type FlatColumn, NUMBER_COLUMNS } from '../load/flat.ts';
import { JsonSyntaxError, scanExportFile } from './json-stream.ts';
import { checkStampsAgainstHeader, checkStudyHeader, StampIndex } from './study-header.ts';

export interface Problem {
  /** Where: `events[12].data.choice`, `line 14: choice`, or a top-level field. */
  where: string;
  message: string;
}

export interface FileReport {
  events: number;
  problems: number;
}

const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'export-format.schema.json');

interface Validators {
  file: ValidateFunction;
  event: ValidateFunction;
}
let validators: Promise<Validators> | undefined;
function loadValidators(): Promise<Validators> {
  validators ??= readFile(SCHEMA_PATH, 'utf8').then((text) => {
    const schema = JSON.parse(text);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addSchema(schema);
    return { file: ajv.getSchema(schema.$id)!, event: ajv.getSchema(`${schema.$id}#/$defs/event`)! };
  });
  return validators;
}

/** `/data/alternatives/0/url` as `.data.alternatives[0].url`. */
const fieldPath = (pointer: string): string =>
  pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');

/** What a pattern means, by field name, instead of the regular expression. */
const PATTERN_MESSAGES: Record<string, string> = {
  id: 'must be a UUID',
  at: 'must be an ISO 8601 time with its UTC offset',
  shopHost: 'must be a lower-case host name',
  url: 'must be an http(s) URL',
  currency: 'must be an ISO 4217 code',
  actionId: 'must be an action catalogue id',
  mediaType: 'must be an image media type',
  base64: 'must be base64 data',
};

/** Ajv's errors in our one-line form, without the "must match then schema" echoes of if/then. */
export function describeAjvErrors(errors: readonly ErrorObject[], prefix: string): Problem[] {
  const lines = new Map<string, Problem>();
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'anyOf') continue;
    let where = `${prefix}${fieldPath(error.instancePath)}`;
    let message = error.message ?? 'is not valid';
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'required':
        where += `.${params.missingProperty}`;
        message = 'is missing';
        break;
      case 'additionalProperties':
        where += `.${params.additionalProperty}`;
        message = 'is not a field of the format';
        break;
      case 'enum':
        message = `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
        break;
      case 'const':
        message = `must be ${JSON.stringify(params.allowedValue)}`;
        break;
      case 'pattern':
        message = PATTERN_MESSAGES[where.slice(where.lastIndexOf('.') + 1)] ?? message;
        break;
    }
    where = where.replace(/^\./, '');
    lines.set(`${where}: ${message}`, { where, message });
  }
  return [...lines.values()];
}

/** Checks a JSON export; problems go to `report` as they are found. */
export async function checkJsonExport(path: string, report: (problem: Problem) => void): Promise<FileReport> {
  const { file, event } = await loadValidators();
  const header: Record<string, unknown> = {};
  const ids = new Set<string>();
  const stamps = new StampIndex();
  let problems = 0;
  let events = 0;
  let sawEvents = false;
  const problem = (where: string, message: string) => {
    problems++;
    report({ where, message });
  };
  try {
    await scanExportFile(path, {
      member(key, value) {
        header[key] = value;
      },
      eventsList() {
        sawEvents = true;
      },
      eventsNotList() {
        sawEvents = true;
        problem('events', 'must be a list');
      },
      event(index, text) {
        sawEvents = true;
        events++;
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (error) {
          problem(`events[${index}]`, `not JSON (${(error as Error).message})`);
          return;
        }
        if (!event(value)) {
          for (const p of describeAjvErrors(event.errors ?? [], `events[${index}]`)) problem(p.where, p.message);
          return;
        }
        // Rules beyond the schema: an estimate within its range, URLs that parse, unique ids.
        const checked = validateEvent(value);
        if (!checked.ok) {
          problem(`events[${index}].${checked.error.split(': ')[0]}`, checked.error.split(': ').slice(1).join(': '));
          return;
        }
        if (ids.has(checked.value.id)) problem(`events[${index}].id`, `${checked.value.id} appears twice`);
        ids.add(checked.value.id);
        stamps.add(checked.value.study, index);
      },
    });
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      problem('file', error.message);
      return { events, problems };
    }
    throw error;
  }
  if (header.format === STUDY_FORMAT && !sawEvents) {
    // A study file (docs/study.schema.json) given to check, not an export.
    const study = validateStudy(header);
    if (!study.ok) for (const line of study.errors) problem(line.split(': ')[0]!, line.split(': ').slice(1).join(': '));
    return { events, problems };
  }
  if (!sawEvents) problem('events', 'is missing');
  if (!file({ ...header, events: [] })) {
    for (const p of describeAjvErrors(file.errors ?? [], '')) problem(p.where || 'file', p.message);
  } else {
    // The schema asks only for a study's id and title; the rest of the header is checked here.
    const headerProblems = checkStudyHeader(header.study);
    for (const p of headerProblems) problem(p.where, p.message);
    // The events' stamps against a header that holds together.
    if (headerProblems.length === 0)
      for (const p of checkStampsAgainstHeader(header.study, stamps)) problem(p.where, p.message);
  }
  return { events, problems };
}

/** CSV rows one at a time (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
async function* csvRows(path: string): AsyncGenerator<{ line: number; fields: string[]; afterLoneCr?: true }> {
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let rowLine = 1;
  let pendingCr = false;
  let afterLoneCr: true | false = false;
  for await (const chunk of createReadStream(path, {
    encoding: 'utf8',
    highWaterMark: 1 << 20,
  }) as AsyncIterable<string>) {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (pendingCr) {
        pendingCr = false;
        if (ch === '\n') continue;
        // A carriage return alone ends no line for the loaders (LF or CRLF only): say so.
        afterLoneCr = true;
      }
      if (quoted) {
        if (ch === '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (ch === '\n') line++;
          field += ch;
        }
        continue;
      }
      if (ch === '"') {
        // A doubled quote inside a quoted field.
        if (afterQuote) field += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (ch === ',') {
        row.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        row.push(field);
        yield { line: rowLine, fields: row, ...(afterLoneCr ? { afterLoneCr } : {}) };
        afterLoneCr = false;
        row = [];
        field = '';
        line++;
        rowLine = line;
        pendingCr = ch === '\r';
      } else field += ch;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    yield { line: rowLine, fields: row };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const LOCAL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?([+-]\d\d:\d\d|Z)$/;
const HOST = /^[a-z0-9.-]{1,253}(:\d{1,5})?$/;
const PRODUCT_TYPES = new Set([
  'product-viewed',
  'alternatives-shown',
  'alternative-opened',
  'choice-made',
  'purchase-marked',
]);

/** Checks a CSV export (docs/export-format.md, "CSV") row by row. */
export async function checkCsvExport(path: string, report: (problem: Problem) => void): Promise<FileReport> {
  let problems = 0;
  let events = 0;
  const problem = (where: string, message: string) => {
    problems++;
    report({ where, message });
  };
  const ids = new Set<string>();
  let header: string[] | null = null;
  let first = true;
  let loneCr = false;
  for await (const { line, fields, afterLoneCr } of csvRows(path)) {
    if (afterLoneCr && !loneCr) {
      loneCr = true;
      problem(`line ${line - 1}`, 'ends with a carriage return alone: save the file with LF or CRLF line ends');
    }
    if (first) {
      first = false;
      const comment = (fields.join(',') ?? '').replace(/^\uFEFF/, '');
      if (comment !== `# format=${EXPORT_FORMAT}; version=${EXPORT_VERSION}`) {
        problem('line 1', `must be "# format=${EXPORT_FORMAT}; version=${EXPORT_VERSION}"`);
        if (!comment.startsWith('#')) return { events, problems };
      }
      continue;
    }
    if (!header) {
      header = fields;
      if (header.join(',') !== CSV_COLUMNS.join(',')) {
        problem(`line ${line}`, `the columns must be ${CSV_COLUMNS.join(',')}`);
        return { events, problems };
      }
      continue;
    }
    events++;
    const at = `line ${line}`;
    if (fields.length !== CSV_COLUMNS.length) {
      problem(at, `has ${fields.length} fields, not ${CSV_COLUMNS.length}`);
      continue;
    }
    // Text cells a spreadsheet would run carry a leading quote (shared/export/csv-cell.ts).
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, csvText(fields[i]!)])) as Record<
      (typeof CSV_COLUMNS)[number],
      string
    >;
    const bad = (column: string, message: string) => problem(`${at}: ${column}`, message);
    // A text cell a spreadsheet would run: not written by our writers, which quote it. A file
    // edited or made elsewhere is named before someone opens it in a spreadsheet.
    CSV_COLUMNS.forEach((column, i) => {
      // Columns holding numbers are written as numbers ("-2.5" is one); every other column holds text.
      if (!NUMBER_COLUMNS.has(column as FlatColumn) && runsAsFormula(fields[i]!))
        bad(column, "would run as a formula in a spreadsheet (write it with a leading ')");
    });
    const number = (column: (typeof CSV_COLUMNS)[number], optional: boolean) => {
      const text = row[column];
      if (text === '') {
        if (!optional) bad(column, 'is missing');
        return null;
      }
      const value = Number(text);
      if (!Number.isFinite(value) || value < 0) bad(column, 'must be a number, 0 or more');
      return value;
    };
    if (!UUID.test(row.id)) bad('id', 'must be a UUID');
    else if (ids.has(row.id)) bad('id', `${row.id} appears twice`);
    else ids.add(row.id);
    const type = row.type;
    if (!(EVENT_TYPES as readonly string[]).includes(type)) bad('type', `must be one of ${EVENT_TYPES.join(', ')}`);
    if (!LOCAL_ISO.test(row.at) || Number.isNaN(Date.parse(row.at)))
      bad('at', 'must be an ISO 8601 time with its UTC offset');
    if (row.timeZone === '') bad('timeZone', 'is missing');
    if (row.schemaVersion !== '1') bad('schemaVersion', 'must be 1');
    if (row.shopHost !== '' && !HOST.test(row.shopHost)) bad('shopHost', 'must be a lower-case host name');
    const stamp = [row.studyId, row.arm, row.participantId].filter((v) => v !== '').length;
    if (stamp !== 0 && stamp !== 3) bad('studyId', 'studyId, arm and participantId come together or not at all');
    if (PRODUCT_TYPES.has(type)) {
      if (row.productTitle === '') bad('productTitle', 'is missing');
      if (!/^https?:\/\//.test(row.productUrl) || !URL.canParse(row.productUrl))
        bad('productUrl', 'must be an http(s) URL');
      if (number('priceAmount', true) !== null && !/^[A-Z]{3}$/.test(row.priceCurrency))
        bad('priceCurrency', 'must be an ISO 4217 code');
      const kg = number('kgCO2e', true);
      const low = number('low', true);
      const high = number('high', true);
      if (kg !== null && low !== null && high !== null && !(low <= kg && kg <= high))
        bad('kgCO2e', 'must lie between low and high');
    }
    if (type === 'choice-made') {
      if (!(CHOICES as readonly string[]).includes(row.choice)) bad('choice', `must be one of ${CHOICES.join(', ')}`);
      const avoided = number('avoidedKgCO2e', false);
      if (row.choice !== 'greener' && avoided !== null && avoided !== 0)
        bad('avoidedKgCO2e', 'must be 0 unless the choice is greener');
    } else if (row.choice !== '') bad('choice', `must be empty for ${type}`);
    if (type === 'action-logged') {
      if (!/^[a-z0-9-]{1,60}$/.test(row.actionId)) bad('actionId', 'must be an action catalogue id');
      number('avoidedKgCO2e', false);
    }
  }
  if (first) problem('file', 'is empty');
  else if (!header) problem('line 2', 'the column names are missing');
  return { events, problems };
}

/** JSON or CSV, by the first character that is not white space. */
export async function checkExportFile(path: string, report: (problem: Problem) => void): Promise<FileReport> {
  const stream = createReadStream(path, { start: 0, end: 1023, encoding: 'utf8' });
  let head = '';
  for await (const chunk of stream) head += chunk;
  const firstChar = head.replace(/^\uFEFF/, '').trimStart()[0];
  return firstChar === '#' ? checkCsvExport(path, report) : checkJsonExport(path, report);
}
