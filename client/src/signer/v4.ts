// Signature V4: `OSS4-HMAC-SHA256 Credential=…,AdditionalHeaders=…,Signature=…` (behaviour §8.4; PY2 signer/v4.py).
import { createHash, createHmac } from 'node:crypto';
import { trimOws, uriEncode, type Credentials, type SignableRequest } from './request.js';

export const V4_ALGORITHM = 'OSS4-HMAC-SHA256';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** URI-encoded `/bucket/key` (or `/bucket/`, `/`), always with the bucket, `/` kept literal. */
export function v4CanonicalUri(bucket?: string, key?: string): string {
  let uri = '/';
  if (bucket !== undefined) uri += bucket + '/';
  if (key !== undefined) uri += key;
  return uriEncode(uri, true);
}

/** Encoded `k=v` pairs (bare `k` when the value is empty) sorted by encoded key, then value. */
export function v4CanonicalQuery(query: SignableRequest['query']): string {
  const pairs = query.map(([k, v]) => [uriEncode(k), v === undefined ? '' : uriEncode(v)] as const);
  pairs.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return pairs.map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&');
}

function isDefaultSigned(name: string): boolean {
  return name.startsWith('x-oss-') || name === 'content-type' || name === 'content-md5';
}

/** The additional headers actually signed: lower-case, not signed anyway, present with a value, sorted. */
export function v4AdditionalHeaders(headers: Record<string, string>, requested: string[] = []): string[] {
  const present = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const names = new Set<string>();
  for (const h of requested) {
    const name = h.toLowerCase();
    if (!isDefaultSigned(name) && (present.get(name) ?? '') !== '') names.add(name);
  }
  return [...names].sort();
}

export function v4CanonicalRequest(req: SignableRequest, additionalHeaders: string[]): string {
  const additional = new Set(additionalHeaders);
  const headers = Object.entries(req.headers)
    .map(([name, value]) => [name.toLowerCase(), trimOws(value)] as const)
    .filter(([name]) => isDefaultSigned(name) || additional.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}:${value}\n`)
    .join('');
  const payload = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'x-oss-content-sha256')?.[1];
  return [
    req.method.toUpperCase(),
    v4CanonicalUri(req.bucket, req.key),
    v4CanonicalQuery(req.query),
    headers,
    additionalHeaders.join(';'),
    payload ?? UNSIGNED_PAYLOAD,
  ].join('\n');
}

export function v4Scope(date: string, region: string, product = 'oss'): string {
  return `${date}/${region}/${product}/aliyun_v4_request`;
}

/** `encoding` as for v1Signature: 'latin1' when the canonical request was rebuilt from received header bytes. */
export function v4StringToSign(datetime: string, scope: string, canonicalRequest: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  return [V4_ALGORITHM, datetime, scope, createHash('sha256').update(canonicalRequest, encoding).digest('hex')].join('\n');
}

// The key depends only on the secret, the day, the region and the product: derived once, not with four HMACs per
// request (bench/README.md, "V4 signing keys"). A few entries suffice (one per key pair and region in use); the
// oldest goes first.
const signingKeys = new Map<string, Buffer>();
const MAX_SIGNING_KEYS = 64;

export function v4SigningKey(secret: string, date: string, region: string, product = 'oss'): Buffer {
  const id = `${date}\n${region}\n${product}\n${secret}`;
  const cached = signingKeys.get(id);
  if (cached !== undefined) return cached;
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
  const key = hmac(hmac(hmac(hmac('aliyun_v4' + secret, date), region), product), 'aliyun_v4_request');
  if (signingKeys.size >= MAX_SIGNING_KEYS) signingKeys.delete(signingKeys.keys().next().value!);
  signingKeys.set(id, key);
  return key;
}

export function v4Signature(signingKey: Buffer, stringToSign: string): string {
  return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
}

export interface V4Options {
  /** Bare region id, e.g. cn-hangzhou. */
  region: string;
  /** `yyyymmddTHHMMSSZ` */
  datetime: string;
  additionalHeaders?: string[];
  product?: string;
}

export interface V4Signed {
  authorization: string;
  /** Headers the request must carry for the signature to hold (they were signed). */
  headers: Record<string, string>;
  stringToSign: string;
}

/** Signs with the headers V4 needs added (x-oss-date, x-oss-content-sha256, x-oss-security-token). */
export function signV4(req: SignableRequest, credentials: Credentials, opts: V4Options): V4Signed {
  const added: Record<string, string> = { 'x-oss-date': opts.datetime };
  if (!Object.keys(req.headers).some((k) => k.toLowerCase() === 'x-oss-content-sha256')) {
    added['x-oss-content-sha256'] = UNSIGNED_PAYLOAD;
  }
  if (credentials.securityToken) added['x-oss-security-token'] = credentials.securityToken;
  const signed: SignableRequest = { ...req, headers: { ...req.headers, ...added } };
  const product = opts.product ?? 'oss';
  const date = opts.datetime.slice(0, 8);
  const additional = v4AdditionalHeaders(signed.headers, opts.additionalHeaders);
  const scope = v4Scope(date, opts.region, product);
  const stringToSign = v4StringToSign(opts.datetime, scope, v4CanonicalRequest(signed, additional));
  const signature = v4Signature(v4SigningKey(credentials.accessKeySecret, date, opts.region, product), stringToSign);
  let authorization = `${V4_ALGORITHM} Credential=${credentials.accessKeyId}/${scope}`;
  if (additional.length > 0) authorization += `,AdditionalHeaders=${additional.join(';')}`;
  authorization += `,Signature=${signature}`;
  return { authorization, headers: added, stringToSign };
}

export interface ParsedV4Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  product: string;
  additionalHeaders: string[];
  signature: string;
}

/** Parses a V4 Authorization header; undefined when it is not well formed. */
export function parseV4Authorization(value: string): ParsedV4Authorization | undefined {
  if (!value.startsWith(V4_ALGORITHM + ' ')) return undefined;
  const fields = new Map<string, string>();
  for (const part of value.slice(V4_ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential')?.split('/');
  const signature = fields.get('Signature');
  if (!credential || credential.length !== 5 || credential[4] !== 'aliyun_v4_request' || !signature) return undefined;
  if (!/^\d{8}$/.test(credential[1]!) || !/^[0-9a-f]{64}$/.test(signature)) return undefined;
  const additional = fields.get('AdditionalHeaders');
  if (additional === '') return undefined; // an empty AdditionalHeaders= is refused (behaviour §8.4, EC 0002-00000209)
  return {
    accessKeyId: credential[0]!,
    date: credential[1]!,
    region: credential[2]!,
    product: credential[3]!,
    additionalHeaders: additional ? additional.split(';').map((h) => h.trim().toLowerCase()) : [],
    signature,
  };
}
