// The corpus of real answers (issue 18 item 4): responses of real OSS transcribed from public captures — SDK
// unit-test mocks holding real request ids, live test suites' assertions, documentation samples — each with its
// source, replayed against a target through the raw driver and compared field by field. Only what the source shows
// is asserted; bucket names, keys and bodies are the run's (placeholders), generated values are matched by pattern.
//
// An entry (one JSON file per API family under fixtures/recordings/real-oss/):
//   { id, source: {repo, path, test} | {doc}, kind, note?, setup?: [Step], request: Step, expect: Expect }
// A Step is `{api, params}` (an `Api` of model.ts, sent as rawWire.ts builds it) or `{method, bucket?, key?, query?,
// headers?, body?}` (anything else: AppendObject, DeleteMultipleObjects, GetObjectMeta …), plus `options` (the raw
// driver's rawHeaders, signWithSecret, anonymous …), `signature` ('v1' | 'v2' | 'v4', default v4) and `save` (values for
// later steps: `{"uploadId": "xml:InitiateMultipartUploadResult.UploadId", "etag": "header:etag"}` → `{$uploadId}`).
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc64, parseErrorResponse, parseXml } from '@local-oss/client';
import type { Api, Driver, Outcome, Params, TargetInfo } from './model.js';
import { RawDriver } from './drivers/raw.js';
import { wireOf, type Wire } from './drivers/rawWire.js';
import { bucketName, deleteBuckets } from './runner.js';

export const CORPUS_FORMAT = 'local-oss-real-oss-corpus/1';

/** Raw-driver options that make a signature wrong or stale: such an answer holds for the signature version it had. */
const SIGNATURE_OPTIONS = ['signWithSecret', 'signWithAccessKeyId', 'signedAtOffsetSeconds', 'afterSigning'];

export type Source = { repo: string; path: string; test: string } | { doc: string } | { recording: string; target: string; date: string };

/**
 * A string compared exactly after placeholders are filled in (macros such as `{hex32}` match a pattern), a regex,
 * or a prefix (the Java SDK's live tests assert `getMessage().startsWith(…)`).
 */
export type Match = string | { pattern: string } | { startsWith: string };

/** A body: text as is, `{bytes: n}` (n deterministic pseudo-random bytes), or `{repeat, times}`. */
export type BodySpec = string | { bytes: number } | { repeat: string; times: number };

export interface Step {
  api?: Api;
  params?: Record<string, unknown>;
  method?: string;
  bucket?: string;
  key?: string;
  query?: Record<string, string | null>;
  headers?: Record<string, string>;
  body?: BodySpec;
  /** Raw-driver options (model.ts RAW_ONLY_PARAMS); `signedAtOffsetSeconds` signs as if the clock were off. */
  options?: Record<string, unknown> & { signedAtOffsetSeconds?: number };
  signature?: 'v1' | 'v2' | 'v4';
  save?: Record<string, string>;
  /** Setup steps must answer < 300 unless they say which status they expect. */
  expectStatus?: number;
}

export interface Expect {
  status: number;
  code?: Match;
  message?: Match;
  ec?: Match;
  /** Lower-case header names. */
  headers?: Record<string, Match>;
  absentHeaders?: string[];
  /** Element paths from the root element (`CopyObjectResult.ETag`, `ListBucketResult.Contents[1].Key`). */
  xml?: Record<string, Match>;
  absentXml?: string[];
  /** How many times a repeated element occurs (`ListBucketResult.Contents`: 2). */
  xmlCount?: Record<string, number>;
  /** Pairs of fields that must carry the same value (`["headers.etag", "xml.CopyPartResult.ETag"]`). */
  equal?: [string, string][];
}

export interface CorpusEntry {
  id: string;
  source: Source;
  kind: 'capture' | 'live-assertion' | 'doc-sample' | 'live-recording';
  /** What was adapted from the source, or why the entry asserts what it does. */
  note?: string;
  /** Entries under `pending/` only: why the emulator does not match yet (a fix landing, or a difference left open). */
  pending?: string;
  setup?: Step[];
  request: Step;
  expect: Expect;
}

export interface CorpusFile {
  format: typeof CORPUS_FORMAT;
  family: string;
  entries: CorpusEntry[];
}

export interface CorpusDifference {
  id: string;
  family: string;
  source: Source;
  /** `status`, `code`, `headers.etag`, `xml.CopyObjectResult.ETag`, `setup[1].status` … */
  path: string;
  expected: unknown;
  actual: unknown;
}

export interface CorpusResult {
  id: string;
  family: string;
  source: Source;
  status: 'pass' | 'fail' | 'skip';
  differences: CorpusDifference[];
  /** The driver the request went through (`raw` unless another was given). */
  driver?: string;
  /** Why the driver could not send the entry's request (status `skip`). */
  reason?: string;
  /** Expectations the driver's outcome cannot show (an SDK hands over decoded fields, not the XML document). */
  notCompared?: string[];
  /** What the target answered to the entry's request, masked (for `--record` with `--corpus`). */
  answer?: Answer;
}

export interface Answer {
  status: number;
  code?: string;
  message?: string;
  ec?: string;
  headers: Record<string, string>;
  xml?: Record<string, string>;
}

const KINDS = new Set(['capture', 'live-assertion', 'doc-sample', 'live-recording']);

/** Reads every `*.json` corpus file of a directory, checking what each entry must have. */
export function loadCorpus(dir: string): CorpusFile[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const seen = new Set<string>();
  return files.map((f) => {
    const doc = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CorpusFile;
    if (doc.format !== CORPUS_FORMAT) throw new Error(`${f}: not a corpus file (format ${CORPUS_FORMAT})`);
    for (const e of doc.entries) {
      const where = `${f} ${e.id}`;
      if (!/^[a-z0-9-]+$/.test(e.id ?? '')) throw new Error(`${where}: id must be [a-z0-9-]+`);
      if (seen.has(e.id)) throw new Error(`${where}: duplicate id`);
      seen.add(e.id);
      if (!KINDS.has(e.kind)) throw new Error(`${where}: kind ${e.kind}`);
      const s = e.source as Record<string, string> | undefined;
      if (!s || !(s.doc || (s.repo && s.path && s.test) || (s.recording && s.target && s.date))) throw new Error(`${where}: source must name repo + path + test, a doc URL, or a recording`);
      if (!e.request || typeof e.expect?.status !== 'number') throw new Error(`${where}: needs request and expect.status`);
    }
    return doc;
  });
}

export function sourceText(s: Source): string {
  if ('doc' in s) return s.doc;
  if ('recording' in s) return `${s.recording} (${s.target}, ${s.date})`;
  return `${s.repo} ${s.path} ${s.test}`;
}

// Patterns for values the target generates; everything else in an expected string is literal.
const MACROS: Record<string, string> = {
  hex32: '[0-9A-F]{32}',
  'request-id': '[0-9A-F]{24}',
  iso8601: '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.000Z',
  rfc1123: '(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT',
  digits: '\\d+',
  '*': '[\\s\\S]+',
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PLACEHOLDER = /\{([$a-z0-9*][a-zA-Z0-9:_*-]*)\}/g;

/** Deterministic bytes, so that the same entry sends the same body on every run and target. */
function bytesOf(n: number, seed: string): Buffer {
  const out = Buffer.alloc(n);
  let block = createHash('sha256').update(seed).digest();
  for (let i = 0; i < n; i += block.length) {
    block.copy(out, i, 0, Math.min(block.length, n - i));
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

export interface CorpusRunOptions {
  target: TargetInfo;
  files: CorpusFile[];
  only?: string[];
  onResult?(r: CorpusResult): void;
  /** Called with the bucket names before anything is created (real OSS). */
  onPlan?(buckets: string[]): void;
  /**
   * The driver each entry's request goes through (issue 25 item 5); setups always go through the raw driver. An SDK
   * driver can send only `{api, params}` requests without raw-only options, and its outcome shows status, code,
   * message, EC and the headers it keeps: XML expectations are listed as not compared. Absent: the raw drivers.
   */
  driver?: Driver;
}

/** Replays each entry on buckets of its own run (created first, deleted at the end, also on failure). */
export class CorpusRun {
  readonly runId = randomBytes(3).toString('hex');
  private readonly created: { bucket: string }[] = [];
  private readonly v4: RawDriver;
  private readonly v1: RawDriver;
  private readonly v2: RawDriver;

  constructor(private readonly o: CorpusRunOptions) {
    this.v4 = new RawDriver(o.target, 'v4');
    this.v1 = new RawDriver(o.target, 'v1');
    this.v2 = new RawDriver(o.target, 'v2');
  }

  private name(label: string): string {
    return bucketName(this.runId, 'corpus', label);
  }

  async execute(): Promise<CorpusResult[]> {
    const shared = { bucket: this.name('b1'), bucket2: this.name('b2'), vbucket: this.name('bv') };
    this.o.onPlan?.([...Object.values(shared), `${this.name('o')}<n> (one per entry that manages a bucket itself)`]);
    const results: CorpusResult[] = [];
    try {
      for (const b of Object.values(shared)) {
        this.created.push({ bucket: b });
        const r = await this.v4.call('PutBucket', { bucket: b });
        if (r.status !== 200) throw new Error(`corpus setup: PutBucket ${b}: ${r.status} ${r.code ?? ''}`);
      }
      const v = await this.v4.call('PutBucketVersioning', { bucket: shared.vbucket, status: 'Enabled' });
      if (v.status !== 200) throw new Error(`corpus setup: PutBucketVersioning: ${v.status} ${v.code ?? ''}`);
      let n = 0;
      for (const file of this.o.files) {
        for (const e of file.entries) {
          if (this.o.only?.length && !this.o.only.includes(e.id)) continue;
          const own = this.name(`o${n++}`);
          // Registered up front: an entry may create it in its setup or its request (PutBucket), or never.
          this.created.push({ bucket: own });
          const vars: Record<string, string> = {
            ...shared,
            own,
            nobucket: this.name('missing'),
            id: e.id,
            region: this.o.target.region,
            'access-key-id': this.o.target.accessKeyId,
          };
          const r = await this.entry(file.family, e, vars);
          results.push(r);
          this.o.onResult?.(r);
        }
      }
    } finally {
      await this.cleanup();
    }
    return results;
  }

  async cleanup(): Promise<void> {
    await deleteBuckets(this.v4, this.created.splice(0).reverse());
  }

  private async entry(family: string, e: CorpusEntry, vars: Record<string, string>): Promise<CorpusResult> {
    const differences: CorpusDifference[] = [];
    const diff = (path: string, expected: unknown, actual: unknown) => differences.push({ id: e.id, family, source: e.source, path, expected, actual });
    const result = (answer?: Answer): CorpusResult => ({ id: e.id, family, source: e.source, status: differences.length ? 'fail' : 'pass', differences, ...(answer ? { answer } : {}) });
    try {
      for (const [i, step] of (e.setup ?? []).entries()) {
        const res = await this.step(step, vars, `${e.id}/setup${i}`);
        const ok = step.expectStatus !== undefined ? res.status === step.expectStatus : res.status < 300;
        if (!ok) {
          diff(`setup[${i}].status`, step.expectStatus ?? '< 300', `${res.status} ${parseErrorResponse(res.status, res.headers, res.body.toString('utf8')).code}`);
          return result();
        }
        save(step, res, vars);
      }
      const d = this.o.driver;
      if (d !== undefined && !(d instanceof RawDriver)) return await this.throughDriver(d, family, e, vars, differences, diff);
      const signedAs = e.request.signature ?? 'v4';
      // `raw` signs each entry as it says (V4 unless `signature: "v1"`); `raw-v1` signs every entry V1.
      if (d instanceof RawDriver && d.signatureVersion === 'v1' && signedAs !== 'v1' && e.expect.code === 'SignatureDoesNotMatch' && SIGNATURE_OPTIONS.some((k) => e.request.options?.[k] !== undefined)) {
        return { id: e.id, family, source: e.source, driver: d.name, status: 'skip', differences, reason: `a captured SignatureDoesNotMatch to a ${signedAs.toUpperCase()} signature: its EC and message are that version's own` };
      }
      const res = await this.step(e.request, vars, `${e.id}/request`, d instanceof RawDriver && d.signatureVersion === 'v1' ? d : undefined);
      const answer = answerOf(res, vars);
      check(e.expect, answer, vars, diff);
      return { ...result(answer), ...(d ? { driver: d.name } : {}) };
    } catch (err) {
      diff('error', 'an answer', (err as Error).message);
      return result();
    }
  }

  /** The entry's request through an SDK driver: its own call for the `Api`, compared on what its outcome shows. */
  private async throughDriver(
    d: Driver,
    family: string,
    e: CorpusEntry,
    vars: Record<string, string>,
    differences: CorpusDifference[],
    diff: (path: string, expected: unknown, actual: unknown) => void,
  ): Promise<CorpusResult> {
    const base = { id: e.id, family, source: e.source, driver: d.name };
    const step = e.request;
    if (!step.api) return { ...base, status: 'skip', differences, reason: 'a hand-described request (method, query, headers): only the raw drivers send those' };
    const { params, body } = this.paramsOf(step, vars, `${e.id}/request`);
    const { signedAtOffsetSeconds, ...raw } = fillPlaceholders(step.options ?? {}, vars);
    Object.assign(params, raw, signedAtOffsetSeconds !== undefined ? { signedAt: new Date(Date.now() + signedAtOffsetSeconds * 1000) } : {});
    if (body !== undefined) params.body = body;
    const why = d.cannot(step.api, params);
    if (why) return { ...base, status: 'skip', differences, reason: why };
    const o = await d.call(step.api, params);
    const answer = outcomeAnswer(o, vars);
    const notCompared = [
      ...Object.keys(e.expect.xml ?? {}).map((k) => `xml.${k}`),
      ...(e.expect.absentXml ?? []).map((k) => `xml.${k}`),
      ...Object.keys(e.expect.xmlCount ?? {}).map((k) => `xml.${k}#count`),
      ...(e.expect.equal ?? []).filter((pair) => pair.some((f) => f.startsWith('xml.'))).map(([p, q]) => `${p} = ${q}`),
    ];
    // An SDK that keeps no headers of an answer (ali-oss on errors) cannot show the expected ones.
    const headersKept = Object.keys(o.headers).length > 0;
    if (!headersKept) notCompared.push(...Object.keys(e.expect.headers ?? {}).map((k) => `headers.${k}`), ...(e.expect.absentHeaders ?? []).map((k) => `headers.${k}`));
    // Nor the EC of a body-less answer (HEAD), which only its x-oss-ec header carries.
    const ecUnseen = !headersKept && o.ec === undefined && e.expect.ec !== undefined;
    if (ecUnseen) notCompared.push('ec');
    check(
      {
        ...e.expect,
        xml: undefined,
        absentXml: undefined,
        xmlCount: undefined,
        equal: (e.expect.equal ?? []).filter((pair) => !pair.some((f) => f.startsWith('xml.'))),
        ...(headersKept ? {} : { headers: undefined, absentHeaders: undefined }),
        ...(ecUnseen ? { ec: undefined } : {}),
      },
      answer,
      vars,
      diff,
    );
    return { ...base, status: differences.length ? 'fail' : 'pass', differences, answer, ...(notCompared.length ? { notCompared } : {}) };
  }

  /** An `{api, params}` step's params with placeholders filled, and its body. */
  private paramsOf(step: Step, vars: Record<string, string>, seed: string): { params: Params; body?: Buffer } {
    const body = step.body !== undefined ? bodyOf(fillPlaceholders(step.body, vars), seed) : undefined;
    if (body !== undefined) Object.assign(vars, bodyVarsOf(body));
    return { params: fillPlaceholders(step.params ?? {}, vars) as unknown as Params, body };
  }

  private async step(step: Step, vars: Record<string, string>, seed: string, through?: RawDriver): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const fill = <T>(v: T): T => fillPlaceholders(v, vars);
    const body = step.body !== undefined ? bodyOf(fill(step.body), seed) : undefined;
    const bodyVars = { ...vars, ...(body !== undefined ? bodyVarsOf(body) : {}) };
    let wire: Wire;
    let options: Partial<Params> = {};
    if (step.api === 'PostObject') {
      // A form signed in its body (RawDriver.postForm), not a request rawWire.ts describes.
      const params = { ...(fillPlaceholders(step.params ?? {}, bodyVars) as unknown as Params), ...(fillPlaceholders(step.options ?? {}, bodyVars) as Partial<Params>) };
      if (body !== undefined) params.body = body;
      const o = await (step.signature === 'v1' ? this.v1 : this.v4).call('PostObject', params);
      return { status: o.status, headers: o.headers, body: o.body ?? Buffer.alloc(0) };
    }
    if (step.api) {
      const params = fillPlaceholders(step.params ?? {}, bodyVars) as unknown as Params;
      if (body !== undefined) params.body = body;
      wire = wireOf(step.api, params);
      options = params;
    } else {
      wire = {
        method: step.method!,
        bucket: fill(step.bucket),
        key: fill(step.key),
        query: Object.entries(fill(step.query ?? {})).map(([k, v]): [string, string | undefined] => [k, v ?? undefined]),
        headers: fillPlaceholders(step.headers ?? {}, bodyVars),
        body,
      };
    }
    const { signedAtOffsetSeconds, ...raw } = fillPlaceholders(step.options ?? {}, bodyVars);
    options = { ...options, ...(raw as Partial<Params>) };
    if (signedAtOffsetSeconds !== undefined) options.signedAt = new Date(Date.now() + signedAtOffsetSeconds * 1000);
    Object.assign(vars, Object.fromEntries(Object.entries(bodyVars).filter(([k]) => k.startsWith('body-'))));
    // A given raw driver sends the request as it signs (raw-v1 replays every entry with V1 signatures).
    return (through ?? (step.signature === 'v1' ? this.v1 : step.signature === 'v2' ? this.v2 : this.v4)).send(wire, options);
  }
}

/** `{body-md5}`, `{body-md5-hex}`, `{body-crc64}`, `{body-length}` of a body sent. */
function bodyVarsOf(body: Buffer): Record<string, string> {
  return {
    'body-md5': createHash('md5').update(body).digest('base64'),
    'body-md5-hex': createHash('md5').update(body).digest('hex').toUpperCase(),
    'body-crc64': crc64(body).toString(),
    'body-length': String(body.length),
  };
}

function bodyOf(spec: BodySpec, seed: string): Buffer {
  if (typeof spec === 'string') return Buffer.from(spec, 'utf8');
  if ('bytes' in spec) return bytesOf(spec.bytes, seed);
  return Buffer.from(spec.repeat.repeat(spec.times), 'utf8');
}

/** Fills `{name}` with run values and saved `{$name}`s; macros (`{hex32}` …) stay for matching. */
export function fillPlaceholders<T>(value: T, vars: Record<string, string>): T {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (m, name: string) => {
      if (name in vars) return vars[name]!;
      if (name.startsWith('$')) throw new Error(`${m} was not saved by an earlier step`);
      return m;
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v) => fillPlaceholders(v, vars)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillPlaceholders(v, vars)])) as T;
  return value;
}

function save(step: Step, res: { headers: Record<string, string>; body: Buffer }, vars: Record<string, string>): void {
  for (const [name, from] of Object.entries(step.save ?? {})) {
    const [where, path] = [from.slice(0, from.indexOf(':')), from.slice(from.indexOf(':') + 1)];
    const v = where === 'header' ? res.headers[path] : where === 'xml' ? flattenXml(res.body.toString('utf8'))?.[path] : undefined;
    if (v === undefined) throw new Error(`save ${name}: no ${from} in the answer`);
    vars[`$${name}`] = v;
  }
}

/** Every leaf of an XML document by path (`Root.A[1].B`; the first of repeated elements also as `Root.A.B`). */
export function flattenXml(text: string): Record<string, string> | undefined {
  if (!text.trim().startsWith('<')) return undefined;
  let doc: Record<string, unknown>;
  try {
    doc = parseXml(text);
  } catch {
    return undefined;
  }
  const out: Record<string, string> = {};
  const walk = (path: string, node: unknown) => {
    if (typeof node === 'string') {
      out[path] = node;
      return;
    }
    if (Array.isArray(node)) {
      out[`${path}#count`] = String(node.length);
      node.forEach((n, i) => walk(`${path}[${i}]`, n));
      walk(path, node[0]);
      return;
    }
    if (node && typeof node === 'object') {
      const children = Object.entries(node).filter(([k]) => k !== '#text');
      if (children.length === 0) out[path] = '';
      if (!(`${path}#count` in out)) out[`${path}#count`] = '1';
      for (const [k, v] of children) walk(`${path}.${k}`, v);
    }
  };
  for (const [k, v] of Object.entries(doc)) walk(k, v);
  return out;
}

// Transport headers say nothing about OSS semantics; the request id and Date are generated.
const SKIPPED_HEADERS = new Set(['connection', 'keep-alive', 'date', 'server', 'x-oss-request-id', 'transfer-encoding', 'vary', 'access-control-allow-origin', 'x-oss-server-time']);

function answerOf(res: { status: number; headers: Record<string, string>; body: Buffer }, vars: Record<string, string>): Answer & { rawHeaders: Record<string, string>; rawXml?: Record<string, string> } {
  const text = res.body.toString('utf8');
  const a: Answer & { rawHeaders: Record<string, string>; rawXml?: Record<string, string> } = { status: res.status, headers: {}, rawHeaders: res.headers };
  // 203: an upload whose callback failed answers the CallbackFailed document (behaviour §9.14).
  if ((res.status >= 300 && (res.status !== 304 || res.headers['x-oss-err'])) || res.status === 203) {
    const err = parseErrorResponse(res.status, res.headers, text);
    if (err.code !== 'BadErrorResponse') a.code = err.code;
    if (err.details.Message !== undefined) a.message = err.details.Message;
    if (err.ec) a.ec = err.ec;
  }
  const xml = flattenXml(text);
  if (xml) a.rawXml = xml;
  const mask = (v: string) => unfill(v, vars);
  for (const k of Object.keys(res.headers).sort()) if (!SKIPPED_HEADERS.has(k)) a.headers[k] = mask(res.headers[k]!);
  if (xml) a.xml = Object.fromEntries(Object.entries(xml).filter(([k]) => !k.endsWith('#count') && !/\.(RequestId|HostId)$/.test(k)).map(([k, v]) => [k, mask(v)]));
  return a;
}

/** A driver's outcome as an answer to check: what it kept of the headers; no XML (SDKs decode it). */
function outcomeAnswer(o: Outcome, vars: Record<string, string>): Answer & { rawHeaders: Record<string, string>; rawXml?: Record<string, string> } {
  const a: Answer & { rawHeaders: Record<string, string>; rawXml?: Record<string, string> } = { status: o.status, headers: {}, rawHeaders: o.headers };
  if (o.code !== undefined) a.code = o.code;
  if (o.message !== undefined) a.message = o.message;
  if (o.ec) a.ec = o.ec;
  for (const k of Object.keys(o.headers).sort()) if (!SKIPPED_HEADERS.has(k)) a.headers[k] = unfill(o.headers[k]!, vars);
  return a;
}

/** The run's values back to their placeholders (longest first), so an answer reads the same on every target. */
function unfill(v: string, vars: Record<string, string>): string {
  let out = v;
  const names = Object.entries(vars)
    .filter(([k, x]) => x.length >= 3 && !k.startsWith('body-') && k !== 'id')
    .sort((a, b) => b[1].length - a[1].length);
  for (const [k, x] of names) out = out.split(x).join(`{${k}}`);
  return out;
}

function matches(expected: Match, actual: string | undefined, vars: Record<string, string>): boolean {
  if (actual === undefined) return false;
  if (typeof expected !== 'string' && 'startsWith' in expected) return actual.startsWith(fillPlaceholders(expected.startsWith, vars));
  if (typeof expected !== 'string') return new RegExp(fillPlaceholders(expected.pattern, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, escapeRe(v)])))).test(actual);
  let re = '';
  let last = 0;
  for (const m of expected.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    re += escapeRe(expected.slice(last, m.index));
    if (name in vars) re += escapeRe(vars[name]!);
    else if (name in MACROS) re += MACROS[name];
    else throw new Error(`unknown placeholder {${name}} in ${JSON.stringify(expected)}`);
    last = m.index! + m[0].length;
  }
  re += escapeRe(expected.slice(last));
  return new RegExp(`^${re}$`).test(actual);
}

function check(
  x: Expect,
  a: ReturnType<typeof answerOf>,
  vars: Record<string, string>,
  diff: (path: string, expected: unknown, actual: unknown) => void,
): void {
  if (x.status !== a.status) diff('status', x.status, a.status);
  for (const f of ['code', 'message', 'ec'] as const) {
    const want = x[f];
    if (want !== undefined && !matches(want, a[f], vars)) diff(f, want, a[f]);
  }
  for (const [name, want] of Object.entries(x.headers ?? {})) {
    const got = a.rawHeaders[name.toLowerCase()];
    if (!matches(want, got, vars)) diff(`headers.${name}`, want, got === undefined ? undefined : unfill(got, vars));
  }
  for (const name of x.absentHeaders ?? []) {
    const got = a.rawHeaders[name.toLowerCase()];
    if (got !== undefined) diff(`headers.${name}`, '(absent)', unfill(got, vars));
  }
  for (const [path, want] of Object.entries(x.xml ?? {})) {
    const got = a.rawXml?.[path];
    if (!matches(want, got, vars)) diff(`xml.${path}`, want, got === undefined ? undefined : unfill(got, vars));
  }
  for (const path of x.absentXml ?? []) {
    if (a.rawXml?.[path] !== undefined || a.rawXml?.[`${path}#count`] !== undefined) diff(`xml.${path}`, '(absent)', a.rawXml?.[path] ?? '(present)');
  }
  const field = (path: string) => (path.startsWith('headers.') ? a.rawHeaders[path.slice(8)] : path.startsWith('xml.') ? a.rawXml?.[path.slice(4)] : undefined);
  for (const [p, q] of x.equal ?? []) {
    if (field(p) === undefined || field(p) !== field(q)) diff(`${p} = ${q}`, 'the same value', [field(p), field(q)]);
  }
  for (const [path, n] of Object.entries(x.xmlCount ?? {})) {
    const got = Number(a.rawXml?.[`${path}#count`] ?? 0);
    if (got !== n) diff(`xml.${path}#count`, n, got);
  }
}

/** Console lines: one per difference, naming the entry and its source, then the totals per family. */
export function corpusReport(results: CorpusResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.differences) {
      lines.push(`DIFF ${d.id} (${sourceText(d.source)}) ${d.path}: captured ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`);
    }
  }
  const families = new Map<string, { pass: number; fail: number; skip: number }>();
  for (const r of results) {
    const f = families.get(r.family) ?? { pass: 0, fail: 0, skip: 0 };
    f[r.status]++;
    families.set(r.family, f);
  }
  const failed = results.filter((r) => r.status === 'fail').length;
  const skipped = results.filter((r) => r.status === 'skip');
  const through = results.find((r) => r.driver)?.driver;
  lines.push(`corpus${through ? ` through ${through}` : ''}: ${results.length - failed - skipped.length} of ${results.length - skipped.length} real answers matched${skipped.length ? `, ${skipped.length} not sendable` : ''}`);
  for (const [f, c] of families) lines.push(`  ${f}: ${c.pass} matched${c.fail ? `, ${c.fail} differ` : ''}${c.skip ? `, ${c.skip} skipped` : ''}`);
  const reasons = new Map<string, number>();
  for (const r of skipped) reasons.set(r.reason ?? '', (reasons.get(r.reason ?? '') ?? 0) + 1);
  for (const [why, n] of reasons) lines.push(`  skip ×${n}: ${why}`);
  return lines.join('\n');
}

/** What the target answered to each entry, masked — a live recording to read, compare or turn into entries. */
export function formatCorpusAnswers(target: TargetInfo, results: CorpusResult[]): string {
  const head = JSON.stringify({ format: 'local-oss-real-oss-corpus-answers/1', target: { name: target.name, region: target.region, real: target.real } });
  const lines = results.map((r) => JSON.stringify({ id: r.id, family: r.family, status: r.status, answer: r.answer ?? null }));
  return `${head.slice(0, -1)},"results":[\n${lines.join(',\n')}\n]}\n`;
}
