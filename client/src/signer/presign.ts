// Presigned URLs (spec §8.3, §8.5): the signature travels in the query string instead of a header.
import type { Credentials, SignableRequest } from './request.js';
import { uriEncode } from './request.js';
import { v1Signature, v1StringToSign } from './v1.js';
import {
  V4_ALGORITHM,
  v4AdditionalHeaders,
  v4CanonicalRequest,
  v4Scope,
  v4Signature,
  v4SigningKey,
  v4StringToSign,
} from './v4.js';

export type QueryParams = [string, string][];

/** V1: OSSAccessKeyId, Expires (absolute Unix seconds), Signature [, security-token]. */
export function presignV1(req: SignableRequest, credentials: Credentials, expires: number): QueryParams {
  const token: QueryParams = credentials.securityToken ? [['security-token', credentials.securityToken]] : [];
  const signed: SignableRequest = { ...req, query: [...req.query, ...token] };
  const signature = v1Signature(v1StringToSign(signed, String(expires)), credentials.accessKeySecret);
  return [
    ...(req.query.map(([k, v]) => [k, v ?? '']) as QueryParams),
    ['OSSAccessKeyId', credentials.accessKeyId],
    ['Expires', String(expires)],
    ...token,
    ['Signature', signature],
  ];
}

export interface PresignV4Options {
  region: string;
  /** `yyyymmddTHHMMSSZ` */
  datetime: string;
  /** Seconds after datetime (the SDKs refuse more than 7 days). */
  expiresSeconds: number;
  additionalHeaders?: string[];
  product?: string;
}

/** V4: the x-oss-* query parameters, x-oss-signature last and not part of the canonical query. */
export function presignV4(req: SignableRequest, credentials: Credentials, opts: PresignV4Options): QueryParams {
  const product = opts.product ?? 'oss';
  const date = opts.datetime.slice(0, 8);
  const scope = v4Scope(date, opts.region, product);
  const additional = v4AdditionalHeaders(req.headers, opts.additionalHeaders);
  const auth: QueryParams = [
    ['x-oss-signature-version', V4_ALGORITHM],
    ['x-oss-date', opts.datetime],
    ['x-oss-expires', String(opts.expiresSeconds)],
    ['x-oss-credential', `${credentials.accessKeyId}/${scope}`],
  ];
  if (credentials.securityToken) auth.push(['x-oss-security-token', credentials.securityToken]);
  if (additional.length > 0) auth.push(['x-oss-additional-headers', additional.join(';')]);
  const query: QueryParams = [...(req.query.map(([k, v]) => [k, v ?? '']) as QueryParams), ...auth];
  const canonical = v4CanonicalRequest({ ...req, query }, additional);
  const stringToSign = v4StringToSign(opts.datetime, scope, canonical);
  const signature = v4Signature(v4SigningKey(credentials.accessKeySecret, date, opts.region, product), stringToSign);
  return [...query, ['x-oss-signature', signature]];
}

/** A query string OSS reads back unchanged: RFC 3986 encoding, bare names for empty values. */
export function encodeQuery(params: QueryParams | Record<string, string>): string {
  const pairs = Array.isArray(params) ? params : Object.entries(params);
  return pairs.map(([k, v]) => (v === '' ? uriEncode(k) : `${uriEncode(k)}=${uriEncode(v)}`)).join('&');
}
