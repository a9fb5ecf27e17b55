// SelectObject and CreateSelectObjectMeta (PY2 operations/select_object.py): POST ?x-oss-process=<fmt>/select|meta
// with a SelectRequest / CsvMetaRequest / JsonMetaRequest document; the answer is framed (version byte, 3-byte
// type, payload length, header checksum, payload, payload CRC-32), read as PY2's _SelectResponseAdapter reads it.
import { Transform, type TransformCallback } from 'node:stream';
import { crc32 } from 'node:zlib';
import { buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import type { Readable } from 'node:stream';
import { base, md5, type Wire } from './wire.js';

async function readAll(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

const DATA = 8388609;
const END = 8388613;
const META_END_CSV = 8388614;
const META_END_JSON = 8388615;

/** A failure the server reported in the end frame, after the 206 (PY2 raises with status, code, message). */
export class SelectObjectError extends Error {
  override name = 'SelectObjectError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const flag = (v: boolean | undefined) => (v === undefined ? {} : { v: String(v) });
function el<T extends object>(entries: [string, unknown][]): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) if (v !== undefined && !(typeof v === 'object' && v !== null && Object.keys(v).length === 0)) out[k] = v;
  return out as T;
}

function inputXml(i: M.InputSerialization | undefined): object | undefined {
  if (i === undefined) return undefined;
  return el([
    ['CompressionType', i.compressionType],
    ['CSV', i.csv && el([
      ['FileHeaderInfo', i.csv.fileHeaderInfo],
      ['RecordDelimiter', i.csv.recordDelimiter],
      ['FieldDelimiter', i.csv.fieldDelimiter],
      ['QuoteCharacter', i.csv.quoteCharacter],
      ['CommentCharacter', i.csv.commentCharacter],
      ['Range', i.csv.range],
      ['AllowQuotedRecordDelimiter', flag(i.csv.allowQuotedRecordDelimiter).v],
    ])],
    ['JSON', i.json && el([
      ['Type', i.json.type],
      ['Range', i.json.range],
      ['ParseJsonNumberAsString', flag(i.json.parseJsonNumberAsString).v],
    ])],
  ]);
}

/** The SelectRequest document (exported for the conformance raw drivers, which send it by hand). */
export function selectRequestXml(r: M.SelectRequest): string {
  const o = r.outputSerialization;
  return buildXml('SelectRequest', el([
    ['Expression', r.expression],
    ['InputSerialization', inputXml(r.inputSerialization)],
    ['OutputSerialization', o && el([
      ['CSV', o.csv && el([['RecordDelimiter', o.csv.recordDelimiter], ['FieldDelimiter', o.csv.fieldDelimiter], ['QuoteCharacter', o.csv.quoteCharacter]])],
      ['JSON', o.json && el([['RecordDelimiter', o.json.recordDelimiter]])],
      ['KeepAllColumns', flag(o.keepAllColumns).v],
      ['OutputHeader', flag(o.outputHeader).v],
      ['OutputRawData', flag(o.outputRawData).v],
      ['EnablePayloadCrc', flag(o.enablePayloadCrc).v],
    ])],
    ['Options', r.options && el([
      ['SkipPartialDataRecord', flag(r.options.skipPartialDataRecord).v],
      ['MaxSkippedRecordsAllowed', r.options.maxSkippedRecordsAllowed?.toString()],
    ])],
  ]));
}

/** The CsvMetaRequest / JsonMetaRequest document, by the process value (PY2 root names). */
export function selectMetaRequestXml(process: string, m: M.CSVMetaRequest): string {
  return buildXml(process.startsWith('json') ? 'JsonMetaRequest' : 'CsvMetaRequest', el([
    ['InputSerialization', inputXml(m.inputSerialization)],
    ['OverwriteIfExists', flag(m.overwriteIfExists).v],
  ]));
}

/** A whole framed body read at once: the rows and the end frame's fields (conformance raw drivers). */
export function readSelectFrames(body: Buffer): { data: Buffer; end?: SelectEnd; error?: SelectObjectError } {
  try {
    const t = takeFrames(body, false);
    return { data: Buffer.concat(t.data), end: t.end };
  } catch (err) {
    if (err instanceof SelectObjectError) return { data: Buffer.alloc(0), error: err };
    throw err;
  }
}

export type SelectEnd = EndInfo;

interface EndInfo {
  scanned: number;
  status: number;
  splits: number;
  rows: number;
  columns: number;
  error: string;
}

/**
 * Takes the complete frames off the front of `buf`: data frames' rows, and the end frame's fields; a failure the
 * end frame reports throws SelectObjectError. The rest (an incomplete frame) is handed back.
 */
function takeFrames(buf: Buffer, checkCrc: boolean): { rest: Buffer; data: Buffer[]; end?: EndInfo } {
  const data: Buffer[] = [];
  let end: EndInfo | undefined;
  while (buf.length >= 12) {
    const len = buf.readUInt32BE(4);
    if (buf.length < 12 + len + 4) break;
    const type = buf.readUInt32BE(0) & 0xffffff;
    const payload = buf.subarray(12, 12 + len);
    const crc = buf.readUInt32BE(12 + len);
    buf = buf.subarray(16 + len);
    if (type === DATA) {
      if (checkCrc && (crc32(payload) >>> 0) !== crc) throw new Error('select frame CRC-32 mismatch');
      data.push(payload.subarray(8));
    } else if (type === END || type === META_END_CSV || type === META_END_JSON) {
      const meta = type !== END;
      const errAt = type === END ? 20 : type === META_END_CSV ? 36 : 32;
      end = {
        scanned: Number(payload.readBigUInt64BE(8)),
        status: payload.readUInt32BE(16),
        splits: meta ? payload.readUInt32BE(20) : 0,
        rows: meta ? Number(payload.readBigUInt64BE(24)) : 0,
        columns: type === META_END_CSV ? payload.readUInt32BE(32) : 0,
        error: payload.subarray(errAt).toString('utf8'),
      };
      if (Math.floor(end.status / 100) !== 2) {
        const dot = end.error.indexOf('.');
        throw new SelectObjectError(end.status, dot >= 0 ? end.error.slice(0, dot) : '', dot >= 0 ? end.error.slice(dot + 1) : end.error);
      }
    }
  }
  return { rest: buf, data, end };
}

/** Strips frames as the body streams in. */
class FrameReader extends Transform {
  private buf: Buffer = Buffer.alloc(0);
  end_: EndInfo | undefined;
  constructor(private readonly checkCrc: boolean) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      const t = takeFrames(Buffer.concat([this.buf, chunk]), this.checkCrc);
      this.buf = t.rest;
      this.end_ = t.end ?? this.end_;
      for (const d of t.data) this.push(d);
      done();
    } catch (err) {
      done(err as Error);
    }
  }
}

export async function selectObject(wire: Wire, req: M.SelectObjectRequest): Promise<M.SelectObjectResult> {
  const body = selectRequestXml(req.selectRequest);
  const res = await wire.send(
    {
      method: 'POST',
      bucket: req.bucket,
      key: req.key,
      query: [['x-oss-process', req.process], ...(req.versionId ? ([['versionId', req.versionId]] as [string, string][]) : [])],
      headers: { 'content-type': 'application/xml', 'content-md5': md5(body) },
      body,
    },
    true,
  );
  const rawOut = res.headers['x-oss-select-output-raw'] === 'true';
  const stream = rawOut ? res.body : res.body.pipe(new FrameReader(req.selectRequest.outputSerialization?.enablePayloadCrc === true));
  if (!rawOut) res.body.on('error', (err) => stream.destroy(err));
  return { ...base(res), body: stream, content: () => readAll(stream) };
}

export async function createSelectObjectMeta(wire: Wire, req: M.CreateSelectObjectMetaRequest): Promise<M.CreateSelectObjectMetaResult> {
  const body = selectMetaRequestXml(req.process, req.selectMetaRequest);
  const res = await wire.send(
    {
      method: 'POST',
      bucket: req.bucket,
      key: req.key,
      query: [['x-oss-process', req.process]],
      headers: { 'content-type': 'application/xml', 'content-md5': md5(body) },
      body,
    },
    true,
  );
  const reader = new FrameReader(false);
  await readAll(res.body.pipe(reader));
  const info = reader.end_;
  return {
    ...base(res),
    totalScannedBytes: info?.scanned ?? 0,
    splitsCount: info?.splits ?? 0,
    rowsCount: info?.rows ?? 0,
    colsCount: info?.columns ?? 0,
  };
}
