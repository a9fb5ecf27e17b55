// PutSymlink and GetSymlink (`?symlink`; behaviour §9.12), and reading through a symlink. A symlink is an object
// version of type Symlink with no bytes and a target key in the same bucket; it lands through api/landing.ts like
// every write (WORM, forbid-overwrite, overwrite rules), keeps its own metadata, ACL, storage class and tags, and is
// deleted, tagged and listed (Type Symlink) as itself. GetObject / HeadObject answer the target's bytes.
import { createHash } from 'node:crypto';
import { OssError } from '../domain/errors.js';
import { metadataToHeaders } from '../domain/metadata.js';
import { validateObjectKey } from '../domain/objectName.js';
import type { BucketRecord, ObjectVersionRecord } from '../domain/types.js';
import { receiveContent } from '../http/body.js';
import { httpDate, quotedEtag, sendEmpty } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';
import { checkLanding, landReceived } from './landing.js';
import { readableObject, versionIdParam } from './lookup.js';
import { setVersionHeader } from './objectHeaders.js';
import { newObjectHeaders } from './objectRequest.js';

/** x-oss-symlink-target is URL-encoded by the SDKs (oss2 api.py put_symlink `urlquote(target_key, '')`). */
function targetHeader(ctx: OssContext): string {
  const value = ctx.get('x-oss-symlink-target');
  if (value === '') throw new OssError('MissingArgument', { ArgumentName: 'x-oss-symlink-target' });
  let target: string;
  try {
    target = decodeURIComponent(value);
  } catch {
    target = value;
  }
  validateObjectKey(target);
  return target;
}

export async function putSymlink(ctx: OssContext): Promise<void> {
  const key = ctx.state.key!;
  const bucket = requireBucket(ctx);
  validateObjectKey(key);
  const target = targetHeader(ctx);
  const { metadata, acl, storageClass, tags, forbidOverwrite } = newObjectHeaders(ctx, bucket);
  checkLanding(ctx, bucket, key, { forbidOverwrite });
  const pending = await receiveContent(ctx); // a PutSymlink has no body: an empty content
  const written = await landReceived(ctx, bucket.name, key, pending, {
    forbidOverwrite,
    build: (b, contentId) => ({
      lastModified: ctx.state.config.clock.now(),
      size: 0,
      // [I] OSS's symlink ETag is not captured; one that changes with the target name.
      etag: createHash('md5').update(target).digest('hex').toUpperCase(),
      crc64: '0',
      objectType: 'Symlink',
      storageClass,
      acl,
      metadata,
      tags,
      symlinkTarget: target,
      contentId,
    }),
  });
  ctx.set('ETag', quotedEtag(written.record.etag));
  setVersionHeader(ctx, written.bucket, written.record.versionId);
  sendEmpty(ctx);
}

export function getSymlink(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const o = readableObject(ctx, bucket, ctx.state.key!, versionIdParam(ctx));
  if (o.symlinkTarget === undefined) throw new OssError('NotSymlink');
  for (const [name, value] of Object.entries(metadataToHeaders(o.metadata))) ctx.set(name, value);
  ctx.set('x-oss-symlink-target', encodeURIComponent(o.symlinkTarget));
  ctx.set('ETag', quotedEtag(o.etag));
  ctx.set('Last-Modified', httpDate(o.lastModified));
  setVersionHeader(ctx, bucket, o.versionId);
  sendEmpty(ctx);
}

/**
 * The object a GET/HEAD reads: a symlink's current target (404 NoSuchKey when it is missing or deleted [I: the
 * code is not captured]); a symlink to a symlink is not followed further [I].
 */
export function followSymlink(ctx: OssContext, bucket: BucketRecord, o: ObjectVersionRecord): ObjectVersionRecord {
  if (o.symlinkTarget === undefined) return o;
  const target = ctx.state.store.objects.current(bucket.name, o.symlinkTarget);
  if (target === undefined || target.isDeleteMarker || target.symlinkTarget !== undefined) {
    throw new OssError('NoSuchKey', { Key: ctx.state.key });
  }
  return target;
}
