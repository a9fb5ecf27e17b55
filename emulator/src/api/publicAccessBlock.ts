// Put/Get/DeleteBucketPublicAccessBlock (`?publicAccessBlock` on a bucket; behaviour §14.15), the account-level
// Put/Get/DeletePublicAccessBlock (`?publicAccessBlock` on the service; the access point level is api/accessPoint.ts),
// and where the block is
// enforced: the ACL headers of every request (here, one check for PutBucketAcl and every object write that sets
// x-oss-object-acl), PutBucketPolicy (api/bucketPolicy.ts) and the grants of ACLs and public policies
// (http/access.ts).
import type { ApiName } from '../domain/actions.js';
import { OssError } from '../domain/errors.js';
import { isPublicAcl, parsePublicAccessBlock } from '../domain/publicAccessBlock.js';
import { accountPublicAccessBlock, bucketPublicAccessBlock, publicAccessBlocked } from '../http/access.js';
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

/** Never set: false [S: the API reference's default]. The bucket's own flag, whatever the account's [I]. */
export function getBucketPublicAccessBlock(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  sendXml(ctx, 'PublicAccessBlockConfiguration', { BlockPublicAccess: String(bucketPublicAccessBlock(ctx, bucket.name)) });
}

export function deleteBucketPublicAccessBlock(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'publicAccessBlock', undefined);
  });
  sendEmpty(ctx, 204);
}

/**
 * The account level: every bucket of the account (PY2 live test_public_access_block_client: read back as put, false
 * after DELETE 204; oss2 live test_public_access_block_normal: a PUT without a flag reads false).
 */
export async function putPublicAccessBlock(ctx: OssContext): Promise<void> {
  const on = parsePublicAccessBlock(await readXml(ctx));
  ctx.state.store.tx(() => ctx.state.store.account.setDocument('publicAccessBlock', on));
  sendEmpty(ctx);
}

export function getPublicAccessBlock(ctx: OssContext): void {
  sendXml(ctx, 'PublicAccessBlockConfiguration', { BlockPublicAccess: String(accountPublicAccessBlock(ctx)) });
}

export function deletePublicAccessBlock(ctx: OssContext): void {
  ctx.state.store.tx(() => ctx.state.store.account.setDocument('publicAccessBlock', undefined));
  sendEmpty(ctx, 204);
}

/** The APIs whose x-oss-object-acl sets the new object's ACL. */
const OBJECT_ACL_APIS: ApiName[] = ['PutObject', 'PutObjectAcl', 'CopyObject', 'AppendObject', 'InitiateMultipartUpload'];

/** A public ACL asked for on a blocked bucket is refused before anything changes. */
export function checkPublicAclHeaders(ctx: OssContext, api: ApiName): void {
  const bucket = ctx.state.bucket;
  if (bucket === undefined) return;
  // A bucket PutBucket is about to create has no flag of its own yet: the account's still applies.
  const blocked = ctx.state.store.buckets.get(bucket) === undefined ? accountPublicAccessBlock(ctx) : publicAccessBlocked(ctx, bucket);
  if (!blocked) return;
  if ((api === 'PutBucketAcl' || api === 'PutBucket') && isPublicAcl(ctx.get('x-oss-acl') || undefined)) throw new OssError('AccessDeniedPublicBucketAcl');
  if (OBJECT_ACL_APIS.includes(api)) checkPublicObjectAcl(ctx, bucket, ctx.get('x-oss-object-acl') || undefined);
}

/** A public object ACL on a write while Block Public Access is on (also PostObject's x-oss-object-acl field). */
export function checkPublicObjectAcl(ctx: OssContext, bucket: string, acl: string | undefined): void {
  if (publicAccessBlocked(ctx, bucket) && isPublicAcl(acl)) throw new OssError('AccessDeniedPublicObjectAcl');
}
