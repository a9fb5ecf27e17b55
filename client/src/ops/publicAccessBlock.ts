// Block Public Access (PY2 put/get/delete_bucket_public_access_block) and get_bucket_policy_status.
import { buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, md5, str, type Node, type Wire } from './wire.js';

const SUB: [string, undefined][] = [['publicAccessBlock', undefined]];

const bool = (v: string | undefined) => (v === undefined ? undefined : v === 'true');

export async function putBucketPublicAccessBlock(wire: Wire, req: M.PutBucketPublicAccessBlockRequest): Promise<M.PutBucketPublicAccessBlockResult> {
  const on = req.publicAccessBlockConfiguration.blockPublicAccess;
  const body = buildXml('PublicAccessBlockConfiguration', on !== undefined ? { BlockPublicAccess: String(on) } : {});
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: SUB, headers: { 'content-md5': md5(body) }, body }));
}

export async function getBucketPublicAccessBlock(wire: Wire, req: M.GetBucketPublicAccessBlockRequest): Promise<M.GetBucketPublicAccessBlockResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: SUB });
  const root = (await wire.xml(res)).PublicAccessBlockConfiguration as Node | undefined;
  return { ...base(res), publicAccessBlockConfiguration: { blockPublicAccess: bool(str(root, 'BlockPublicAccess')) } };
}

export async function deleteBucketPublicAccessBlock(wire: Wire, req: M.DeleteBucketPublicAccessBlockRequest): Promise<M.DeleteBucketPublicAccessBlockResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: SUB }));
}

export async function getBucketPolicyStatus(wire: Wire, req: M.GetBucketPolicyStatusRequest): Promise<M.GetBucketPolicyStatusResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['policyStatus', undefined]] });
  const root = (await wire.xml(res)).PolicyStatus as Node | undefined;
  return { ...base(res), policyStatus: { isPublic: bool(str(root, 'IsPublic')) } };
}
