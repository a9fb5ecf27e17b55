// Presigned URLs (behaviour §8.3, §8.5): the signature travels in the query string instead of a header.
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

/** Query parameters a V1 presigned URL adds; never part of the canonical resource except security-token. */
export const V1_PRESIGN_PARAMS = ['OSSAccessKeyId', 'Expires', 'Signature'] as const;

/**
 * The V1 string to sign of a presigned URL: the header form with the Date line replaced by Expires (behaviour §8.3).
 * `req.query` is the URL's query as received (security-token included, so it is signed as a sub-resource).
 */
export function presignV1StringToSign(req: SignableRequest, expires: number | string): string {
  const query = req.query.filter(([name]) => !(V1_PRESIGN_PARAMS as readonly string[]).includes(name));
  return v1StringToSign({ ...req, query }, String(expires));
}

/** V1: OSSAccessKeyId, Expires (absolute Unix seconds), Signature [, security-token] (PY2 `SignerV1._auth_query`). */
export function presignV1(req: SignableRequest, credentials: Credentials, expires: number): QueryParams {
  const token: QueryParams = credentials.securityToken ? [['security-token', credentials.securityToken]] : [];
  const signed: SignableRequest = { ...req, query: [...req.query, ...token] };
  const signature = v1Signature(presignV1StringToSign(signed, expires), credentials.accessKeySecret);
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

export interface PresignedV4 {
  canonicalRequest: string;
  stringToSign: string;
}

/**
 * The V4 canonical request and string to sign of a presigned URL whose query (`req.query`) already carries the
 * x-oss-* authentication parameters; x-oss-signature is left out, as PY2 `SignerV4._auth_query` signs before
 * appending it. `additionalHeaders` is taken as listed: a verifier must sign what the URL names.
 */
export function presignV4StringToSign(
  req: SignableRequest,
  opts: { region: string; datetime: string; additionalHeaders?: string[]; product?: string },
): PresignedV4 {
  const query = req.query.filter(([name]) => name !== 'x-oss-signature');
  const canonicalRequest = v4CanonicalRequest({ ...req, query }, opts.additionalHeaders ?? []);
  const scope = v4Scope(opts.datetime.slice(0, 8), opts.region, opts.product ?? 'oss');
  return { canonicalRequest, stringToSign: v4StringToSign(opts.datetime, scope, canonicalRequest) };
}

export interface ParsedV4Query {
  accessKeyId: string;
  /** `yyyymmdd` from the credential scope. */
  date: string;
  region: string;
  product: string;
  /** `yyyymmddTHHMMSSZ` from x-oss-date. */
  datetime: string;
  /** Seconds after `datetime`. */
  expiresSeconds: number;
  additionalHeaders: string[];
  signature: string;
  securityToken?: string;
}

/** The authentication parameters of a V4 presigned URL (decoded query); undefined when one is missing or malformed. */
export function parseV4PresignedQuery(query: SignableRequest['query']): ParsedV4Query | undefined {
  const get = (name: string) => query.find(([k]) => k === name)?.[1];
  if (get('x-oss-signature-version') !== V4_ALGORITHM) return undefined;
  const credential = (get('x-oss-credential') ?? '').split('/');
  const datetime = get('x-oss-date') ?? '';
  const expires = get('x-oss-expires') ?? '';
  const signature = get('x-oss-signature') ?? '';
  if (credential.length !== 5 || credential[4] !== 'aliyun_v4_request' || credential[0] === '') return undefined;
  if (!/^\d{8}T\d{6}Z$/.test(datetime) || !/^\d{1,10}$/.test(expires) || !/^[0-9a-f]{64}$/.test(signature)) return undefined;
  const additional = get('x-oss-additional-headers');
  const token = get('x-oss-security-token');
  return {
    accessKeyId: credential[0]!,
    date: credential[1]!,
    region: credential[2]!,
    product: credential[3]!,
    datetime,
    expiresSeconds: Number(expires),
    additionalHeaders: additional ? additional.split(';').map((h) => h.trim().toLowerCase()) : [],
    signature,
    ...(token ? { securityToken: token } : {}),
  };
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
  const { stringToSign } = presignV4StringToSign({ ...req, query }, { ...opts, product, additionalHeaders: additional });
  const signature = v4Signature(v4SigningKey(credentials.accessKeySecret, date, opts.region, product), stringToSign);
  return [...query, ['x-oss-signature', signature]];
}

/** A query string OSS reads back unchanged: RFC 3986 encoding (space is %20, never +), bare names for empty values. */
export function encodeQuery(params: QueryParams | Record<string, string>): string {
  const pairs = Array.isArray(params) ? params : Object.entries(params);
  return pairs.map(([k, v]) => (v === '' ? uriEncode(k) : `${uriEncode(k)}=${uriEncode(v)}`)).join('&');
}
