// PutObject, GetObject, HeadObject, GetObjectMeta, DeleteObject, DeleteMultipleObjects (behaviour §9.2–9.4).
// Each handler parses the request, asks the domain, applies the change in one transaction, renders.
import { OssError, invalidArgument } from '../domain/errors.js';
import { isWellFormedVersionId } from '../domain/versionId.js';
import { validateObjectKey } from '../domain/objectName.js';
import { encryptionHeaders } from '../domain/encryption.js';
import { evaluateGetConditions } from '../domain/conditions.js';
import { parseRange } from '../domain/range.js';
import { gzipApplies } from '../domain/compression.js';
import { Readable, pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { BucketRecord } from '../domain/types.js';
import { exposesVersionId } from '../domain/types.js';
import { receiveContent, readXml } from '../http/body.js';
import { pacedBody, trafficLimitOf } from '../http/pace.js';
import { arnContext, permit } from '../http/access.js';
import { deleteChecks } from '../domain/actions.js';
import { checkDecryptable, writerEncryption } from './kms.js';
import { httpDate, listValue, noBody, sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { asArray } from '@local-oss/client';
import { requireBucket } from './bucket.js';
import { readableObject, versionIdParam } from './lookup.js';
import { setObjectHeaders, setSymlinkHeaders, setVersionHeader } from './objectHeaders.js';
import { parseEncodingType } from './params.js';
import { checkThawed } from './restore.js';
import { followSymlink } from './symlink.js';
import { checkLanding, landNormalObject, landedUpload, protectionOf, queueReplication } from './landing.js';
import { answerWithCallback, requestedCallback } from './callback.js';
import { newObjectHeaders } from './objectRequest.js';
import { checkRemovable, type Protection } from '../domain/immutability.js';
import type { Store } from '../store/store.js';
import { planDelete, removedVersionId } from '../domain/versioning.js';

export async function putObject(ctx: OssContext): Promise<void> {
  const key = ctx.state.key!;
  const bucket = requireBucket(ctx);
  validateObjectKey(key);
  const { metadata, acl, storageClass, tags, encryption, forbidOverwrite } = newObjectHeaders(ctx, bucket);
  checkLanding(ctx, bucket, key, { forbidOverwrite }); // before the body is read; landObject checks again at commit
  const callback = requestedCallback(ctx, bucket.name); // a bad callback is refused before anything is stored

  const pending = await receiveContent(ctx, undefined, writerEncryption(ctx, encryption));
  const written = await landNormalObject(ctx, bucket.name, key, pending, { metadata, acl, storageClass, tags, encryption, forbidOverwrite });
  ctx.set('ETag', `"${written.record.etag}"`);
  ctx.set('Content-MD5', written.record.contentMd5!);
  ctx.set('x-oss-hash-crc64ecma', written.record.crc64);
  setVersionHeader(ctx, written.bucket, written.record.versionId);
  for (const [name, value] of Object.entries(encryptionHeaders(written.record.encryption))) ctx.set(name, value);
  if (callback === undefined) return sendEmpty(ctx);
  await answerWithCallback(ctx, callback, landedUpload(written, key, 'PutObject'));
}

/** response-* query parameters override the stored headers on GET (DOCS GetObject; refused to anonymous). */
const RESPONSE_OVERRIDES: Record<string, string> = {
  'response-content-type': 'Content-Type',
  'response-content-language': 'Content-Language',
  'response-expires': 'Expires',
  'response-cache-control': 'Cache-Control',
  'response-content-disposition': 'Content-Disposition',
  'response-content-encoding': 'Content-Encoding',
};

/** A gzip stream of the content; an error or an early close on either side ends both (the read stream's pin too). */
function gzipped(content: Buffer | Readable): Readable {
  const gz = createGzip();
  pipeline(Buffer.isBuffer(content) ? Readable.from([content]) : content, gz, () => {});
  return gz;
}

function readObject(ctx: OssContext, withBody: boolean): void {
  const bucket = requireBucket(ctx);
  const key = ctx.state.key!;
  const link = readableObject(ctx, bucket, key, versionIdParam(ctx));
  const o = followSymlink(ctx, bucket, link);
  const limit = withBody ? trafficLimitOf(ctx) : undefined;
  if (withBody) checkThawed(ctx, bucket.name, o);
  if (withBody) checkDecryptable(ctx, bucket.name, o);
  const decision = evaluateGetConditions(
    {
      ifMatch: ctx.get('if-match') || undefined,
      ifNoneMatch: ctx.get('if-none-match') || undefined,
      ifModifiedSince: ctx.get('if-modified-since') || undefined,
      ifUnmodifiedSince: ctx.get('if-unmodified-since') || undefined,
    },
    { etag: o.etag, lastModified: o.lastModified },
  );
  setObjectHeaders(ctx, bucket, o);
  if (link !== o) setSymlinkHeaders(ctx, bucket, link);
  if (decision === 'not-modified') {
    noBody(ctx, 304);
    return;
  }
  if (withBody && ctx.state.principal.kind !== 'anonymous') {
    for (const [param, header] of Object.entries(RESPONSE_OVERRIDES)) {
      const v = ctx.state.query.get(param);
      if (v !== undefined) ctx.set(header, v);
    }
  }
  ctx.set('Accept-Ranges', 'bytes');
  const range = parseRange(ctx.get('range') || undefined, o.size, ctx.get('x-oss-range-behavior') === 'standard');
  let start = 0;
  let end = o.size;
  if (range !== undefined) {
    start = range.start;
    end = range.end;
    ctx.status = 206;
    ctx.set('Content-Range', `bytes ${start}-${end - 1}/${o.size}`);
  } else {
    ctx.status = 200;
  }
  const contentType = ctx.response.get('Content-Type') as string;
  const status = ctx.status;
  const gzip = gzipApplies({
    acceptEncoding: ctx.get('accept-encoding') || undefined,
    contentType,
    contentEncoding: (ctx.response.get('Content-Encoding') as string) || undefined,
    size: o.size,
    ranged: range !== undefined,
  });
  if (withBody) {
    const content = end > start && o.contentId !== null ? ctx.state.store.content.body(o.contentId, start, end) : Buffer.alloc(0);
    // Compressed as it streams: nothing is buffered, and the length is unknown, so the answer is chunked.
    const body = gzip ? gzipped(content) : content;
    ctx.body = limit === undefined ? body : pacedBody(body, limit);
    ctx.status = status;
  } else {
    noBody(ctx, status);
  }
  // Koa derives Content-Type from the body (or drops it for none); OSS sends the stored one.
  ctx.set('Content-Type', contentType);
  if (gzip) {
    ctx.set('Content-Encoding', 'gzip');
    ctx.set('Vary', 'Accept-Encoding');
    ctx.remove('ETag');
    ctx.remove('Accept-Ranges');
    ctx.remove('Content-Length');
    return;
  }
  ctx.length = end - start;
}

export function getObject(ctx: OssContext): void {
  readObject(ctx, true);
}

export function headObject(ctx: OssContext): void {
  readObject(ctx, false);
}

/** HEAD ?objectMeta: the short form (behaviour §9.3). */
export function getObjectMeta(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const o = readableObject(ctx, bucket, ctx.state.key!, versionIdParam(ctx));
  ctx.set('ETag', `"${o.etag}"`);
  ctx.set('Last-Modified', httpDate(o.lastModified));
  ctx.set('x-oss-last-access-time', httpDate(o.lastModified));
  ctx.set('x-oss-hash-crc64ecma', o.crc64);
  noBody(ctx, 200);
  setVersionHeader(ctx, bucket, o.versionId);
  ctx.length = o.size;
}

export interface DeleteOutcome {
  versionId?: string;
  deleteMarker?: boolean;
  deleteMarkerVersionId?: string;
}

/**
 * One key's delete inside the caller's transaction (behaviour §4): a version by id, or the current object as the
 * bucket's versioning plans it. What it removes for good must be removable (domain/immutability.ts).
 */
function deleteOne(ctx: OssContext, bucket: BucketRecord, key: string, versionId: string | undefined): DeleteOutcome {
  return removeObject(ctx.state.store, bucket, key, versionId, protectionOf(ctx, bucket.name));
}

/**
 * The one delete path (DeleteObject, DeleteMultipleObjects, lifecycle expirations in api/lifecycle.ts), inside the
 * caller's transaction: a version by id, or the current object as the bucket's versioning plans it.
 */
export function removeObject(
  store: Store,
  bucket: BucketRecord,
  key: string,
  versionId: string | undefined,
  protection: Protection,
  replica?: { markerVersionId?: string },
): DeleteOutcome {
  const objects = store.objects;
  const plan = versionId === undefined ? planDelete(bucket.versioning) : undefined;
  // A replicated delete marker keeps its source's id where the destination stacks versions (behaviour §14.22).
  if (plan?.kind === 'marker' && bucket.versioning === 'Enabled' && replica?.markerVersionId !== undefined) plan.versionId = replica.markerVersionId;
  const removed = plan === undefined ? versionId : removedVersionId(plan);
  if (removed !== undefined) checkRemovable(objects.version(bucket.name, key, removed), protection);
  let outcome: DeleteOutcome;
  if (plan === undefined) {
    const gone = objects.removeVersion(bucket.name, key, versionId!);
    outcome = { versionId, deleteMarker: gone?.isDeleteMarker ? true : undefined };
    if (gone !== undefined && replica === undefined) queueReplication(store, bucket.name, key, { versionId: versionId!, op: 'deleteVersion' }, protection.now);
    return outcome;
  }
  const { marker } = objects.deleteCurrent(bucket.name, key, protection.now, plan);
  outcome = marker ? { deleteMarker: true, deleteMarkerVersionId: marker.versionId } : {};
  // Replicas are not replicated again (api/landing.ts Landing.replica).
  if (replica === undefined) queueReplication(store, bucket.name, key, { versionId: marker?.versionId ?? 'null', op: 'delete', marker: marker !== undefined }, protection.now);
  return outcome;
}

export function deleteObject(ctx: OssContext): void {
  const key = ctx.state.key!;
  const versionId = versionIdParam(ctx);
  const { bucket, outcome } = ctx.state.store.tx(() => {
    const b = requireBucket(ctx);
    return { bucket: b, outcome: deleteOne(ctx, b, key, versionId) };
  });
  if (outcome.deleteMarker) ctx.set('x-oss-delete-marker', 'true');
  const shown = outcome.deleteMarkerVersionId ?? outcome.versionId;
  // An unversioned bucket shows no version id, even for `?versionId=null` (sdk-suites-2026-12-01).
  if (shown !== undefined && exposesVersionId(bucket)) ctx.set('x-oss-version-id', shown);
  sendEmpty(ctx, 204);
}

const MAX_DELETE_KEYS = 1000;

export async function deleteMultipleObjects(ctx: OssContext): Promise<void> {
  const bucket = requireBucket(ctx);
  const enc = parseEncodingType(ctx.state.query.get('encoding-type'));
  if (ctx.get('content-md5') === '') throw new OssError('MissingArgument', { ArgumentName: 'Content-MD5' });
  const doc = await readXml(ctx);
  const del = doc?.Delete as Record<string, unknown> | undefined;
  // Another root names itself (audit #27: Go SDK v2 api_op_object_test.go TestUnmarshalOutput_DeleteMultipleObjects).
  if (doc !== undefined && del === undefined) throw new OssError('MalformedXML', { ErrorDetail: 'the root node is not named Delete.' });
  if (del === undefined || typeof del !== 'object') throw new OssError('MalformedXML');
  const entries = asArray(del.Object as unknown);
  if (entries.length === 0 || entries.length > MAX_DELETE_KEYS) throw new OssError('MalformedXML');
  const items = entries.map((e) => {
    const entry = e as Record<string, unknown>;
    if (typeof entry !== 'object' || entry === null || typeof entry.Key !== 'string') throw new OssError('MalformedXML');
    const versionId = typeof entry.VersionId === 'string' ? entry.VersionId : undefined;
    return { key: entry.Key, versionId };
  });
  for (const item of items) {
    validateObjectKey(item.key);
    // A malformed <VersionId> refuses the whole request before anything is deleted (audit #16).
    if (item.versionId !== undefined && !isWellFormedVersionId(item.versionId)) {
      throw invalidArgument('InvalidArgumentVersionId', 'VersionId', item.versionId);
    }
  }
  // Every key's permission before any is deleted: a refusal changes nothing [I] (docs/permissions.md §1).
  permit(ctx, deleteChecks(arnContext(ctx, bucket.name), bucket.name, items), { acl: { access: 'write', bucket: bucket.name } });
  const quiet = String(del.Quiet ?? 'false').toLowerCase() === 'true';
  const outcomes = ctx.state.store.tx(() =>
    items.map((item) => ({ item, outcome: deleteOne(ctx, bucket, item.key, item.versionId) })),
  );
  const showIds = exposesVersionId(ctx.state.store.buckets.get(bucket.name) ?? bucket);
  const deleted = quiet
    ? []
    : outcomes.map(({ item, outcome }) => ({
        Key: listValue(item.key, enc),
        ...(item.versionId !== undefined && showIds ? { VersionId: item.versionId } : {}),
        ...(outcome.deleteMarker ? { DeleteMarker: 'true' } : {}),
        ...(outcome.deleteMarkerVersionId !== undefined ? { DeleteMarkerVersionId: outcome.deleteMarkerVersionId } : {}),
      }));
  sendXml(ctx, 'DeleteResult', { ...(enc ? { EncodingType: enc } : {}), ...(deleted.length ? { Deleted: deleted } : {}) });
}
