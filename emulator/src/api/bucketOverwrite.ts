// Put/Get/DeleteBucketOverwriteConfig (`?overwriteConfig`; behaviour §14.4). The rules are one document per bucket;
// api/landing.ts checkLanding applies them to every write.
import { OssError } from '../domain/errors.js';
import { overwriteConfigToXml, parseOverwriteConfig, type OverwriteRule } from '../domain/overwrite.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

/** PutBucketOverwriteConfig replaces the whole configuration (API reference: "overwrite semantics"). */
export async function putBucketOverwriteConfig(ctx: OssContext): Promise<void> {
  const rules = parseOverwriteConfig(await readXml(ctx));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'overwrite', rules);
  });
  sendEmpty(ctx);
}

export function getBucketOverwriteConfig(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const rules = ctx.state.store.buckets.getDocument<OverwriteRule[]>(bucket.name, 'overwrite');
  if (rules === undefined) throw new OssError('NoSuchOverwriteConfiguration', { BucketName: bucket.name });
  sendXml(ctx, 'OverwriteConfiguration', overwriteConfigToXml(rules));
}

/** 204 whether or not there was a configuration [I: the API reference shows only the 204]. */
export function deleteBucketOverwriteConfig(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'overwrite', undefined);
  });
  sendEmpty(ctx, 204);
}
