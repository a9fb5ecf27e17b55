// The SelectRequest / CsvMetaRequest / JsonMetaRequest documents of SelectObject and CreateSelectObjectMeta, read
// into plain options (behaviour §15.1). Element names: PY2 models/select_object.py; delimiters, quote and
// comment characters and the expression are base64 (PY2 and oss2 select_params.py encode them).
import { SqlError } from './selectSql.js';
import type { CsvFormat } from './selectInput.js';

export type SelectFormat = 'csv' | 'json';

export interface LineRange {
  kind: 'line' | 'split';
  /**
   * Undefined for an open start or end. A line range's end is exclusive: real OSS answers `line-range=0-50` with 50
   * rows (oss2 test_select_csv_object_line_range) and `10-50` with rows 10..49 (PY2
   * test_select_object_json_file_line_range), though oss2 api.py documents (0, 99) as 100 rows. A split range's end
   * is inclusive, as documented ([I]: uncaptured).
   */
  first?: number;
  last?: number;
}

export interface SelectOptions {
  format: SelectFormat;
  expression: string;
  gzip: boolean;
  csv: CsvFormat & { header: 'use' | 'ignore' | 'none' };
  jsonType: 'DOCUMENT' | 'LINES';
  numbersAsStrings: boolean;
  range?: LineRange;
  output: {
    format: SelectFormat;
    recordDelimiter: string;
    fieldDelimiter: string;
    quote: string;
    keepAllColumns: boolean;
    header: boolean;
    raw: boolean;
    crc: boolean;
  };
  skipPartial: boolean;
  maxSkipped: number;
}

type Doc = Record<string, unknown>;

function node(d: unknown, name: string): Doc {
  const v = d !== null && typeof d === 'object' ? (d as Doc)[name] : undefined;
  return v !== null && typeof v === 'object' ? (v as Doc) : {};
}

function text(d: Doc, name: string): string | undefined {
  const v = d[name];
  if (v === undefined || v === null || typeof v === 'object') return undefined;
  return String(v);
}

function b64(d: Doc, name: string, fallback: string): string {
  const v = text(d, name);
  if (v === undefined || v === '') return fallback;
  return Buffer.from(v, 'base64').toString('utf8');
}

function bool(d: Doc, name: string, fallback: boolean): boolean {
  const v = text(d, name);
  if (v === undefined) return fallback;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  throw new SqlError(`${name} must be true or false`);
}

/** `line-range=10-50`, `split-range=-9`, `line-range=100-` (inclusive both ends). */
export function parseRange(value: string | undefined): LineRange | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const m = /^(line|split)-range=(\d*)-(\d*)$/.exec(value.trim());
  if (!m || (m[2] === '' && m[3] === '')) throw new SqlError(`invalid Range ${value}`);
  const first = m[2] === '' ? undefined : Number(m[2]);
  const last = m[3] === '' ? undefined : Number(m[3]);
  if (first !== undefined && last !== undefined && first > last) throw new SqlError(`invalid Range ${value}`);
  return { kind: m[1] as 'line' | 'split', first, last };
}

function input(format: SelectFormat, inp: Doc): Omit<SelectOptions, 'expression' | 'output' | 'skipPartial' | 'maxSkipped'> {
  const compression = (text(inp, 'CompressionType') ?? 'None').toUpperCase();
  if (compression !== 'NONE' && compression !== 'GZIP') throw new SqlError(`unsupported CompressionType ${compression}`);
  const c = node(inp, 'CSV');
  const j = node(inp, 'JSON');
  const header = (text(c, 'FileHeaderInfo') ?? 'None').toLowerCase();
  if (!['use', 'ignore', 'none'].includes(header)) throw new SqlError(`invalid FileHeaderInfo ${header}`);
  const jsonType = (text(j, 'Type') ?? 'DOCUMENT').toUpperCase();
  if (jsonType !== 'DOCUMENT' && jsonType !== 'LINES') throw new SqlError(`invalid JSON Type ${jsonType}`);
  const range = parseRange(format === 'csv' ? text(c, 'Range') : text(j, 'Range'));
  const csv = {
    header: header as 'use' | 'ignore' | 'none',
    recordDelimiter: b64(c, 'RecordDelimiter', '\n'),
    fieldDelimiter: b64(c, 'FieldDelimiter', ','),
    quote: b64(c, 'QuoteCharacter', '"'),
    comment: b64(c, 'CommentCharacter', ''),
    allowQuotedRecordDelimiter: bool(c, 'AllowQuotedRecordDelimiter', true),
  };
  if (csv.fieldDelimiter.length !== 1 || csv.recordDelimiter.length < 1 || csv.recordDelimiter.length > 2)
    throw new SqlError('invalid delimiter');
  return {
    format,
    gzip: compression === 'GZIP',
    csv,
    jsonType,
    numbersAsStrings: bool(j, 'ParseJsonNumberAsString', false),
    range,
  };
}

/** A SelectRequest document; `format` is the x-oss-process value's (csv/select, json/select). */
export function parseSelectRequest(format: SelectFormat, doc: Doc | undefined): SelectOptions {
  const root = node(doc, 'SelectRequest');
  const expr = text(root, 'Expression');
  if (expr === undefined || expr === '') throw new SqlError('Expression is missing');
  const inp = node(root, 'InputSerialization');
  const out = node(root, 'OutputSerialization');
  const oc = node(out, 'CSV');
  const oj = node(out, 'JSON');
  const opts = node(root, 'Options');
  // The output format is the one named, else the input's.
  const outFormat: SelectFormat = text(out, 'JSON') !== undefined || Object.keys(oj).length > 0 ? 'json' : text(out, 'CSV') !== undefined || Object.keys(oc).length > 0 ? 'csv' : format;
  const base = input(format, inp);
  return {
    ...base,
    expression: Buffer.from(expr, 'base64').toString('utf8'),
    output: {
      format: outFormat,
      recordDelimiter: b64(outFormat === 'json' ? oj : oc, 'RecordDelimiter', '\n'),
      fieldDelimiter: b64(oc, 'FieldDelimiter', ','),
      quote: b64(oc, 'QuoteCharacter', '"'),
      keepAllColumns: bool(out, 'KeepAllColumns', false),
      header: bool(out, 'OutputHeader', false),
      raw: bool(out, 'OutputRawData', false),
      crc: bool(out, 'EnablePayloadCrc', false),
    },
    skipPartial: bool(opts, 'SkipPartialDataRecord', false),
    maxSkipped: Number(text(opts, 'MaxSkippedRecordsAllowed') ?? '0') || 0,
  };
}

/**
 * A CsvMetaRequest / JsonMetaRequest document (PY2's root names; the ossutil page names it SelectMetaRequest): the
 * root's name is not checked.
 */
export function parseMetaRequest(format: SelectFormat, doc: Doc | undefined): ReturnType<typeof input> {
  const root = node(doc, Object.keys(doc ?? {}).find((k) => !k.startsWith('?')) ?? '');
  return input(format, node(root, 'InputSerialization'));
}
