// The Range header on GetObject (DOCS "How to obtain OSS resources by segmenting HTTP Range requests",
// "HTTP status code 416"). By default OSS ignores a malformed or out-of-range Range and sends the whole object
// with 200; with `x-oss-range-behavior: standard` an end past the object is clipped (206) and a start past it is
// 416 InvalidRange. Only one range is served: of `bytes=0-499,500-999` OSS returns the first.
import { OssError } from './errors.js';

export interface ByteRange {
  start: number; // inclusive
  end: number; // exclusive
}

export function parseRange(header: string | undefined, size: number, standard: boolean): ByteRange | undefined {
  if (header === undefined) return undefined;
  const m = /^bytes=(\d*)-(\d*)(,.*)?$/.exec(header.trim());
  if (m === null || (m[1] === '' && m[2] === '')) return undefined;
  const first = m[1] === '' ? undefined : Number(m[1]);
  const last = m[2] === '' ? undefined : Number(m[2]);
  if (first === undefined) {
    // Suffix range: the last N bytes.
    const n = last!;
    if (n === 0) return standard ? unsatisfiable() : undefined;
    if (n > size) return standard && size > 0 ? { start: 0, end: size } : undefined;
    return { start: size - n, end: size };
  }
  if (last !== undefined && last < first) return undefined;
  if (first >= size) return standard ? unsatisfiable() : undefined;
  if (last === undefined) return { start: first, end: size };
  if (last >= size) return standard ? { start: first, end: size } : undefined;
  return { start: first, end: last + 1 };
}

function unsatisfiable(): never {
  throw new OssError('InvalidRange');
}
