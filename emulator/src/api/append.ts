// AppendObject: POST /<key>?append&position=N (DOCS AppendObject). The first append (position 0) creates an
// Appendable object and fixes its metadata; later appends must name the current length or get 409
// PositionNotEqualToLength with the right position in x-oss-next-append-position. New bytes are added as
// extents after the existing ones, so an append never rewrites what is already stored; the CRC-64 of the whole
// object is combined, and x-oss-hash-crc64ecma is sent with every answer.
import { createHash } from 'node:crypto';
import { OssError, invalidArgument } from '../domain/errors.js';
import { validateObjectKey } from '../domain/objectName.js';
import { encryptionHeaders } from '../domain/encryption.js';
import { receiveContent } from '../http/body.js';
import { writerEncryption } from './kms.js';
import { httpDate, sendEmpty } from '../http/render.js';
import { readableObject } from './lookup.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';
import { setVersionHeader } from './objectHeaders.js';
import { landAppend, landObject } from './landing.js';
import { newObjectHeaders } from './objectRequest.js';

function positionParam(ctx: OssContext): number {
  const p = ctx.state.query.get('position');
  if (p === undefined || p === '') throw new OssError('MissingArgument', { ArgumentName: 'position' });
  if (!/^\d{1,16}$/.test(p)) throw invalidArgument('InvalidArgumentPosition', 'position', p);
  return Number(p);
}

export async function appendObject(ctx: OssContext): Promise<void> {
  const key = ctx.state.key!;
  const bucket = requireBucket(ctx);
  validateObjectKey(key);
  const position = positionParam(ctx);
  const store = ctx.state.store;

  const mismatch = (size: number): never => {
    ctx.set('x-oss-next-append-position', String(size));
    throw new OssError('PositionNotEqualToLength');
  };
  const check = () => {
    const current = store.objects.current(bucket.name, key);
    const existing = current && !current.isDeleteMarker ? current : undefined;
    if (existing !== undefined && (existing.objectType !== 'Appendable' || existing.sealedAt !== undefined)) {
      // A sealed object takes no more appends (OSS SealAppendObject doc); the code is [I] (behaviour §9.11).
      throw new OssError('ObjectNotAppendable');
    }
    if ((existing?.size ?? 0) !== position) mismatch(existing?.size ?? 0);
    return existing;
  };
  const before = check();
  // Only the first append fixes metadata, ACL, class, tags and encryption (DOCS AppendObject); later ones leave
  // x-oss-tagging unread, even >10 tags (oss2 live tests/test_object.py::test_append_object_with_tagging_wrong_num;
  // audit #18).
  const { forbidOverwrite, ...first } = newObjectHeaders(ctx, bucket, { tags: before === undefined });

  // Appends keep the encryption the object was created with (none stays none, whatever the request or the bucket's
  // default rule says now).
  const pending = await receiveContent(ctx, undefined, writerEncryption(ctx, before !== undefined ? before.encryption : first.encryption));
  let result;
  try {
    result = store.tx(() => {
      const b = requireBucket(ctx);
      const existing = check();
      const contentId = store.content.append(existing?.contentId ?? null, pending);
      const info = store.content.info(contentId)!;
      // Appendable ETags are not an MD5 of the content (DOCS "ETag"); chaining the previous ETag with this
      // append's MD5 gives a value that changes with every append and is stable for the same history.
      const etag = createHash('md5')
        .update((existing?.etag ?? '') + pending.md5.toString('hex'))
        .digest('hex')
        .toUpperCase();
      if (existing === undefined) {
        return landObject(ctx, b.name, key, contentId, {
          forbidOverwrite,
          build: () => ({ lastModified: ctx.state.config.clock.now(), size: info.size, etag, crc64: info.crc64, objectType: 'Appendable', ...first, contentId }),
        });
      }
      return landAppend(ctx, b, existing, { contentId, size: info.size, etag, crc64: info.crc64, lastModified: ctx.state.config.clock.now() });
    });
  } catch (err) {
    store.content.discard(pending);
    throw err;
  }
  ctx.set('x-oss-next-append-position', String(result.record.size));
  ctx.set('x-oss-hash-crc64ecma', result.record.crc64);
  ctx.set('ETag', `"${result.record.etag}"`);
  for (const [name, value] of Object.entries(encryptionHeaders(result.record.encryption))) ctx.set(name, value);
  setVersionHeader(ctx, result.bucket, result.record.versionId);
  sendEmpty(ctx);
}

/**
 * SealAppendObject: POST /<key>?seal&position=N (Go SDK v2 SealAppendObjectRequest; behaviour §9.11). The position
 * must be the object's length (409 PositionNotEqualToLength, as AppendObject [I]); a Normal or Multipart object is
 * 409 ObjectNotAppendable [I]. Sealing again keeps the first time: x-oss-sealed-time is "the time when the
 * SealAppendObject operation was first performed" (PHP SDK v2 SealAppendObjectResult); GET and HEAD show it (Java
 * SDK SealAppendObjectTest).
 */
export function sealAppendObject(ctx: OssContext): void {
  const position = positionParam(ctx);
  const { bucket, o } = ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    const o = readableObject(ctx, bucket, ctx.state.key!, undefined);
    if (o.objectType !== 'Appendable') throw new OssError('ObjectNotAppendable');
    if (o.size !== position) {
      ctx.set('x-oss-next-append-position', String(o.size));
      throw new OssError('PositionNotEqualToLength');
    }
    if (o.sealedAt === undefined) ctx.state.store.objects.setSealed(o.id, ctx.state.config.clock.now());
    return { bucket, o: ctx.state.store.objects.byId(o.id)! };
  });
  ctx.set('x-oss-sealed-time', httpDate(o.sealedAt!));
  setVersionHeader(ctx, bucket, o.versionId);
  sendEmpty(ctx);
}
