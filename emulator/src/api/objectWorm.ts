// Object-level WORM APIs (behaviour §6.3): Put/GetBucketObjectWormConfiguration, Put/GetObjectRetention,
// Put/GetObjectLegalHold.
import { OssError } from '../domain/errors.js';
import * as ow from '../domain/objectWorm.js';
import { checkObjectWormSetup } from '../domain/immutability.js';
import { readXml } from '../http/body.js';
import { bucketPolicyOf } from './landing.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import type { Store } from '../store/store.js';
import { requireBucket } from './bucket.js';
import { readableObject, versionIdParam } from './lookup.js';
import { setVersionHeader } from './objectHeaders.js';

export function objectWormOf(store: Store, bucket: string): ow.ObjectWormConfig | undefined {
  return store.buckets.getDocument<ow.ObjectWormConfig>(bucket, 'object_worm');
}

export async function putBucketObjectWormConfiguration(ctx: OssContext): Promise<void> {
  const conf = ow.parseObjectWormConfig(await readXml(ctx));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    checkObjectWormSetup(bucket.versioning, bucketPolicyOf(ctx.state.store, bucket.name), ctx.state.config.clock.now());
    ctx.state.store.buckets.setDocument(bucket.name, 'object_worm', conf);
  });
  sendEmpty(ctx);
}

export function getBucketObjectWormConfiguration(ctx: OssContext): void {
  const conf = objectWormOf(ctx.state.store, requireBucket(ctx).name);
  // A bucket that never enabled it [U: the error real OSS gives]: an empty configuration.
  sendXml(ctx, 'ObjectWormConfiguration', conf?.enabled
    ? {
        ObjectWormEnabled: 'Enabled',
        ...(conf.mode
          ? { Rule: { DefaultRetention: { Mode: conf.mode, ...(conf.days ? { Days: String(conf.days) } : { Years: String(conf.years) }) } } }
          : {}),
      }
    : '');
}

function requireEnabled(ctx: OssContext, bucket: string): void {
  if (!objectWormOf(ctx.state.store, bucket)?.enabled) throw new OssError('InvalidRequest');
}

export async function putObjectRetention(ctx: OssContext): Promise<void> {
  const now = ctx.state.config.clock.now();
  const retention = ow.parseRetention(await readXml(ctx), now);
  const bypass = ctx.get('x-oss-bypass-governance-retention').toLowerCase() === 'true';
  const versionId = versionIdParam(ctx);
  const { bucket, o } = ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    requireEnabled(ctx, bucket.name);
    const o = readableObject(ctx, bucket, ctx.state.key!, versionId);
    ow.checkRetentionChange(o.retention, retention, bypass, now);
    ctx.state.store.objects.setRetention(o.id, retention);
    return { bucket, o };
  });
  setVersionHeader(ctx, bucket, o.versionId);
  sendEmpty(ctx);
}

export function getObjectRetention(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const o = readableObject(ctx, bucket, ctx.state.key!, versionIdParam(ctx));
  setVersionHeader(ctx, bucket, o.versionId);
  sendXml(ctx, 'Retention', o.retention ? { Mode: o.retention.mode, RetainUntilDate: o.retention.retainUntilDate } : '');
}

export async function putObjectLegalHold(ctx: OssContext): Promise<void> {
  const status = ow.parseLegalHold(await readXml(ctx));
  const versionId = versionIdParam(ctx);
  const { bucket, o } = ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    requireEnabled(ctx, bucket.name);
    const o = readableObject(ctx, bucket, ctx.state.key!, versionId);
    ctx.state.store.objects.setLegalHold(o.id, status);
    return { bucket, o };
  });
  setVersionHeader(ctx, bucket, o.versionId);
  sendEmpty(ctx);
}

export function getObjectLegalHold(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const o = readableObject(ctx, bucket, ctx.state.key!, versionIdParam(ctx));
  setVersionHeader(ctx, bucket, o.versionId);
  sendXml(ctx, 'LegalHold', { Status: o.legalHold ?? 'OFF' });
}
