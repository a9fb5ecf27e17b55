// ListObjects (v1), ListObjectsV2 and ListObjectVersions (behaviour §9.5, §9.7): only the rendering lives here; the
// paging walk is store/listing.ts.
import { OWNER } from '../domain/owner.js';
import { invalidArgument } from '../domain/errors.js';
import type { ListedObject } from '../store/listing.js';
import { exposesVersionId } from '../domain/types.js';
import { isoDate, listValue, quotedEtag, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import type { Query } from '../http/query.js';
import { requireBucket } from './bucket.js';
import { restoreHeaderOf } from './restore.js';
import { MAX_KEYS_EC, parseEncodingType, parseMaxKeys } from './params.js';

/** RestoreInfo, after Owner as oss2 unittests/test_iterator.py's canned ListObjects answer has it (behaviour §9.10). */
function restoreInfo(ctx: OssContext, o: ListedObject): Record<string, string> {
  const info = restoreHeaderOf(ctx, o);
  return info !== undefined ? { RestoreInfo: info } : {};
}

function contentsEntry(ctx: OssContext, o: ListedObject, enc: 'url' | undefined, owner: boolean): Record<string, unknown> {
  return {
    Key: listValue(o.key, enc),
    LastModified: isoDate(o.lastModified),
    ETag: quotedEtag(o.etag),
    Type: o.objectType,
    Size: String(o.size),
    StorageClass: o.storageClass,
    ...(owner ? { Owner: { ...OWNER } } : {}),
    ...restoreInfo(ctx, o),
  };
}

function commonPrefixes(prefixes: string[], enc: 'url' | undefined): Record<string, unknown> {
  return prefixes.length === 0 ? {} : { CommonPrefixes: prefixes.map((p) => ({ Prefix: listValue(p, enc) })) };
}

function delimiterParam(value: string | undefined): string {
  const d = value ?? '';
  // OSS limits the delimiter to one character [I: DOCS ListObjects "delimiter … one character"].
  if ([...d].length > 1) throw invalidArgument('InvalidArgumentDelimiter', 'delimiter', d);
  return d;
}

/**
 * A prefix or marker longer than an object name can be is InvalidArgument (oss2 live tests/test_bucket_versioning.py
 * test_list_object_versions_wrong: 1025 characters for prefix, key-marker, version-id-marker; the message, and 1024 as
 * the last length accepted, are [I]).
 */
const MAX_LIST_NAME_BYTES = 1024;

function nameParam(q: Query, name: string): string {
  const value = q.get(name) ?? '';
  if (Buffer.byteLength(value) > MAX_LIST_NAME_BYTES) throw invalidArgument('InvalidArgumentTooLong', name, value);
  return value;
}

export function listObjects(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const q = ctx.state.query;
  const enc = parseEncodingType(q.get('encoding-type'));
  const prefix = q.get('prefix') ?? '';
  const marker = q.get('marker') ?? '';
  const delimiter = delimiterParam(q.get('delimiter'));
  const maxKeys = parseMaxKeys(q.get('max-keys'), 100, 'max-keys', MAX_KEYS_EC.listObjects);
  const page = ctx.state.store.listing.current(bucket.name, { prefix, delimiter, marker, maxKeys });
  sendXml(ctx, 'ListBucketResult', {
    Name: bucket.name,
    Prefix: listValue(prefix, enc),
    Marker: listValue(marker, enc),
    MaxKeys: String(maxKeys),
    Delimiter: listValue(delimiter, enc),
    ...(enc ? { EncodingType: enc } : {}),
    IsTruncated: String(page.isTruncated),
    ...(page.isTruncated && page.nextMarker !== undefined ? { NextMarker: listValue(page.nextMarker, enc) } : {}),
    ...(page.contents.length ? { Contents: page.contents.map((o) => contentsEntry(ctx, o, enc, true)) } : {}),
    ...commonPrefixes(page.commonPrefixes, enc),
  });
}

/**
 * Continuation tokens are opaque to clients; ours carry the key to resume after, in URL-safe base64 without padding
 * so that no client decoding can change them: the Go SDK v2 QueryUnescapes NextContinuationToken under
 * encoding-type=url (api_op_bucket.go unmarshalEncodeType), which turned a `+` into a space (audit #4). Real tokens
 * are URL-safe too (ListObjectsV2 doc sample `CgJiYw--`).
 */
function encodeToken(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/**
 * Node's base64 decoder reads both alphabets, so tokens issued in standard base64 still resume. It also skips what
 * it cannot read, so a token counts only when it is exactly what we would have issued for the key it decodes to:
 * `err-token` is refused, as by OSS (OSS2 tests/test_list_objects_v2.py::test_list_with_error_continuation_token
 * expects InvalidArgument; corpus entry list-v2-py1f-bad-token).
 */
function decodeToken(token: string): string {
  const key = /^[A-Za-z0-9+/_-]*={0,2}$/.test(token) ? Buffer.from(token, 'base64').toString('utf8') : undefined;
  const issued = key === undefined ? [] : [encodeToken(key), Buffer.from(key, 'utf8').toString('base64')];
  if (key === undefined || !issued.some((t) => t.replace(/=+$/, '') === token.replace(/=+$/, ''))) {
    throw invalidArgument('InvalidArgumentContinuationToken', 'continuation-token', token);
  }
  return key;
}

export function listObjectsV2(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const q = ctx.state.query;
  const enc = parseEncodingType(q.get('encoding-type'));
  const prefix = q.get('prefix') ?? '';
  const startAfter = q.get('start-after');
  const token = q.get('continuation-token');
  const delimiter = delimiterParam(q.get('delimiter'));
  const maxKeys = parseMaxKeys(q.get('max-keys'), 100, 'max-keys', MAX_KEYS_EC.listObjects);
  const fetchOwner = q.get('fetch-owner') === 'true';
  const after = token !== undefined && token !== '' ? decodeToken(token) : (startAfter ?? '');
  const page = ctx.state.store.listing.current(bucket.name, { prefix, delimiter, marker: after, maxKeys });
  sendXml(ctx, 'ListBucketResult', {
    Name: bucket.name,
    Prefix: listValue(prefix, enc),
    ...(startAfter !== undefined ? { StartAfter: listValue(startAfter, enc) } : {}),
    ...(token !== undefined ? { ContinuationToken: token } : {}),
    MaxKeys: String(maxKeys),
    Delimiter: listValue(delimiter, enc),
    ...(enc ? { EncodingType: enc } : {}),
    IsTruncated: String(page.isTruncated),
    ...(page.isTruncated && page.nextMarker !== undefined ? { NextContinuationToken: encodeToken(page.nextMarker) } : {}),
    ...(page.contents.length ? { Contents: page.contents.map((o) => contentsEntry(ctx, o, enc, fetchOwner)) } : {}),
    ...commonPrefixes(page.commonPrefixes, enc),
    // Last, after Contents and CommonPrefixes (audit #25: the doc sample in Go SDK v2 testMockListObjectsV2SuccessCases).
    KeyCount: String(page.contents.length + page.commonPrefixes.length),
  });
}

export function listObjectVersions(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const q = ctx.state.query;
  const enc = parseEncodingType(q.get('encoding-type'));
  const prefix = nameParam(q, 'prefix');
  const keyMarker = nameParam(q, 'key-marker');
  const versionIdMarker = nameParam(q, 'version-id-marker');
  const delimiter = delimiterParam(q.get('delimiter'));
  const maxKeys = parseMaxKeys(q.get('max-keys'), 100, 'max-keys', MAX_KEYS_EC.listObjectVersions);
  const page = ctx.state.store.listing.versions(bucket.name, {
    prefix,
    delimiter,
    marker: keyMarker,
    versionIdMarker,
    maxKeys,
  });
  const showIds = exposesVersionId(bucket);
  const versions = page.contents.filter((o) => !o.isDeleteMarker);
  const markers = page.contents.filter((o) => o.isDeleteMarker);
  sendXml(ctx, 'ListVersionsResult', {
    Name: bucket.name,
    Prefix: listValue(prefix, enc),
    KeyMarker: listValue(keyMarker, enc),
    VersionIdMarker: versionIdMarker,
    MaxKeys: String(maxKeys),
    Delimiter: listValue(delimiter, enc),
    ...(enc ? { EncodingType: enc } : {}),
    IsTruncated: String(page.isTruncated),
    ...(page.isTruncated
      ? {
          NextKeyMarker: listValue(page.nextMarker ?? '', enc),
          NextVersionIdMarker: page.nextVersionIdMarker ?? '',
        }
      : {}),
    ...(markers.length
      ? {
          DeleteMarker: markers.map((o) => ({
            Key: listValue(o.key, enc),
            VersionId: showIds ? o.versionId : 'null',
            IsLatest: String(o.isLatest),
            LastModified: isoDate(o.lastModified),
            Owner: { ...OWNER },
          })),
        }
      : {}),
    ...(versions.length
      ? {
          Version: versions.map((o) => ({
            Key: listValue(o.key, enc),
            VersionId: showIds ? o.versionId : 'null',
            IsLatest: String(o.isLatest),
            LastModified: isoDate(o.lastModified),
            ETag: quotedEtag(o.etag),
            Type: o.objectType,
            Size: String(o.size),
            StorageClass: o.storageClass,
            Owner: { ...OWNER },
            ...restoreInfo(ctx, o),
          })),
        }
      : {}),
    ...commonPrefixes(page.commonPrefixes, enc),
  });
}
