// Landing a new object version: the checks that must hold at commit time (bucket still there, forbid-overwrite,
// WORM) and the content commit, all in one transaction so a refused write leaves nothing behind.
import { OssError } from '../domain/errors.js';
import type { BucketRecord, ObjectVersionRecord } from '../domain/types.js';
import type { PendingContent } from '../store/content.js';
import type { NewObject } from '../store/objects.js';
import type { OssContext } from '../http/state.js';
import { checkNotImmutable } from './worm.js';

/**
 * x-oss-forbid-overwrite (spec §1.6): 409 FileAlreadyExists when a current, non-marker object exists; ignored
 * when the bucket's versioning is Enabled or Suspended.
 */
export function checkOverwrite(ctx: OssContext, bucket: BucketRecord, key: string, forbid: boolean): void {
  if (!forbid || bucket.versioning !== undefined) return;
  const current = ctx.state.store.objects.current(bucket.name, key);
  if (current !== undefined && !current.isDeleteMarker) throw new OssError('FileAlreadyExists', { Key: key });
}

export interface WriteOptions {
  forbidOverwrite: boolean;
  build(bucket: BucketRecord, contentId: number): NewObject;
}

export interface Written {
  bucket: BucketRecord;
  record: ObjectVersionRecord;
}

/** Lands a new current version of the key from `content` (new chunks, or an existing content id to share), inside the caller's transaction. */
export function landObject(
  ctx: OssContext,
  bucketName: string,
  key: string,
  content: PendingContent | number,
  opts: WriteOptions,
): Written {
  const store = ctx.state.store;
  const bucket = store.buckets.get(bucketName);
  if (bucket === undefined) throw new OssError('NoSuchBucket', { BucketName: bucketName });
  checkOverwrite(ctx, bucket, key, opts.forbidOverwrite);
  checkNotImmutable(ctx, bucket, key);
  const contentId = typeof content === 'number' ? content : store.content.commit(content);
  const record = store.objects.write(bucket, key, opts.build(bucket, contentId));
  return { bucket, record };
}

/**
 * Lands a received body as the key's new current version, in a group commit with the other writes of the moment
 * (Store.groupTx); on refusal its chunks are deleted.
 */
export async function writeObject(
  ctx: OssContext,
  bucketName: string,
  key: string,
  content: PendingContent,
  opts: WriteOptions,
): Promise<Written> {
  try {
    return await ctx.state.store.groupTx(() => landObject(ctx, bucketName, key, content, opts));
  } catch (err) {
    ctx.state.store.content.discard(content);
    throw err;
  }
}
