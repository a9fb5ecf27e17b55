// The framed body of SelectObject and CreateSelectObjectMeta (behaviour §15.3), as PY2
// operations/select_object.py `_SelectResponseAdapter` and oss2 select_response.py read it: a version byte (1),
// a 3-byte type, a 4-byte payload length, a 4-byte header checksum, the payload (an 8-byte offset first) and a
// 4-byte CRC-32 of the payload, all big-endian.
import { crc32 } from 'node:zlib';

export const FRAME_DATA = 8388609;
export const FRAME_CONTINUOUS = 8388612;
export const FRAME_END = 8388613;
export const FRAME_META_END_CSV = 8388614;
export const FRAME_META_END_JSON = 8388615;

const VERSION = 1;

function frame(type: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt32BE(type, 0);
  head.writeUInt8(VERSION, 0);
  head.writeUInt32BE(payload.length, 4);
  // [I] the header checksum: no reader checks it; OSS's value is uncaptured, 0 is sent.
  head.writeUInt32BE(0, 8);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(payload) >>> 0, 0);
  return Buffer.concat([head, payload, crc]);
}

function offset(scanned: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(scanned), 0);
  return b;
}

/** Output rows; the offset is how far into the object the scan has got. */
export function dataFrame(scanned: number, data: Buffer): Buffer {
  return frame(FRAME_DATA, Buffer.concat([offset(scanned), data]));
}

/** A keep-alive carrying the progress so far, sent while no rows are produced. */
export function continuousFrame(scanned: number): Buffer {
  return frame(FRAME_CONTINUOUS, offset(scanned));
}

/** The last frame: total scanned bytes, the final status and, on failure, `Code.message`. */
export function endFrame(scanned: number, status: number, error = ''): Buffer {
  const b = Buffer.alloc(12);
  b.writeBigUInt64BE(BigInt(scanned), 0);
  b.writeUInt32BE(status, 8);
  return frame(FRAME_END, Buffer.concat([offset(scanned), b, Buffer.from(error, 'utf8')]));
}

export interface MetaCounts {
  scanned: number;
  status: number;
  splits: number;
  rows: number;
  /** CSV only. */
  columns?: number;
  error?: string;
}

/** The meta API's end frame (CSV with a column count, JSON without). */
export function metaEndFrame(m: MetaCounts): Buffer {
  const csv = m.columns !== undefined;
  const b = Buffer.alloc(csv ? 28 : 24);
  b.writeBigUInt64BE(BigInt(m.scanned), 0);
  b.writeUInt32BE(m.status, 8);
  b.writeUInt32BE(m.splits, 12);
  b.writeBigUInt64BE(BigInt(m.rows), 16);
  if (csv) b.writeUInt32BE(m.columns!, 24);
  return frame(csv ? FRAME_META_END_CSV : FRAME_META_END_JSON, Buffer.concat([offset(m.scanned), b, Buffer.from(m.error ?? '', 'utf8')]));
}
