// SelectObject and CreateSelectObjectMeta (`POST /<key>?x-oss-process=csv/select|json/select|csv/meta|json/meta`,
// behaviour §15). The object is read as a stream, split into records (domain/selectInput.ts), each evaluated by
// the query (domain/selectSql.ts) and written out in frames (domain/selectFrames.ts) as it goes.
import { PassThrough, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { OssError } from '../domain/errors.js';
import { continuousFrame, dataFrame, endFrame, metaEndFrame } from '../domain/selectFrames.js';
import { CsvSplitter, JsonArrayStreamer, JsonValueSplitter, parseJsonValue } from '../domain/selectInput.js';
import { parseMetaRequest, parseSelectRequest, type SelectFormat, type SelectOptions } from '../domain/selectRequest.js';
import {
  Aggregation,
  asText,
  matches,
  parseSelect,
  serializeJson,
  SqlError,
  evaluate,
  type Row,
  type SelectQuery,
  type Value,
} from '../domain/selectSql.js';
import { readXml } from '../http/body.js';
import type { OssContext } from '../http/state.js';
import type { ObjectVersionRecord } from '../domain/types.js';
import { requireBucket } from './bucket.js';
import { readableObject, versionIdParam } from './lookup.js';

class ClientGone extends Error {}

/** The x-oss-process values served here; others stay refused (image processing is another family's). */
export const SELECT_PROCESS = /^(csv|json)\/(select|meta)$/;

/** [I] records per split: the split unit is uncaptured; meta and split-range agree on it. */
export const SPLIT_ROWS = 1000;
/** Output is sent in data frames of about this size. */
const FRAME_BYTES = 64 * 1024;
/** A continuous frame goes out after this many scanned bytes without output (progress, keep-alive). */
const PROGRESS_BYTES = 1024 * 1024;

/** Which of the two APIs an x-oss-process value names (undefined: neither; the route table asks). */
export function processOp(ctx: OssContext): 'select' | 'meta' | undefined {
  return SELECT_PROCESS.exec(ctx.state.query.get('x-oss-process') ?? '')?.[2] as 'select' | 'meta' | undefined;
}

function processOf(ctx: OssContext): { format: SelectFormat; op: 'select' | 'meta' } {
  const m = SELECT_PROCESS.exec(ctx.state.query.get('x-oss-process') ?? '')!;
  return { format: m[1] as SelectFormat, op: m[2] as 'select' | 'meta' };
}

function invalid(err: unknown): never {
  if (err instanceof SqlError) throw new OssError('InvalidSelectRequest', { ErrorDetail: err.message });
  throw err;
}

/** The object's bytes as a stream, gunzipped when the request says GZIP; `scanned` counts bytes read. */
function source(ctx: OssContext, o: ObjectVersionRecord, gzip: boolean, onBytes: (n: number) => void): AsyncIterable<Buffer> {
  const body = o.size > 0 && o.contentId !== null ? ctx.state.store.content.body(o.contentId, 0, o.size) : Buffer.alloc(0);
  const raw = Buffer.isBuffer(body) ? Readable.from([body]) : body;
  raw.on('data', (chunk: Buffer) => onBytes(chunk.length));
  return gzip ? raw.pipe(createGunzip()) : raw;
}

/** Feeds the object's records to `emit`; returns when the object is read (or LIMIT reached). */
async function scan(
  ctx: OssContext,
  o: ObjectVersionRecord,
  opts: Omit<SelectOptions, 'expression' | 'output' | 'skipPartial' | 'maxSkipped'>,
  fromPath: (string | number)[],
  bytes: { first: number; last: number } | undefined,
  onRecord: (row: Row, star: () => string | Value, names: () => string[], index: number) => boolean,
  progress: (scanned: number) => Promise<void>,
): Promise<{ scanned: number; records: number; columns: number }> {
  let scanned = 0;
  let index = 0;
  let columns = 0;
  let header: string[] | undefined;
  let headerMap: Map<string, number> | undefined;
  const decoder = new StringDecoder('utf8');
  const csv = opts.format === 'csv' ? new CsvSplitter(opts.csv) : undefined;
  const json = opts.format === 'json' ? new JsonValueSplitter() : undefined;
  // A DOCUMENT queried through `[*]` streams the array's elements; the rest of the path applies to each.
  const star = fromPath.indexOf('*');
  const elements = opts.format === 'json' && opts.jsonType === 'DOCUMENT' && star >= 0 ? new JsonArrayStreamer(fromPath.slice(0, star)) : undefined;
  const elementPath = star >= 0 ? fromPath.slice(star + 1) : fromPath;
  let stop = false;
  let documentText = '';

  const inRange = (i: number): boolean => {
    const r = opts.range;
    if (r === undefined) return true;
    const unit = r.kind === 'line' ? i : Math.floor(i / SPLIT_ROWS);
    const beforeEnd = r.last === undefined || (r.kind === 'line' ? unit < r.last : unit <= r.last);
    return (r.first === undefined || unit >= r.first) && beforeEnd;
  };

  const csvRecord = (fields: string[], startByte: number): void => {
    // The column count is the first row's (OSS API reference, CreateSelectObjectMeta: "x-oss-select-csv-columns
    // refers to the number of columns in the first row").
    if (header === undefined && index === 0) columns = fields.length;
    if (header === undefined && opts.csv.header !== 'none') {
      header = fields;
      headerMap = new Map(fields.map((h, i) => [h.trim().toLowerCase(), i] as const));
      return;
    }
    // A Range header: the records that start inside the byte range (oss2 test_select_csv_object_with_bytes_range).
    if (bytes !== undefined && startByte > bytes.last) {
      stop = true;
      return;
    }
    if (bytes !== undefined && startByte < bytes.first) return;
    const i = index++;
    if (!inRange(i)) return;
    const row: Row = (path) => {
      if (path.length !== 1) return undefined;
      const name = String(path[0]);
      const pos = /^_\d+$/.test(name) ? Number(name.slice(1)) - 1 : opts.csv.header === 'use' ? headerMap?.get(name.toLowerCase()) : undefined;
      if (pos === undefined) throw new SqlError(`unknown column ${name}`);
      return fields[pos];
    };
    const names = (): string[] => (header !== undefined && opts.csv.header === 'use' ? header : fields.map((_, k) => `_${k + 1}`));
    if (!onRecord(row, () => fields as unknown as Value, names, i)) stop = true;
  };

  const jsonRows = (record: Value, path = fromPath): void => {
    const rows = expand(record, path);
    for (const r of rows) {
      const i = index++;
      if (!inRange(i)) continue;
      const row: Row = (path) => walk(r, path);
      if (!onRecord(row, () => r, () => [], i)) {
        stop = true;
        return;
      }
    }
  };

  for await (const chunk of source(ctx, o, opts.gzip, (n) => (scanned += n))) {
    const text = decoder.write(chunk as Buffer);
    if (csv) {
      const recs = csv.push(text);
      for (let k = 0; k < recs.length && !stop; k++) csvRecord(recs[k]!, csv.starts[k]!);
    }
    else if (elements) {
      for (const t of elements.push(text)) {
        jsonRows(parseJsonValue(t, opts.numbersAsStrings), elementPath);
        if (stop) break;
      }
    } else if (opts.jsonType === 'LINES') {
      for (const t of json!.push(text)) {
        jsonRows(parseJsonValue(t, opts.numbersAsStrings));
        if (stop) break;
      }
    } else {
      // [I] DOCUMENT without `[*]`: the document is the one record, parsed once read (held: behaviour §15.5).
      documentText += text;
      const head = documentText.trimStart();
      if (head !== '' && head[0] !== '{' && head[0] !== '[') throw new SqlError('the object is not a JSON document');
    }
    if (stop) break;
    await progress(scanned);
  }
  if (!stop) {
    const rest = decoder.end();
    if (csv) {
      const recs = csv.push(rest);
      const starts = csv.starts;
      recs.push(...csv.end());
      starts.push(...csv.starts);
      for (let k = 0; k < recs.length && !stop; k++) csvRecord(recs[k]!, starts[k]!);
    }
    else if (elements) {
      for (const t of elements.push(rest)) if (!stop) jsonRows(parseJsonValue(t, opts.numbersAsStrings), elementPath);
      if (!stop) elements.end();
    } else if (opts.jsonType === 'LINES') {
      for (const t of json!.push(rest)) if (!stop) jsonRows(parseJsonValue(t, opts.numbersAsStrings));
      json!.end();
    } else {
      documentText += rest;
      if (documentText.trim() !== '') jsonRows(parseJsonValue(documentText.trim(), opts.numbersAsStrings));
    }
  }
  return { scanned: stop ? scanned : o.size, records: index, columns };
}

function walk(v: Value | undefined, path: (string | number)[]): Value | undefined {
  let cur = v;
  for (const seg of path) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) cur = typeof seg === 'number' ? cur[seg] : undefined;
    else if (typeof seg === 'string') cur = (cur as Record<string, Value>)[seg];
    else return undefined;
  }
  return cur;
}

/** `from ossobject.contacts[*]`: each element of the array at the path is a row. */
function expand(record: Value, path: (string | number)[]): Value[] {
  const star = path.indexOf('*');
  if (star < 0) {
    const v = walk(record, path);
    return v === undefined ? [] : [v];
  }
  const arr = walk(record, path.slice(0, star));
  if (!Array.isArray(arr)) return [];
  return arr.flatMap((el) => expand(el, path.slice(star + 1)));
}

/**
 * KeepAllColumns: every column of the record keeps its place, the ones not selected empty (oss2
 * test_select_csv_object_with_keep_columns: `select _1` over `abc,def` is `abc,`). Only plain column selections
 * have a place; otherwise the selected values are written as they are.
 */
function keepAll(fields: string[], names: string[], query: SelectQuery, values: (Value | undefined)[]): (Value | undefined)[] {
  const lower = names.map((n) => n.trim().toLowerCase());
  const places = query.items!.map((it) => {
    if (it.expr.k !== 'col' || it.expr.path.length !== 1) return -1;
    const name = String(it.expr.path[0]);
    return /^_\d+$/.test(name) ? Number(name.slice(1)) - 1 : lower.indexOf(name.toLowerCase());
  });
  if (places.some((p) => p < 0)) return values;
  const row: (Value | undefined)[] = fields.map(() => '');
  places.forEach((p, i) => (row[p] = values[i]));
  return row;
}

function csvField(v: string, out: SelectOptions['output']): string {
  const q = out.quote;
  if (q !== '' && (v.includes(out.fieldDelimiter) || v.includes(q) || v.includes(out.recordDelimiter) || v.includes('\n')))
    return q + v.split(q).join(q + q) + q;
  return v;
}

/**
 * A `Range: bytes=a-b` header selects the CSV records that start in those bytes; it needs
 * AllowQuotedRecordDelimiter false (a record boundary must be findable without reading from the start: oss2 api.py
 * select_object documents it and its client refuses the other case) [I: the server's answer then]. JSON: refused [I].
 */
function byteRange(header: string, size: number, opts: SelectOptions): { first: number; last: number } | undefined {
  if (header === '') return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) throw new SqlError(`invalid Range ${header}`);
  if (opts.format !== 'csv') throw new SqlError('a byte Range is only for CSV objects');
  if (opts.csv.allowQuotedRecordDelimiter) throw new SqlError('a byte Range needs AllowQuotedRecordDelimiter false');
  if (m[1] === '') return { first: Math.max(size - Number(m[2]), 0), last: size - 1 };
  return { first: Number(m[1]), last: m[2] === '' ? size - 1 : Number(m[2]) };
}

/** POST ?x-oss-process=csv/select|json/select. */
export async function selectObject(ctx: OssContext): Promise<void> {
  const bucket = requireBucket(ctx);
  const o = readableObject(ctx, bucket, ctx.state.key!, versionIdParam(ctx));
  const { format, op } = processOf(ctx);
  const doc = await readXml(ctx);
  if (op === 'meta') return selectMeta(ctx, o, format, doc);
  let opts: SelectOptions;
  let query: SelectQuery;
  let bytes: { first: number; last: number } | undefined;
  try {
    opts = parseSelectRequest(format, doc);
    query = parseSelect(opts.expression);
    if (opts.format === 'csv' && query.fromPath.length > 0) throw new SqlError('a CSV object has no paths in FROM');
    bytes = byteRange(ctx.get('range'), o.size, opts);
  } catch (err) {
    invalid(err);
  }
  const out = opts.output;
  const body = new PassThrough();
  // The answer starts with the first record (or once the first piece of the object has been read): a failure
  // before that (not JSON at all) is an HTTP error (oss2 test_select_json_object_with_invalid_data expects a ServerError), one
  // after it travels in the end frame.
  let started = false;
  let start!: () => void;
  let failEarly!: (err: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    start = () => {
      started = true;
      resolve();
    };
    failEarly = reject;
  });

  let pending: string[] = [];
  let pendingSize = 0;
  let lastReport = 0;
  let scannedNow = 0;
  // A client that goes away destroys the body: the scan then stops (leaving its for-await closes the object's
  // stream) instead of waiting for a drain that never comes.
  const write = async (b: Buffer): Promise<void> => {
    if (body.destroyed) throw new ClientGone();
    if (!body.write(b))
      await new Promise<void>((resolve) => {
        const done = () => {
          body.off('drain', done);
          body.off('close', done);
          resolve();
        };
        body.once('drain', done);
        body.once('close', done);
      });
    if (body.destroyed) throw new ClientGone();
  };
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const data = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingSize = 0;
    lastReport = scannedNow;
    await write(out.raw ? data : dataFrame(scannedNow, data));
  };
  const put = (s: string): void => {
    pending.push(s);
    pendingSize += s.length;
  };
  // A JSON member the record lacks is left out of the output object (oss2 test_select_json_object_with_skip_partial_data).
  const renderRow = (values: (Value | undefined)[], names: string[]): string =>
    out.format === 'csv'
      ? values.map((v) => csvField(asText(v) ?? '', out)).join(out.fieldDelimiter) + out.recordDelimiter
      : serializeJson(Object.fromEntries(names.flatMap((n, i) => (values[i] === undefined ? [] : [[n, values[i]!]])))) +
        out.recordDelimiter;

  const agg = query.aggregates > 0 ? new Aggregation(query) : undefined;
  let emitted = 0;
  let skipped = 0;
  let headerDone = !out.header || out.format !== 'csv';
  void (async () => {
    try {
      const result = await scan(
        ctx,
        o,
        opts,
        query.fromPath,
        bytes,
        (row0, star, names) => {
          start();
          // A record missing a column the query names is partial (SkipPartialDataRecord, MaxSkippedRecordsAllowed:
          // oss2 test_select_csv_object_with_skip_partial_data / _max_partial_data).
          let partial = false;
          const row: Row = (path) => {
            const v = row0(path);
            if (v === undefined) partial = true;
            return v;
          };
          if (!matches(query, row) && !partial) return true;
          let values: (Value | undefined)[] | undefined;
          if (!agg && query.items !== undefined)
            values = query.items.map((it) => (it.expr.k === 'col' ? row(it.expr.path) : evaluate(it.expr, row)));
          if (partial && opts.skipPartial) {
            if (++skipped > opts.maxSkipped) throw new SqlError(`more than ${opts.maxSkipped} partial records skipped`);
            return true;
          }
          if (partial && !matches(query, row)) return true;
          if (agg) {
            agg.add(row);
            return true;
          }
          if (!headerDone) {
            headerDone = true;
            put(renderRow(query.items ? query.items.map((it) => it.name) : names(), []));
          }
          if (query.items === undefined || values === undefined) {
            const all = star();
            if (out.format === 'csv') {
              const fields = Array.isArray(all) ? (all as Value[]) : [all];
              put(renderRow(fields, []));
            } else if (opts.format === 'json') put(serializeJson(all as Value) + out.recordDelimiter);
            else {
              const fields = all as unknown as string[];
              const n = names();
              put(renderRow(fields, fields.map((_, i) => n[i] ?? `_${i + 1}`)));
            }
          } else if (out.keepAllColumns && out.format === 'csv' && opts.format === 'csv') {
            put(renderRow(keepAll(star() as unknown as string[], names(), query, values), []));
          } else {
            put(renderRow(values, query.items.map((it) => it.name)));
          }
          emitted++;
          return query.limit === undefined || emitted < query.limit;
        },
        async (scanned) => {
          start();
          scannedNow = scanned;
          if (pendingSize >= FRAME_BYTES) await flush();
          else if (!out.raw && scanned - lastReport >= PROGRESS_BYTES) {
            lastReport = scanned;
            await write(continuousFrame(scanned));
          }
        },
      );
      start();
      scannedNow = result.scanned;
      if (agg) {
        if (!headerDone) put(renderRow(query.items!.map((it) => it.name), []));
        put(renderRow(agg.result(), query.items!.map((it) => it.name)));
      }
      await flush();
      if (!out.raw) await write(endFrame(result.scanned, 206));
    } catch (err) {
      if (err instanceof ClientGone) return;
      if (!started) {
        failEarly(err);
        return;
      }
      // After the 206 the failure travels in the end frame (`Code.message`, PY2 _SelectResponseAdapter).
      await flush().catch(() => undefined);
      const message = err instanceof Error ? err.message : String(err);
      if (!out.raw) body.write(endFrame(scannedNow, 400, `InvalidSelectRequest.${message}`));
      else body.destroy(new Error(message));
    }
    body.end();
  })();
  await ready.catch(invalid);
  ctx.status = 206;
  ctx.set('x-oss-select-output-raw', out.raw ? 'true' : 'false');
  ctx.set('Content-Type', 'application/octet-stream');
  ctx.body = body;
}

/** POST ?x-oss-process=csv/meta|json/meta: rows, splits (and CSV columns) in a meta end frame. */
async function selectMeta(ctx: OssContext, o: ObjectVersionRecord, format: SelectFormat, doc: Record<string, unknown> | undefined): Promise<void> {
  let opts: ReturnType<typeof parseMetaRequest>;
  try {
    opts = parseMetaRequest(format, doc);
    // "It can only be None as file compression is currently not supported" (API reference, CreateSelectObjectMeta).
    if (opts.gzip) throw new SqlError('CreateSelectObjectMeta reads uncompressed objects only');
    // [I] the header line is a row only when FileHeaderInfo is NONE; meta counts every record.
    opts = { ...opts, range: undefined, csv: { ...opts.csv, header: 'none' } };
  } catch (err) {
    invalid(err);
  }
  let result: { scanned: number; records: number; columns: number };
  try {
    result = await scan(ctx, o, opts, [], undefined, () => true, async () => undefined);
  } catch (err) {
    invalid(err);
  }
  ctx.status = 200;
  ctx.set('Content-Type', 'application/octet-stream');
  const splits = Math.max(1, Math.ceil(result.records / SPLIT_ROWS));
  if (format === 'csv') {
    // The API reference's example answer carries the counts as headers too (beside the frame PY2 reads).
    ctx.set('x-oss-select-csv-rows', String(result.records));
    ctx.set('x-oss-select-csv-columns', String(result.columns));
    ctx.set('x-oss-select-csv-splits', String(splits));
  }
  ctx.body = metaEndFrame({
    scanned: result.scanned,
    status: 200,
    splits,
    rows: result.records,
    columns: format === 'csv' ? result.columns : undefined,
  });
}
