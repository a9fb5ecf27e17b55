// Put/GetBucketVersioning (behaviour §4): never-versioned → Enabled ↔ Suspended, never back.
import { OssError } from '../domain/errors.js';
import { checkVersioningChange } from '../domain/immutability.js';
import { readXml } from '../http/body.js';
import { bucketPolicyOf } from './landing.js';
import { objectWormOf } from './objectWorm.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

export async function putBucketVersioning(ctx: OssContext): Promise<void> {
  const doc = await readXml(ctx);
  const conf = doc?.VersioningConfiguration;
  if (conf === undefined || conf === null || typeof conf !== 'object') throw new OssError('MalformedXML');
  // A missing or unknown Status is MalformedXML (oss2 live test_bucket_versioning test_bucket_versioning_wrong: no
  // Status, then `Disabled`), not the InvalidArgument the spec inferred.
  const status = (conf as Record<string, unknown>).Status;
  if (status !== 'Enabled' && status !== 'Suspended') throw new OssError('MalformedXML');
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    checkVersioningChange(status, bucketPolicyOf(ctx.state.store, bucket.name), objectWormOf(ctx.state.store, bucket.name)?.enabled === true, ctx.state.config.clock.now());
    ctx.state.store.buckets.setVersioning(bucket.name, status);
  });
  sendEmpty(ctx);
}

export function getBucketVersioning(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  // A never-versioned bucket answers without a Status element (behaviour §4, ali-oss gets undefined).
  sendXml(ctx, 'VersioningConfiguration', bucket.versioning ? { Status: bucket.versioning } : '');
}
