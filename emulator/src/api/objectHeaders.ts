// The headers that describe a stored object on GET, HEAD and after writes (behaviour §9.3; DOCS HeadObject).
import type { BucketRecord, ObjectVersionRecord } from '../domain/types.js';
import { exposesVersionId } from '../domain/types.js';
import { metadataToHeaders } from '../domain/metadata.js';
import { encryptionHeaders } from '../domain/encryption.js';
import { httpDate, quotedEtag } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { restoreHeaderOf } from './restore.js';

export function setVersionHeader(ctx: OssContext, bucket: BucketRecord, versionId: string): void {
  if (exposesVersionId(bucket)) ctx.set('x-oss-version-id', versionId);
}

export function setObjectHeaders(ctx: OssContext, bucket: BucketRecord, o: ObjectVersionRecord): void {
  for (const [name, value] of Object.entries(metadataToHeaders(o.metadata))) ctx.set(name, value);
  ctx.set('ETag', quotedEtag(o.etag));
  ctx.set('Last-Modified', httpDate(o.lastModified));
  ctx.set('x-oss-object-type', o.objectType);
  ctx.set('x-oss-storage-class', o.storageClass);
  ctx.set('x-oss-hash-crc64ecma', o.crc64);
  // Normal objects, and Multipart ones of a sequential upload (behaviour §9.15); an Appendable one's first MD5 is stale.
  if (o.contentMd5 !== undefined && o.objectType !== 'Appendable') ctx.set('Content-MD5', o.contentMd5);
  if (o.objectType === 'Appendable') ctx.set('x-oss-next-append-position', String(o.size));
  if (o.tags.length > 0) ctx.set('x-oss-tagging-count', String(o.tags.length));
  for (const [name, value] of Object.entries(encryptionHeaders(o.encryption))) ctx.set(name, value);
  const restore = restoreHeaderOf(ctx, o);
  if (restore !== undefined) ctx.set('x-oss-restore', restore);
  if (o.sealedAt !== undefined) ctx.set('x-oss-sealed-time', httpDate(o.sealedAt));
  setVersionHeader(ctx, bucket, o.versionId);
}

/**
 * GET/HEAD through a symlink: the target's bytes, ETag and length, with the symlink's own metadata, type and version
 * on top (oss2 tests/test_object.py test_put_symlink: the symlink's x-oss-meta-* on HEAD, the target's ETag and
 * length) [I for the rest].
 */
export function setSymlinkHeaders(ctx: OssContext, bucket: BucketRecord, link: ObjectVersionRecord): void {
  for (const [name, value] of Object.entries(metadataToHeaders(link.metadata))) ctx.set(name, value);
  ctx.set('x-oss-object-type', 'Symlink');
  setVersionHeader(ctx, bucket, link.versionId);
}
