// Shared by the HTTP tests: an in-process emulator on a free port and hand-signed raw requests, so tests see
// exactly the bytes OSS would send back (no SDK in between).
import { createPublicKey, verify } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { OssClient, signV1, signV2, signV4, type Credentials, type OssClientOptions, type SignableRequest } from '@local-oss/client';
import { startEmulator, type RunningEmulator, type EmulatorOptions } from 'local-oss';

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, inMemory: true, ...options });
}

/** Our client, signed with the emulator's owner key pair. */
export function ownerClient(emu: RunningEmulator, options: Partial<OssClientOptions> = {}): OssClient {
  return new OssClient({
    endpoint: emu.url,
    region: emu.region,
    credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret },
    ...options,
  });
}

export interface RawRequest {
  method: string;
  bucket?: string;
  key?: string;
  /** decoded name/value pairs; undefined value = bare sub-resource */
  query?: [string, string | undefined][];
  headers?: Record<string, string>;
  body?: string | Buffer;
  sign?: 'v1' | 'v2' | 'v4' | 'none';
  /** V2: the headers to sign beside the x-oss-* ones */
  additionalHeaders?: string[];
  credentials?: Credentials;
  region?: string;
  /** virtual-hosted: Host: <bucket>.oss-<region>.aliyuncs.com, path without the bucket */
  virtualHost?: boolean;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  body: Buffer;
}

export function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/');
}

function encodeQuery(query: [string, string | undefined][]): string {
  return query
    .map(([n, v]) => (v === undefined ? encodeURIComponent(n) : `${encodeURIComponent(n)}=${encodeURIComponent(v)}`))
    .join('&');
}

export function v4Now(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export async function raw(emu: RunningEmulator, r: RawRequest): Promise<RawResponse> {
  const credentials = r.credentials ?? { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret };
  const region = r.region ?? emu.region;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = v;
  const query = r.query ?? [];
  let path: string;
  if (r.virtualHost) {
    headers.host = `${r.bucket}.oss-${region}.aliyuncs.com`;
    path = '/' + (r.key !== undefined ? encodeKey(r.key) : '');
  } else {
    path = r.bucket === undefined ? '/' : `/${r.bucket}/` + (r.key !== undefined ? encodeKey(r.key) : '');
  }
  const req: SignableRequest = { method: r.method, bucket: r.bucket, key: r.key, query, headers };
  const sign = r.sign ?? 'v4';
  if (sign === 'v1') {
    headers['x-oss-date'] ??= new Date().toUTCString();
    headers.authorization = signV1(req, credentials, headers['x-oss-date']);
  } else if (sign === 'v2') {
    headers.date ??= new Date().toUTCString();
    headers.authorization = signV2(req, credentials, headers.date, r.additionalHeaders);
  } else if (sign === 'v4') {
    headers['x-oss-content-sha256'] ??= 'UNSIGNED-PAYLOAD';
    headers['x-oss-date'] ??= v4Now();
    const signed = signV4(req, credentials, { region, datetime: headers['x-oss-date'] });
    Object.assign(headers, signed.headers);
    headers.authorization = signed.authorization;
  }
  const qs = encodeQuery(query);
  const url = `${emu.url}${path}${qs ? '?' + qs : ''}`;
  const res = await rawHttp(url, r.method, headers, r.body);
  return res;
}

/** node:http rather than fetch: fetch forbids setting Host, which virtual-hosted requests need. */
export async function rawHttp(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<RawResponse> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    // Frame a body explicitly: Node sends a GET/DELETE body unframed otherwise, which no server can parse.
    const framed = body === undefined ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers };
    const req = request(url, { method, headers: framed }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(parts);
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
        }
        resolve({ status: res.statusCode ?? 0, headers: h, text: buf.toString('utf8'), body: buf });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

/** The <Code> of an error body (or of the x-oss-err header on HEAD). */
export function errorCode(res: RawResponse): string | undefined {
  const xml = res.text || Buffer.from(res.headers.get('x-oss-err') ?? '', 'base64').toString('utf8');
  return /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
}

export function xmlValue(text: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(text)?.[1];
}

/** Every row of every table of an in-process emulator: what "the request changed nothing" is checked against. */
export function snapshot(emu: RunningEmulator): string {
  const db = emu.store.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}

/**
 * Turns a bucket's Block Public Access off, as the SDKs' live tests do before granting public access: OSS (and the
 * emulator) create buckets with it on since 2025-10-13 (behaviour §14.15).
 */
export async function allowPublicAccess(emu: RunningEmulator, bucket: string): Promise<void> {
  const res = await raw(emu, {
    method: 'PUT',
    bucket,
    query: [['publicAccessBlock', undefined]],
    body: '<PublicAccessBlockConfiguration><BlockPublicAccess>false</BlockPublicAccess></PublicAccessBlockConfiguration>',
  });
  if (res.status !== 200) throw new Error(`PutBucketPublicAccessBlock false on ${bucket}: ${res.status} ${res.text}`);
}

/** Creates a bucket with a public ACL the way one must since 2025-10-13: create, turn the block off, set the ACL. */
export async function createPublicBucket(emu: RunningEmulator, bucket: string, acl: 'public-read' | 'public-read-write'): Promise<void> {
  const created = await raw(emu, { method: 'PUT', bucket });
  if (created.status !== 200) throw new Error(`PutBucket ${bucket}: ${created.status} ${created.text}`);
  await allowPublicAccess(emu, bucket);
  const set = await raw(emu, { method: 'PUT', bucket, query: [['acl', undefined]], headers: { 'x-oss-acl': acl } });
  if (set.status !== 200) throw new Error(`PutBucketAcl ${acl} on ${bucket}: ${set.status} ${set.text}`);
}

/**
 * Verifies a received upload callback as the OSS reference's servers do (behaviour §9.14): the public key fetched
 * from x-oss-pub-key-url, MD5withRSA over the URL-decoded path, the query and the body.
 */
export async function verifyCallbackSignature(r: { url: string; headers: IncomingHttpHeaders; body: string }): Promise<boolean> {
  const keyUrl = Buffer.from(String(r.headers['x-oss-pub-key-url']), 'base64').toString();
  const pem = await (await fetch(keyUrl)).text();
  const q = r.url.indexOf('?');
  const path = q < 0 ? r.url : r.url.slice(0, q);
  const query = q < 0 ? '' : r.url.slice(q);
  const toSign = `${decodeURIComponent(path)}${query}\n${r.body}`;
  return verify('md5', Buffer.from(toSign), createPublicKey(pem), Buffer.from(String(r.headers.authorization), 'base64'));
}
