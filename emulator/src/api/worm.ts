// Bucket retention policy APIs (behaviour §6.1): Initiate / Abort / Complete / Extend / GetBucketWorm.
import * as worm from '../domain/worm.js';
import { checkBucketWormSetup } from '../domain/immutability.js';
import { bucketPolicyOf } from './landing.js';
import { objectWormOf } from './objectWorm.js';
import { OssError } from '../domain/errors.js';
import type { BucketRecord } from '../domain/types.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

function policyOf(ctx: OssContext, bucket: Pick<BucketRecord, 'name'>): worm.WormPolicy | undefined {
  return bucketPolicyOf(ctx.state.store, bucket.name);
}

async function retentionDays(ctx: OssContext, root: string): Promise<string | undefined> {
  const doc = await readXml(ctx);
  const conf = doc?.[root];
  if (conf === undefined || conf === null || typeof conf !== 'object') throw new OssError('MalformedXML');
  const days = (conf as Record<string, unknown>).RetentionPeriodInDays;
  return typeof days === 'string' ? days : undefined;
}

export async function initiateBucketWorm(ctx: OssContext): Promise<void> {
  const days = await retentionDays(ctx, 'InitiateWormConfiguration');
  const policy = ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    checkBucketWormSetup(bucket.versioning, objectWormOf(ctx.state.store, bucket.name)?.enabled === true);
    const p = worm.initiate(policyOf(ctx, bucket), days, ctx.state.config.clock.now());
    ctx.state.store.buckets.setDocument(bucket.name, 'worm', p);
    return p;
  });
  ctx.set('x-oss-worm-id', policy.wormId);
  sendEmpty(ctx);
}

export function abortBucketWorm(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    worm.abort(policyOf(ctx, bucket), ctx.state.config.clock.now());
    ctx.state.store.buckets.setDocument(bucket.name, 'worm', undefined);
  });
  sendEmpty(ctx, 204);
}

export function completeBucketWorm(ctx: OssContext): void {
  const wormId = ctx.state.query.get('wormId') ?? '';
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'worm', worm.complete(policyOf(ctx, bucket), wormId, ctx.state.config.clock.now()));
  });
  sendEmpty(ctx);
}

export async function extendBucketWorm(ctx: OssContext): Promise<void> {
  const wormId = ctx.state.query.get('wormId') ?? '';
  const days = await retentionDays(ctx, 'ExtendWormConfiguration');
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'worm', worm.extend(policyOf(ctx, bucket), wormId, days, ctx.state.config.clock.now()));
  });
  sendEmpty(ctx);
}

export function getBucketWorm(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const p = worm.activePolicy(policyOf(ctx, bucket), ctx.state.config.clock.now());
  if (p === undefined) throw new OssError('NoSuchWORMConfiguration');
  sendXml(ctx, 'WormConfiguration', {
    WormId: p.wormId,
    State: p.state,
    RetentionPeriodInDays: String(p.retentionDays),
    CreationDate: worm.wormDate(p.createdAt),
    ...(p.state === 'InProgress' ? { ExpirationDate: worm.wormDate(p.createdAt + worm.IN_PROGRESS_TTL) } : {}),
  });
}
