// Recordings: what a target answered to each scenario, normalised so that two runs — against the emulator and
// against real OSS, on different days, with other bucket names — can be compared field by field (issue 5 §5).
// Everything a run generates is masked: request ids and dates become placeholders, bucket names and keys lose
// their run id and driver, and values the target generates (ETags, version ids, CRC-64s, upload ids …) become
// numbered placeholders in order of first appearance within the scenario, so that "the copy has the source's
// ETag" or "these two version ids differ" survives the masking while the random values do not.
import { imageSize } from 'image-size';
import type { Api, Outcome } from './model.js';
import { BUCKET_PREFIX, type Result, type Status } from './runner.js';

export const RECORDING_FORMAT = 'local-oss-conformance-recording/1';

/** One call a scenario made and what came back, masked. */
export interface Answer {
  api: Api;
  status: number;
  code?: string;
  message?: string;
  ec?: string;
  /** The response headers that carry OSS semantics (RECORDED_HEADERS, x-oss-meta-*), masked. */
  headers: Record<string, string>;
  bodyLength?: number;
  /**
   * An image body: its format and size, not its length (behaviour §16.1: libvips encodes other bytes than OSS's
   * encoder), read with image-size.
   */
  image?: { type: string; width: number; height: number };
  /** A JSON body (image/info, average-hue, ProcessObject's result), parsed; ProcessObject's fileSize masked. */
  json?: unknown;
  data?: unknown;
}

export interface RecordedScenario {
  scenario: string;
  driver: string;
  status: Status;
  reason?: string;
  /** The driver could not run where this was recorded (Result.unavailable): a placeholder, not an answer. */
  unavailable?: true;
  recorded?: Record<string, unknown>;
  answers: Answer[];
}

export interface Recording {
  format: typeof RECORDING_FORMAT;
  target: { name: string; region: string; real: boolean };
  results: RecordedScenario[];
}

/**
 * Headers compared between targets. Transport headers (Date, Connection, Server, Keep-Alive …) and the request id
 * say nothing about OSS semantics; Content-Length of an error body depends on the request id and host names in it.
 */
const RECORDED_HEADERS = new Set([
  'accept-ranges',
  'cache-control',
  'content-disposition',
  'content-encoding',
  'content-language',
  'content-length',
  'content-md5',
  'content-range',
  'content-type',
  'etag',
  'expires',
  'last-modified',
  'x-oss-copy-source-version-id',
  'x-oss-delete-marker',
  'x-oss-ec',
  'x-oss-hash-crc64ecma',
  'x-oss-next-append-position',
  'x-oss-object-type',
  'x-oss-server-side-data-encryption',
  'x-oss-server-side-encryption',
  'x-oss-server-side-encryption-key-id',
  'x-oss-storage-class',
  'x-oss-tagging-count',
  'x-oss-version-id',
  'x-oss-worm-id',
]);

/** Generated values, by the header or data field that carries them; each kind is numbered separately. */
const GENERATED: Record<string, string> = {
  etag: 'etag',
  'content-md5': 'md5',
  // An inventory report file's checksum (manifest.json): its gzip holds the run's bucket names.
  MD5checksum: 'md5',
  'x-oss-hash-crc64ecma': 'crc64',
  'x-oss-version-id': 'version',
  'x-oss-copy-source-version-id': 'version',
  versionId: 'version',
  'x-oss-worm-id': 'worm',
  wormId: 'worm',
  uploadId: 'upload',
  'x-oss-server-side-encryption-key-id': 'kms-key',
  nextContinuationToken: 'token',
  // Access points (scenarios/accessPoints.ts): names are made per run, aliases and ARNs from them.
  accessPointName: 'ap-name',
  alias: 'ap-alias',
  accessPointArn: 'ap-arn',
  policy: 'ap-policy',
  continuationToken: 'token',
  taskId: 'task',
  token: 'cname-token',
};
const DATES = new Set(['last-modified', 'lastModified', 'date', 'creationDate', 'initiated', 'expirationDate', 'creationTime', 'createTime', 'startTime', 'endTime', 'expireTime', 'sealedTime', 'x-oss-sealed-time', 'lastModifiedTime', 'creationTimestamp']);

/** Masks one scenario × driver's values; placeholders are numbered per kind in order of first appearance. */
export class Masker {
  private readonly seen = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  private readonly names: [string, string][];

  /**
   * @param driver   keys (`<scenario>/<driver>/<label>-<n>`, ctx.key) lose the driver's name, also in listings
   *                 that show another scenario's keys
   * @param known   values with a fixed meaning (the `src` object's ETag, CRC-64 …) and the placeholder to use
   */
  constructor(driver: string, known: Record<string, string> = {}) {
    this.names = [
      [`/${driver}/`, '/{driver}/'],
      [encodeURIComponent(`/${driver}/`), encodeURIComponent('/{driver}/')],
    ];
    for (const [value, placeholder] of Object.entries(known)) this.seen.set(value, placeholder);
  }

  /** Bucket names (`local-oss-conf-<run>-<driver>-<label>` → `{bucket}-<label>`) and key prefixes. */
  text(s: string): string {
    let out = s.replace(new RegExp(`${BUCKET_PREFIX}-[0-9a-f]{6}-[a-z0-9]+-`, 'g'), '{bucket}-');
    // An access-log object's time and unique part (<prefix><bucket>YYYY-mm-DD-HH-MM-SS-XXXX, behaviour §14.11.1).
    out = out.replace(/\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9A-Fa-f]{4}\b/g, '{log-time}');
    // Names a run makes up: access points (`ap-<12 hex>`, conformance/src/scenarios/accessPoints.ts) and the UUIDs of
    // inventory report files (`data/<uuid>.csv.gz`, behaviour §14.19.1).
    out = out.replace(/\bap-[0-9a-f]{12}\b/g, '{ap-name}');
    out = out.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '{uuid}');
    for (const [from, to] of this.names) out = out.split(from).join(to);
    return out;
  }

  generated(kind: string, value: string): string {
    // ETags are compared without quotes, so the XML ETag and the header's "ETag" share a placeholder.
    const bare = kind === 'etag' ? value.replace(/^"|"$/g, '') : value;
    let p = this.seen.get(bare);
    if (p === undefined) {
      const n = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, n);
      p = `{${kind}:${n}}`;
      this.seen.set(bare, p);
    }
    return kind === 'etag' && value.startsWith('"') ? `"${p}"` : p;
  }

  /** A header or data field's value. */
  field(name: string, value: string): string {
    if (DATES.has(name)) return '{date}';
    // A bucket's endpoints (ListBuckets) name the target's host and port.
    if (name === 'extranetEndpoint' || name === 'intranetEndpoint') return '{endpoint}';
    const kind = GENERATED[name];
    return kind ? this.generated(kind, value) : this.text(value);
  }

  data(value: unknown, name = ''): unknown {
    if (typeof value === 'string') return this.field(name, value);
    // Times given as numbers (GetBucketStat LastModifiedTime, seconds); 0 means "never" and stays.
    if (typeof value === 'number' && value !== 0 && DATES.has(name)) return '{date}';
    if (Array.isArray(value)) return value.map((v) => this.data(v, name));
    if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.data(v, k)]));
    }
    return value;
  }
}

export function maskOutcome(api: Api, o: Outcome, m: Masker): Answer {
  const headers: Record<string, string> = {};
  const type = o.headers['content-type'] ?? '';
  const xml = /xml/.test(type);
  // Processed images and JSON answers are compared decoded (below), not by length.
  const decoded = o.status < 300 && (type.startsWith('image/') || type.startsWith('application/json')) && o.body !== undefined && o.body.length > 0;
  for (const name of Object.keys(o.headers).sort()) {
    const recorded = RECORDED_HEADERS.has(name) || name.startsWith('x-oss-meta-');
    // The length of an XML body says nothing the decoded fields do not, and formatting differs between servers.
    if (!recorded || (name === 'content-length' && (o.status >= 300 || xml || decoded))) continue;
    headers[name] = m.field(name, o.headers[name]!);
  }
  const a: Answer = { api, status: o.status, headers };
  if (o.code !== undefined) a.code = o.code;
  if (o.message !== undefined) a.message = m.text(o.message);
  if (o.ec) a.ec = o.ec; // some SDKs say "" for no EC
  if (decoded && type.startsWith('image/')) a.image = imageOf(o.body!);
  else if (decoded) a.json = m.data(jsonOf(api, o.body!));
  else if (o.status < 300 && !xml && o.body !== undefined && o.body.length > 0) a.bodyLength = o.body.length;
  if (o.data !== undefined) a.data = m.data(o.data);
  return a;
}

/** An image body's type and size; one image-size cannot read says so. */
export function imageOf(body: Buffer): { type: string; width: number; height: number } {
  try {
    const size = imageSize(body);
    return { type: size.type ?? '?', width: size.width, height: size.height };
  } catch {
    return { type: 'unreadable', width: 0, height: 0 };
  }
}

function jsonOf(api: Api, body: Buffer): unknown {
  try {
    const value = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    if (api === 'ProcessObject' && value && typeof value === 'object' && 'fileSize' in value) return { ...value, fileSize: '<size>' };
    // An inventory manifest (behaviour §14.19.1): its data files are gzip of the run's bucket names, so their sizes vary.
    if (value && typeof value === 'object' && 'fileSchema' in value && Array.isArray(value.files)) {
      return { ...value, files: (value.files as Record<string, unknown>[]).map((f) => ({ ...f, size: '<size>' })) };
    }
    return value;
  } catch {
    return body.toString('utf8');
  }
}

export function recordingOf(target: { name: string; region: string; real: boolean }, results: Result[]): Recording {
  // Through JSON, so that a run compares with a recording read from a file the same way (undefined in an array is null).
  return roundTrip({
    format: RECORDING_FORMAT,
    target: { name: target.name, region: target.region, real: target.real },
    results: results.map((r) => ({
      scenario: r.scenario,
      driver: r.driver,
      status: r.status,
      ...(r.status === 'skip' ? { reason: r.reason } : {}),
      ...(r.unavailable ? { unavailable: true as const } : {}),
      ...(r.recorded ? { recorded: r.recorded } : {}),
      answers: r.answers ?? [],
    })),
  });
}

function roundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** JSON with one scenario × driver a line, so that a re-recorded baseline diffs line by line in review. */
export function formatRecording(r: Recording): string {
  const head = JSON.stringify({ format: r.format, target: r.target });
  return `${head.slice(0, -1)},"results":[\n${r.results.map((x) => JSON.stringify(x)).join(',\n')}\n]}\n`;
}

export function parseRecording(text: string, file = 'recording'): Recording {
  const doc = JSON.parse(text) as Recording;
  if (doc?.format !== RECORDING_FORMAT) throw new Error(`${file} is not a recording (format ${RECORDING_FORMAT})`);
  return doc;
}

/**
 * A re-recording made where a driver is unavailable (the Python SDK v2 not installed) keeps what an earlier recording
 * of the same target holds for that driver, instead of replacing its answers with placeholders: the answers stay for
 * the runs that have the driver, and a run with it shows whether they still hold.
 */
export function keepUnavailable(previous: Recording, current: Recording): { recording: Recording; kept: Map<string, number> } {
  const kept = new Map<string, number>();
  const [a, b] = [previous.target, current.target];
  const same = a.name === b.name && a.region === b.region && a.real === b.real;
  const results = current.results.map((line) => {
    if (!same || !line.unavailable) return line;
    const earlier = previous.results.find((p) => p.scenario === line.scenario && p.driver === line.driver && !p.unavailable);
    if (earlier === undefined) return line;
    kept.set(line.driver, (kept.get(line.driver) ?? 0) + 1);
    return earlier;
  });
  return { recording: { ...current, results }, kept };
}

export interface Difference {
  scenario: string;
  driver: string;
  /** The driver of the recorded side, when the recording had no entry for this driver. */
  recordedDriver?: string;
  /** Where they differ: `status`, `recorded.<name>`, `answers[2].headers.etag`, `answers.length` … */
  path: string;
  recorded: unknown;
  actual: unknown;
}

export interface Comparison {
  differences: Difference[];
  /** Scenario × driver absent from the recording, skipped on either side, or of a driver unavailable on either side. */
  notCompared: { scenario: string; driver: string; why: string }[];
}

/** Every difference between a recording and this run's results (both already masked). */
export function compare(recorded: Recording, actual: Recording): Comparison {
  const out: Comparison = { differences: [], notCompared: [] };
  for (const a of actual.results) {
    const notCompared = (why: string) => out.notCompared.push({ scenario: a.scenario, driver: a.driver, why });
    // A driver that cannot run on one side is absent there: its placeholders are neither answers nor differences.
    if (a.unavailable) {
      notCompared(`${a.driver} is not available here: ${a.reason ?? ''}`);
      continue;
    }
    const mine = recorded.results.filter((r) => r.scenario === a.scenario);
    const r = mine.find((x) => x.driver === a.driver) ?? mine.find((x) => x.status !== 'skip');
    if (r === undefined) {
      notCompared('not in the recording');
      continue;
    }
    if (r.unavailable) {
      notCompared(`${a.driver} was not available where the recording was made: ${r.reason ?? ''}`);
      continue;
    }
    if (a.status === 'skip' || r.status === 'skip') {
      notCompared(`skipped ${a.status === 'skip' ? 'here' : 'in the recording'}: ${(a.status === 'skip' ? a.reason : r.reason) ?? ''}`);
      continue;
    }
    const diff = (path: string, x: unknown, y: unknown) =>
      out.differences.push({ scenario: a.scenario, driver: a.driver, ...(r.driver !== a.driver ? { recordedDriver: r.driver } : {}), path, recorded: x, actual: y });
    if (r.status !== a.status) diff('status', r.status, a.status);
    walk('recorded', r.recorded ?? {}, a.recorded ?? {}, diff);
    walk('answers', r.answers, a.answers, diff);
  }
  return out;
}

/** Reports each leaf that differs; an array of another length is one difference (its length), then its common part. */
function walk(path: string, x: unknown, y: unknown, diff: (path: string, x: unknown, y: unknown) => void): void {
  if (Array.isArray(x) && Array.isArray(y)) {
    if (x.length !== y.length) diff(`${path}.length`, x.length, y.length);
    for (let i = 0; i < Math.min(x.length, y.length); i++) walk(`${path}[${i}]`, x[i], y[i], diff);
    return;
  }
  if (isObject(x) && isObject(y)) {
    for (const k of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) walk(`${path}.${k}`, x[k], y[k], diff);
    return;
  }
  if (JSON.stringify(x) !== JSON.stringify(y)) diff(path, x, y);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Console lines for a comparison: each difference with both values, then what could not be compared. */
export function comparisonReport(c: Comparison): string {
  const lines = [`${c.differences.length} difference(s) from the recording, ${c.notCompared.length} scenario × driver not compared`];
  for (const d of c.differences) {
    const via = d.recordedDriver ? ` (recorded through ${d.recordedDriver})` : '';
    lines.push(`DIFF ${d.scenario} [${d.driver}]${via} ${d.path}: recorded ${JSON.stringify(d.recorded)}, got ${JSON.stringify(d.actual)}`);
  }
  const why = new Map<string, number>();
  for (const n of c.notCompared) why.set(n.why, (why.get(n.why) ?? 0) + 1);
  for (const [w, n] of why) lines.push(`not compared ×${n}: ${w}`);
  return lines.join('\n');
}
