// Put/Get/DeleteBucketPublicAccessBlock (`?publicAccessBlock` on a bucket; behaviour §14.15) and where the block is
// enforced: the ACL headers of every request (here, one check for PutBucketAcl and every object write that sets
// x-oss-object-acl), PutBucketPolicy (api/bucketPolicy.ts) and the grants of ACLs and public policies
// (http/access.ts).
import type { ApiName } from '../domain/actions.js';
import { OssError } from '../domain/errors.js';
import { isPublicAcl, parsePublicAccessBlock } from '../domain/publicAccessBlock.js';
import { publicAccessBlocked } from '../http/access.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

export async function putBucketPublicAccessBlock(ctx: OssContext): Promise<void> {
  const on = parsePublicAccessBlock(await readXml(ctx));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'publicAccessBlock', on);
  });
  sendEmpty(ctx);
}

/** Never set: false [S: the API reference's default]. */
export function getBucketPublicAccessBlock(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  sendXml(ctx, 'PublicAccessBlockConfiguration', { BlockPublicAccess: String(publicAccessBlocked(ctx, bucket.name)) });
}

export function deleteBucketPublicAccessBlock(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'publicAccessBlock', undefined);
  });
  sendEmpty(ctx, 204);
}

/** The APIs whose x-oss-object-acl sets the new object's ACL. */
const OBJECT_ACL_APIS: ApiName[] = ['PutObject', 'PutObjectAcl', 'CopyObject', 'AppendObject', 'InitiateMultipartUpload'];

/** A public ACL asked for on a blocked bucket is refused before anything changes. */
export function checkPublicAclHeaders(ctx: OssContext, api: ApiName): void {
  const bucket = ctx.state.bucket;
  if (bucket === undefined || ctx.state.store.buckets.get(bucket) === undefined || !publicAccessBlocked(ctx, bucket)) return;
  if ((api === 'PutBucketAcl' || api === 'PutBucket') && isPublicAcl(ctx.get('x-oss-acl') || undefined)) throw new OssError('AccessDeniedPublicBucketAcl');
  if (OBJECT_ACL_APIS.includes(api)) checkPublicObjectAcl(ctx, bucket, ctx.get('x-oss-object-acl') || undefined);
}

/** A public object ACL on a write while Block Public Access is on (also PostObject's x-oss-object-acl field). */
export function checkPublicObjectAcl(ctx: OssContext, bucket: string, acl: string | undefined): void {
  if (publicAccessBlocked(ctx, bucket) && isPublicAcl(acl)) throw new OssError('AccessDeniedPublicObjectAcl');
}
