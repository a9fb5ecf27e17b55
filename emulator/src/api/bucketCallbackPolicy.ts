// Put/Get/DeleteBucketCallbackPolicy (`?policy&comp=callback`; behaviour §14.21): one document per bucket. An upload
// uses a policy with x-oss-callback {"callbackPolicy": …} (api/callback.ts, behaviour §9.14).
import { callbackPolicyToXml, parseCallbackPolicy, type CallbackPolicyItem } from '../domain/callbackPolicy.js';
import { OssError } from '../domain/errors.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

/** Replaces the whole set of policies (oss2 put_bucket_callback_policy sends the full list). */
export async function putBucketCallbackPolicy(ctx: OssContext): Promise<void> {
  const items = parseCallbackPolicy(await readXml(ctx));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'callbackPolicy', items);
  });
  sendEmpty(ctx);
}

export function getBucketCallbackPolicy(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const items = ctx.state.store.buckets.getDocument<CallbackPolicyItem[]>(bucket.name, 'callbackPolicy');
  if (items === undefined) throw new OssError('BucketCallbackPolicyNotExist', { BucketName: bucket.name });
  sendXml(ctx, 'BucketCallbackPolicy', callbackPolicyToXml(items));
}

/** 204 (oss2 test_callback_policy asserts it) whether or not there were policies [I]. */
export function deleteBucketCallbackPolicy(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'callbackPolicy', undefined);
  });
  sendEmpty(ctx, 204);
}
