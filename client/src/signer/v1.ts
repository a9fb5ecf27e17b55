// Signature V1: `Authorization: OSS <AccessKeyId>:<Signature>` (spec §8.2; PY2 signer/v1.py, GO2 signer/v1.go).
import { createHmac } from 'node:crypto';
import type { Credentials, SignableRequest } from './request.js';

/**
 * Query parameters that belong to the canonical resource. The union of PY2's SignerV1 set, the per-operation
 * `sub-resource` names in PY2's operations and the OSS documentation's list (spec §8.2); any `x-oss-` parameter
 * is signed too, as GO2 does.
 */
export const V1_SUBRESOURCES: ReadonlySet<string> = new Set([
  'acl', 'append', 'bucketInfo', 'callback', 'callback-var', 'cname', 'comp', 'continuation-token', 'cors',
  'delete', 'encryption', 'endTime', 'img', 'inventory', 'inventoryId', 'legalHold', 'lifecycle', 'live',
  'location', 'logging', 'objectMeta', 'objectWorm', 'partNumber', 'policy', 'policyStatus', 'position', 'qos',
  'referer', 'regionList', 'replication', 'replicationLocation', 'replicationProgress', 'requestPayment',
  'resourceGroup', 'response-cache-control', 'response-content-disposition', 'response-content-encoding',
  'response-content-language', 'response-content-type', 'response-expires', 'restore', 'retention',
  'security-token', 'sequential', 'startTime', 'stat', 'status', 'style', 'styleName', 'symlink', 'tagging',
  'uploadId', 'uploads', 'versionId', 'versioning', 'versions', 'vod', 'website', 'worm', 'wormExtend', 'wormId',
  'cloudboxes', 'inventoryId', 'overwriteConfig', 'transferAcceleration', 'httpsConfig', 'publicAccessBlock',
  'metaQuery', 'MetaQuery', 'accessPoint', 'accessPointPolicy', 'seal', 'cleanRestoredObject',
  'redundancyTransition', 'bucketArchiveDirectRead', 'dataPipeline', 'rtc', 'userDefinedLogFieldsConfig',
]);

function signedParam(name: string): boolean {
  return V1_SUBRESOURCES.has(name) || name.startsWith('x-oss-');
}

/** `/bucket/key` with the raw (decoded) key, then `?` + sorted sub-resources with decoded values. */
export function v1CanonicalResource(req: SignableRequest): string {
  let resource = '/';
  if (req.bucket !== undefined) resource += req.bucket + '/';
  if (req.key !== undefined) resource += req.key;
  const pairs = req.query
    .filter(([name]) => signedParam(name))
    .map(([name, value]) => (value !== undefined && value !== '' ? `${name}=${value}` : name));
  pairs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return pairs.length > 0 ? `${resource}?${pairs.join('&')}` : resource;
}

/** x-oss-* headers: names lower-case, values trimmed, sorted by name in byte order. */
export function v1CanonicalHeaders(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .filter(([name]) => name.startsWith('x-oss-'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}:${value}\n`)
    .join('');
}

function header(headers: Record<string, string>, name: string): string {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return '';
}

/** `date` is the x-oss-date/Date value for header signing, the Expires value for a presigned URL. */
export function v1StringToSign(req: SignableRequest, date: string): string {
  return [
    req.method.toUpperCase(),
    header(req.headers, 'content-md5'),
    header(req.headers, 'content-type'),
    date,
    v1CanonicalHeaders(req.headers) + v1CanonicalResource(req),
  ].join('\n');
}

export function v1Signature(stringToSign: string, accessKeySecret: string): string {
  return createHmac('sha1', accessKeySecret).update(stringToSign, 'utf8').digest('base64');
}

/** The Authorization header value; the caller sends `date` as x-oss-date (or Date). */
export function signV1(req: SignableRequest, credentials: Credentials, date: string): string {
  return `OSS ${credentials.accessKeyId}:${v1Signature(v1StringToSign(req, date), credentials.accessKeySecret)}`;
}
