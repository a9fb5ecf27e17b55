// Bucket and object ACLs (spec §9.6): Put via the x-oss-acl / x-oss-object-acl header, Get as AccessControlPolicy.
import { OssError } from '../domain/errors.js';
import { OWNER } from '../domain/owner.js';
import { parseBucketAcl, parseObjectAcl } from '../domain/acl.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';
import { readableObject, versionIdParam } from './lookup.js';
import { setVersionHeader } from './objectHeaders.js';

function policy(grant: string): object {
  return { Owner: { ...OWNER }, AccessControlList: { Grant: grant } };
}

export function putBucketAcl(ctx: OssContext): void {
  const acl = parseBucketAcl(ctx.get('x-oss-acl') || undefined);
  if (acl === undefined) throw new OssError('MissingArgument', { ArgumentName: 'x-oss-acl' });
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setAcl(bucket.name, acl);
  });
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
