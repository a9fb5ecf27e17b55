// Put/Get/DeleteBucketTags (`?tagging` on a bucket; behaviour §14.1). The tags are one document per bucket
// (store/buckets.ts); ListBuckets filters on them (api/service.ts tag-key / tag-value).
import { bucketTagsFromXml, keysToDelete, remainingTags } from '../domain/bucketTags.js';
import { tagsToXml } from '../domain/tagging.js';
import type { Tag } from '../domain/types.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

export function bucketTagsOf(ctx: OssContext, bucket: string): Tag[] {
  return ctx.state.store.buckets.getDocument<Tag[]>(bucket, 'tags') ?? [];
}

/** A PutBucketTags replaces the whole set (PutBucketTags API reference: "overwrites the existing tags"). */
export async function putBucketTags(ctx: OssContext): Promise<void> {
  const tags = bucketTagsFromXml(await readXml(ctx));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'tags', tags.length === 0 ? undefined : tags);
  });
  sendEmpty(ctx);
}

/** With no tags, an empty TagSet (PY2 GetBucketTagsResult: "the Tagging element is empty"), not an error. */
export function getBucketTags(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  sendXml(ctx, 'Tagging', tagsToXml(bucketTagsOf(ctx, bucket.name)));
}

/** `?tagging=k1,k2` deletes those keys (oss2 live test_bucket_tagging_with_specify_label), a bare `?tagging` all. */
export function deleteBucketTags(ctx: OssContext): void {
  const keys = keysToDelete(ctx.state.query.get('tagging'));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    const left = remainingTags(bucketTagsOf(ctx, bucket.name), keys);
    ctx.state.store.buckets.setDocument(bucket.name, 'tags', left.length === 0 ? undefined : left);
  });
  sendEmpty(ctx, 204);
}
