// Signature V1: `Authorization: OSS <AccessKeyId>:<Signature>` (behaviour §8.2; PY2 signer/v1.py, GO2 signer/v1.go).
import { createHmac } from 'node:crypto';
import { trimOws, type Credentials, type SignableRequest } from './request.js';

/**
 * Query parameters PY2's SignerV1 always puts in the canonical resource: `SignerV1._subresource_key_set`,
 * copied from aliyun/alibabacloud-oss-python-sdk-v2 `alibabacloud_oss_v2/signer/v1.py`.
 */
export const V1_SUBRESOURCES: ReadonlySet<string> = new Set([
  'acl', 'bucketInfo', 'location', 'stat', 'delete', 'append', 'tagging', 'objectMeta', 'uploads', 'uploadId',
  'partNumber', 'security-token', 'position', 'response-content-type', 'response-content-language',
  'response-expires', 'response-cache-control', 'response-content-disposition', 'response-content-encoding',
  'restore', 'callback', 'callback-var', 'versions', 'versioning', 'versionId', 'sequential', 'continuation-token',
  'regionList', 'cloudboxes', 'symlink', 'resourceGroup',
]);

/**
 * Further parameters that are signed when present. PY2 adds the names of an operation's `sub-resource` metadata
 * (every `'sub-resource': [...]` in `alibabacloud_oss_v2/operations/*.py`); the rest are the OSS documentation's
 * sub-resource list (behaviour §8.2). The emulator verifies requests of any operation, so it signs the union.
 */
export const V1_OPERATION_SUBRESOURCES: ReadonlySet<string> = new Set([
  // PY2 operation metadata
  'MetaQuery', 'accessPoint', 'accessPointPolicy', 'bucketArchiveDirectRead', 'cleanRestoredObject', 'cname',
  'comp', 'cors', 'dataPipeline', 'encryption', 'httpsConfig', 'inventory', 'inventoryId', 'legalHold',
  'lifecycle', 'logging', 'metaQuery', 'objectWorm', 'overwriteConfig', 'policy', 'policyStatus',
  'publicAccessBlock', 'redundancyTransition', 'referer', 'replication', 'replicationLocation',
  'replicationProgress', 'requestPayment', 'retention', 'rtc', 'seal', 'style', 'styleName',
  'transferAcceleration', 'userDefinedLogFieldsConfig', 'website', 'worm', 'wormExtend', 'wormId',
  // OSS documentation, "Add a signature to the header"
  'endTime', 'img', 'live', 'qos', 'startTime', 'status', 'vod',
  // oss2 auth.py `_subresource_key_set`: the QoS, resource pool and AsyncFetch APIs oss2 sends (behaviour §17.4, §17.5)
  'asyncFetch', 'qosInfo', 'qosRequester', 'requesterQosInfo', 'resourcePool', 'resourcePoolBuckets', 'resourcePoolInfo',
]);

/** GO2 (`signer/v1.go`) also signs every `x-oss-` parameter; PY2 lists the ones its operations send. */
export function isV1SignedParameter(name: string): boolean {
  return V1_SUBRESOURCES.has(name) || V1_OPERATION_SUBRESOURCES.has(name) || name.startsWith('x-oss-');
}

/** `/bucket/key` with the raw (decoded) key, then `?` + sorted sub-resources with decoded values. */
export function v1CanonicalResource(req: SignableRequest): string {
  let resource = '/';
  if (req.bucket !== undefined) resource += req.bucket + '/';
  if (req.key !== undefined) resource += req.key;
  // Sorted as PY2 sorts its (name, value) tuples: by name, then value, in code-unit order.
  const pairs = req.query
    .filter(([name]) => isV1SignedParameter(name))
    .map(([name, value]) => [name, value ?? ''] as const)
    .sort(([na, va], [nb, vb]) => (na < nb ? -1 : na > nb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
    .map(([name, value]) => (value !== '' ? `${name}=${value}` : name));
  return pairs.length > 0 ? `${resource}?${pairs.join('&')}` : resource;
}

/** x-oss-* headers: names lower-case, values trimmed, sorted by name in byte order. */
export function v1CanonicalHeaders(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), trimOws(value)] as const)
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

/**
 * `encoding` is how the string maps to the signed bytes: 'utf8' for text (what clients sign), 'latin1' when each
 * code unit already is one byte, as the emulator rebuilds the string from the header bytes it received.
 */
export function v1Signature(stringToSign: string, accessKeySecret: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  return createHmac('sha1', accessKeySecret).update(stringToSign, encoding).digest('base64');
}

/** The Authorization header value; the caller sends `date` as x-oss-date (or Date). */
export function signV1(req: SignableRequest, credentials: Credentials, date: string): string {
  return `OSS ${credentials.accessKeyId}:${v1Signature(v1StringToSign(req, date), credentials.accessKeySecret)}`;
}
