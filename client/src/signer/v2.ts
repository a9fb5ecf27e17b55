// Signature V2: `Authorization: OSS2 AccessKeyId:<id>[,AdditionalHeaders:<h1;h2>],Signature:<sig>` and presigned
// URLs with `x-oss-signature-version=OSS2` (behaviour §8.9). The string to sign is the one oss2 builds
// (aliyun/aliyun-oss-python-sdk oss2/auth.py ProviderAuthV2 __get_bytes_to_sign): V1's lines, with the additional
// headers signed beside the x-oss-* ones and listed on a line of their own, HMAC-SHA256 instead of SHA-1, and a
// resource that is percent-encoded whole (`/` too, oss2 v2_uri_encode) followed by every query parameter.
import { createHmac } from 'node:crypto';
import { trimOws, uriEncode, type Credentials, type SignableRequest } from './request.js';

export const V2_ALGORITHM = 'OSS2';

/** Query parameters a V2 presigned URL adds (oss2 ProviderAuthV2._sign_url); all but the signature are signed. */
export const V2_PRESIGN_PARAMS = ['x-oss-signature-version', 'x-oss-expires', 'x-oss-access-key-id', 'x-oss-additional-headers'] as const;

function header(headers: Record<string, string>, name: string): string {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return '';
}

/**
 * `/bucket/key` percent-encoded as a whole (`%2Fbucket%2Fkey`; the service is `%2F`), then `?` and every query
 * parameter, name and value encoded, sorted by encoded name, bare when the value is empty.
 */
export function v2CanonicalResource(req: SignableRequest): string {
  const uri = uriEncode(req.bucket !== undefined ? `/${req.bucket}/${req.key ?? ''}` : '/');
  const pairs = req.query.map(([k, v]) => [uriEncode(k), v === undefined ? '' : uriEncode(v)] as const);
  pairs.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  if (pairs.length === 0) return uri;
  return `${uri}?${pairs.map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&')}`;
}

/** The x-oss-* headers and the additional ones: `name:value\n`, names lower-case, sorted by name. */
export function v2CanonicalHeaders(headers: Record<string, string>, additionalHeaders: string[]): string {
  const additional = new Set(additionalHeaders.map((h) => h.toLowerCase()));
  return Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), trimOws(value)] as const)
    .filter(([name]) => name.startsWith('x-oss-') || additional.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}:${value}\n`)
    .join('');
}

/**
 * `date` is the Date header for header signing, the x-oss-expires value for a presigned URL (oss2 signs the URL
 * by putting the expiry in the Date line). `req.query` holds exactly the parameters signed: for a presigned URL,
 * everything but x-oss-signature.
 */
export function v2StringToSign(req: SignableRequest, date: string, additionalHeaders: string[] = []): string {
  const additional = [...new Set(additionalHeaders.map((h) => h.toLowerCase()))].sort();
  return [
    req.method.toUpperCase(),
    header(req.headers, 'content-md5'),
    header(req.headers, 'content-type'),
    date,
    v2CanonicalHeaders(req.headers, additional) + additional.join(';'),
    v2CanonicalResource(req),
  ].join('\n');
}

/** base64(HMAC-SHA256(secret, string)); `encoding` as for v1Signature. */
export function v2Signature(stringToSign: string, accessKeySecret: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  return createHmac('sha256', accessKeySecret).update(stringToSign, encoding).digest('base64');
}

/** The additional headers actually signed: lower-case, not x-oss-*, present in the request, sorted. */
export function v2AdditionalHeaders(headers: Record<string, string>, requested: string[] = []): string[] {
  const present = new Set(Object.keys(headers).map((k) => k.toLowerCase()));
  return [...new Set(requested.map((h) => h.toLowerCase()))].filter((h) => !h.startsWith('x-oss-') && present.has(h)).sort();
}

/** The Authorization header value; the caller sends `date` as the Date header. */
export function signV2(req: SignableRequest, credentials: Credentials, date: string, additionalHeaders: string[] = []): string {
  const additional = v2AdditionalHeaders(req.headers, additionalHeaders);
  const signature = v2Signature(v2StringToSign(req, date, additional), credentials.accessKeySecret);
  const list = additional.length > 0 ? `,AdditionalHeaders:${additional.join(';')}` : '';
  return `OSS2 AccessKeyId:${credentials.accessKeyId}${list},Signature:${signature}`;
}

export interface ParsedV2Authorization {
  accessKeyId: string;
  /** As listed, lower-case; empty when the field is absent. */
  additionalHeaders: string[];
  signature: string;
}

/**
 * Why a V2 Authorization header is refused, with the EC page that documents the case (OSS 0002-00000105/-106:
 * AccessKeyId missing or blank, -108/-109 Signature missing or blank, -110/-111 AdditionalHeaders blank or with
 * an empty item). A header that is not `OSS2 key:value,…` at all has no documented EC: none is sent.
 */
export type V2AuthorizationFault = { fault: 'malformed'; ec?: string };

/** `OSS2 AccessKeyId:…,AdditionalHeaders:…,Signature:…` in any order of its fields. */
export function parseV2Authorization(value: string): ParsedV2Authorization | V2AuthorizationFault {
  const m = /^OSS2 (.*)$/.exec(value.trim());
  if (!m) return { fault: 'malformed' };
  const fields = new Map<string, string>();
  for (const part of m[1]!.split(',')) {
    const i = part.indexOf(':');
    if (i < 0) return { fault: 'malformed' };
    fields.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  const accessKeyId = fields.get('AccessKeyId');
  if (accessKeyId === undefined) return { fault: 'malformed', ec: '0002-00000105' };
  if (accessKeyId === '') return { fault: 'malformed', ec: '0002-00000106' };
  const signature = fields.get('Signature');
  if (signature === undefined) return { fault: 'malformed', ec: '0002-00000108' };
  if (signature === '') return { fault: 'malformed', ec: '0002-00000109' };
  const list = fields.get('AdditionalHeaders');
  if (list === '') return { fault: 'malformed', ec: '0002-00000110' };
  const additionalHeaders = list === undefined ? [] : list.split(';').map((h) => h.trim().toLowerCase());
  if (additionalHeaders.includes('')) return { fault: 'malformed', ec: '0002-00000111' };
  return { accessKeyId, additionalHeaders, signature };
}

/**
 * A V2 presigned URL's added parameters, as oss2 ProviderAuthV2._sign_url appends them: x-oss-signature-version,
 * x-oss-expires (absolute Unix seconds), x-oss-access-key-id [, x-oss-additional-headers], then x-oss-signature.
 */
export function presignV2(req: SignableRequest, credentials: Credentials, expires: number, additionalHeaders: string[] = []): [string, string][] {
  const additional = v2AdditionalHeaders(req.headers, additionalHeaders);
  const token: [string, string][] = credentials.securityToken ? [['security-token', credentials.securityToken]] : [];
  const auth: [string, string][] = [
    ['x-oss-signature-version', V2_ALGORITHM],
    ['x-oss-expires', String(expires)],
    ['x-oss-access-key-id', credentials.accessKeyId],
  ];
  if (additional.length > 0) auth.push(['x-oss-additional-headers', additional.join(';')]);
  const query: [string, string][] = [...req.query.map(([k, v]) => [k, v ?? ''] as [string, string]), ...token, ...auth];
  const signature = v2Signature(v2StringToSign({ ...req, query }, String(expires), additional), credentials.accessKeySecret);
  return [...query, ['x-oss-signature', signature]];
}
