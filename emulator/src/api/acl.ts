// Bucket and object ACLs (behaviour §9.6): Put via the x-oss-acl / x-oss-object-acl header, Get as AccessControlPolicy.
import { OssError } from '../domain/errors.js';
import { OWNER } from '../domain/owner.js';
import { parseBucketAcl, parseObjectAcl } from '../domain/acl.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { createBucket, requireBucket } from './bucket.js';
import { queueReplication } from './landing.js';
import { readableObject, versionIdParam } from './lookup.js';
import { setVersionHeader } from './objectHeaders.js';

function policy(grant: string): object {
  return { Owner: { ...OWNER }, AccessControlList: { Grant: grant } };
}

/**
 * PutBucketAcl. On a bucket that does not exist it creates one with that ACL, as PutBucket would: ali-oss's live
 * suite expects it ([ALI] `test/node/bucket.test.js` "should create and set acl when bucket not exists"), and the
 * Java SDK's live `BucketAclTest.testUnormalSetBucketAcl` no longer expects failure (its `Assert.fail` is commented
 * out and it deletes the bucket afterwards), while a bucket of another owner answers BucketAlreadyExists, the
 * PutBucket answer. Either way OSS answers `Location: /<bucket>`, which ali-oss `putBucketACL()` reads back
 * as `result.bucket` (`lib/bucket.js`).
 */
export function putBucketAcl(ctx: OssContext): void {
  const acl = parseBucketAcl(ctx.get('x-oss-acl') || undefined);
  if (acl === undefined) throw new OssError('MissingArgument', { ArgumentName: 'x-oss-acl' });
  const name = ctx.state.bucket!;
  ctx.state.store.tx(() => {
    if (ctx.state.store.buckets.get(name) === undefined) {
      createBucket(ctx, name, { acl, storageClass: 'Standard', dataRedundancyType: 'LRS' });
    } else {
      ctx.state.store.buckets.setAcl(name, acl);
    }
  });
  ctx.set('Location', `/${name}`);
  sendEmpty(ctx);
}

export function getBucketAcl(ctx: OssContext): void {
  sendXml(ctx, 'AccessControlPolicy', policy(requireBucket(ctx).acl));
}

export function putObjectAcl(ctx: OssContext): void {
  const acl = parseObjectAcl(ctx.get('x-oss-object-acl') || undefined);
  if (acl === undefined) throw new OssError('MissingArgument', { ArgumentName: 'x-oss-object-acl' });
  const versionId = versionIdParam(ctx);
  const { bucket, o } = ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    const o = readableObject(ctx, bucket, ctx.state.key!, versionId);
    ctx.state.store.objects.setAcl(o.id, acl);
    queueReplication(ctx.state.store, bucket.name, o.key, { versionId: o.versionId, op: 'acl' }, ctx.state.config.clock.now());
    return { bucket, o };
  });
  if (versionId !== undefined) setVersionHeader(ctx, bucket, o.versionId);
  sendEmpty(ctx);
}

export function getObjectAcl(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const versionId = versionIdParam(ctx);
  const o = readableObject(ctx, bucket, ctx.state.key!, versionId);
  if (versionId !== undefined) setVersionHeader(ctx, bucket, o.versionId);
  sendXml(ctx, 'AccessControlPolicy', policy(o.acl));
}
