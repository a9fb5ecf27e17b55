// Single-connection bandwidth throttling (OSS user guide "Single-connection bandwidth throttling"): x-oss-traffic-limit,
// as a header or as a query parameter of a signed URL, caps one request's transfer at that many bit/s, 819200
// (100 KB/s) to 838860800 (100 MB/s), on PutObject, AppendObject, PostObject, CopyObject, UploadPart,
// UploadPartCopy and GetObject. A value outside that range, or not a number, is refused (EC 0004-00000502; the
// code and message are [I]). The emulator paces the bytes it moves; a copy, which moves none here, takes as long
// as its size at that rate, which is what a throttled copy costs a client on OSS.
import { invalidArgument } from './errors.js';

export const MIN_TRAFFIC_LIMIT = 819_200;
export const MAX_TRAFFIC_LIMIT = 838_860_800;

/** Bytes per second, or undefined when the request sets no limit. */
export function parseTrafficLimit(header: string, query: string | undefined): number | undefined {
  const value = header !== '' ? header : query;
  if (value === undefined || value === '') return undefined;
  const bits = /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  if (!(bits >= MIN_TRAFFIC_LIMIT && bits <= MAX_TRAFFIC_LIMIT)) {
    throw invalidArgument('InvalidArgumentTrafficLimit', 'x-oss-traffic-limit', value);
  }
  return bits / 8;
}

/** How long to wait, after `bytes` moved in `elapsedMs`, to stay at or under `bytesPerSecond`. */
export function paceDelayMs(bytes: number, bytesPerSecond: number, elapsedMs: number): number {
  return Math.max(0, (bytes / bytesPerSecond) * 1000 - elapsedMs);
}
