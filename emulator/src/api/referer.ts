// Put/GetBucketReferer (`?referer`; behaviour §14.13) and the hotlink check on anonymous and presigned requests. The
// configuration is one document per bucket; domain/referer.ts decides whether a Referer passes it.
import { OssError } from '../domain/errors.js';
import {
  DEFAULT_REFERER_CONFIGURATION,
  parseRefererConfiguration,
  refererAllows,
  refererConfigurationToXml,
  type RefererConfiguration,
} from '../domain/referer.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

/** PutBucketReferer replaces the whole configuration (API reference: it overwrites the existing one). */
export async function putBucketReferer(ctx: OssContext): Promise<void> {
  const config = parseRefererConfiguration(await readXml(ctx));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'referer', config);
  });
  sendEmpty(ctx);
}

/** A bucket never configured answers OSS's defaults [I: no capture of that answer; no 404 is documented]. */
export function getBucketReferer(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const config = ctx.state.store.buckets.getDocument<RefererConfiguration>(bucket.name, 'referer') ?? DEFAULT_REFERER_CONFIGURATION;
  sendXml(ctx, 'RefererConfiguration', refererConfigurationToXml(config));
}

/**
 * Anonymous and presigned (signed-URL) requests to a bucket with hotlink protection must carry a Referer it lets
 * through (anti-leech guide: requests signed in the Authorization header are not checked). Runs before the
 * permission check [I: which refusal wins when both apply is not captured].
 */
export function checkReferer(ctx: OssContext): void {
  const name = ctx.state.bucket;
  if (name === undefined) return;
  const p = ctx.state.principal;
  if (p.kind === 'key' && !p.scheme.startsWith('presign-')) return;
  const config = ctx.state.store.buckets.getDocument<RefererConfiguration>(name, 'referer');
  if (config === undefined) return;
  if (!refererAllows(config, ctx.get('referer') || undefined)) throw new OssError('AccessDeniedReferer');
}
