// Put/Get/DeleteBucketEncryption (`?encryption`; behaviour §14.5). The rule is one document per bucket; new objects
// take it when their request names no encryption (api/landing.ts newObjectEncryption).
import { encryptionRuleElements, parseEncryptionRule } from '../domain/bucketEncryption.js';
import { OssError } from '../domain/errors.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';
import { bucketDefaultEncryption } from './landing.js';

export async function putBucketEncryption(ctx: OssContext): Promise<void> {
  const rule = parseEncryptionRule(await readXml(ctx));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'encryption', rule);
  });
  sendEmpty(ctx);
}

/** Without a rule: 404 NoSuchServerSideEncryptionRule (oss2 live test_bucket_encryption_wrong). */
export function getBucketEncryption(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const rule = bucketDefaultEncryption(ctx.state.store, bucket.name);
  if (rule === undefined) throw new OssError('NoSuchServerSideEncryptionRule', { BucketName: bucket.name });
  sendXml(ctx, 'ServerSideEncryptionRule', { ApplyServerSideEncryptionByDefault: encryptionRuleElements(rule) });
}

/** Objects already written keep their encryption; only new ones stop taking the rule. */
export function deleteBucketEncryption(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'encryption', undefined);
  });
  sendEmpty(ctx, 204);
}
