// Put/Get/DeleteBucketPolicy (docs/permissions.md §2.1): the policy is JSON, kept byte for byte as it was put, and
// evaluated with the caller's RAM policies by http/access.ts.
import { OssError } from '../domain/errors.js';
import { PolicyError, parsePolicy, type Policy } from '../domain/policy.js';
import { isPublicPolicy } from '../domain/publicAccessBlock.js';
import { readConfigBody } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';
import { publicAccessBlocked } from '../http/access.js';

/** A bucket policy may not exceed 16 KB (EC 0030-00000001). */
const MAX_POLICY_BYTES = 16 * 1024;

/** The EC real OSS gives each kind of malformed policy (docs/permissions.md §2.1; the code is [U]). */
function policyErrorEc(err: PolicyError): string {
  return /Version/.test(err.message) ? '0030-00000002' : '0030-00000005';
}

/**
 * A policy body as PutBucketPolicy reads it: at most 16 KB of UTF-8 JSON in the policy language, its text kept as
 * sent. PutAccessPointPolicy reads its body the same way (api/accessPoint.ts) [I: its limits are uncaptured].
 */
export async function readPolicyBody(ctx: OssContext): Promise<{ text: string; policy: Policy }> {
  const raw = await readConfigBody(ctx, MAX_POLICY_BYTES).catch((err: unknown) => {
    // readConfigBody's only MalformedXML is a body over the limit.
    if (err instanceof OssError && err.code === 'MalformedXML') {
      throw new OssError('InvalidPolicyDocument', { ErrorDetail: 'the policy is larger than 16 KB' }, '0030-00000001');
    }
    throw err;
  });
  const text = new TextDecoder('utf-8', { fatal: true });
  let policyText: string;
  try {
    policyText = text.decode(raw);
  } catch {
    throw new OssError('InvalidPolicyDocument', { ErrorDetail: 'the policy is not UTF-8' }, '0030-00000004');
  }
  let policy: Policy;
  try {
    policy = parsePolicy(policyText);
  } catch (err) {
    if (!(err instanceof PolicyError)) throw err;
    throw new OssError('InvalidPolicyDocument', { ErrorDetail: err.message }, policyErrorEc(err));
  }
  return { text: policyText, policy };
}

export async function putBucketPolicy(ctx: OssContext): Promise<void> {
  const { text: policyText, policy } = await readPolicyBody(ctx);
  // Block Public Access refuses a public policy (behaviour §14.15).
  if (publicAccessBlocked(ctx, requireBucket(ctx).name) && isPublicPolicy(policy)) throw new OssError('AccessDeniedPublicPolicy');
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setPolicy(bucket.name, policyText);
  });
  sendEmpty(ctx);
}

export function getBucketPolicy(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const policy = ctx.state.store.buckets.getPolicy(bucket.name);
  if (policy === undefined) throw new OssError('NoSuchBucketPolicy', { BucketName: bucket.name });
  ctx.status = 200;
  ctx.type = 'application/json';
  ctx.body = policy;
}

export function deleteBucketPolicy(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setPolicy(bucket.name, undefined);
  });
  sendEmpty(ctx, 204);
}

/**
 * GetBucketPolicyStatus (`?policyStatus`): whether the bucket's policy grants public access, false without one [S] PY2
 * live test_bucket_policy_client (true for a `Principal: ["*"]` policy, false once deleted); the public rule is
 * domain/publicAccessBlock.ts isPublicPolicy.
 */
export function getBucketPolicyStatus(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const text = ctx.state.store.buckets.getPolicy(bucket.name);
  const isPublic = text !== undefined && isPublicPolicy(parsePolicy(text));
  sendXml(ctx, 'PolicyStatus', { IsPublic: String(isPublic) });
}
