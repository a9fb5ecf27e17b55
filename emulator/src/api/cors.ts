// Put/Get/DeleteBucketCors (`?cors`), the OPTIONS preflight on bucket and object paths, and the Access-Control-*
// headers of actual cross-origin requests (behaviour §14.6). The rules are one document per bucket
// (domain/cors.ts decides which rule matches).
import type { Next } from 'koa';
import {
  corsConfigurationToXml,
  corsHeaders,
  matchingRule,
  parseCorsConfiguration,
  requestedHeaders,
  type CorsConfiguration,
} from '../domain/cors.js';
import { OssError } from '../domain/errors.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

/** PutBucketCors bodies are small (the API reference caps the document at 16 KB [I: the figure]). */
const MAX_CORS_BODY = 16 * 1024;

function corsOf(ctx: OssContext, bucket: string): CorsConfiguration | undefined {
  return ctx.state.store.buckets.getDocument<CorsConfiguration>(bucket, 'cors');
}

/** PutBucketCors replaces every rule ("overwriting semantics", API reference). */
export async function putBucketCors(ctx: OssContext): Promise<void> {
  const config = parseCorsConfiguration(await readXml(ctx, MAX_CORS_BODY));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'cors', config);
  });
  sendEmpty(ctx);
}

/** Without rules: 404 NoSuchCORSConfiguration (oss2 live test_cors: exceptions.NoSuchCors). */
export function getBucketCors(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const config = corsOf(ctx, bucket.name);
  if (config === undefined) throw new OssError('NoSuchCORSConfiguration', { BucketName: bucket.name });
  sendXml(ctx, 'CORSConfiguration', corsConfigurationToXml(config));
}

/** 204, also when there were no rules (oss2 live test_cors deletes twice). */
export function deleteBucketCors(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'cors', undefined);
  });
  sendEmpty(ctx, 204);
}

/**
 * A preflight (OPTIONS on a bucket or object path) is not signed and not authorised: it is answered from the rules
 * alone (OPTIONS API reference: "If OSS does not allow the request or CORS is disabled for the bucket, 403
 * Forbidden"). A missing bucket is NoSuchBucket [I]; a service-level OPTIONS has no rules to match [I].
 */
function preflight(ctx: OssContext): void {
  const bucketName = ctx.state.bucket;
  if (bucketName !== undefined) requireBucket(ctx, bucketName);
  const config = bucketName === undefined ? undefined : corsOf(ctx, bucketName);
  if (config?.responseVary) ctx.set('Vary', 'Origin');
  if (config === undefined) throw new OssError('AccessForbiddenCorsDisabled');
  const origin = ctx.get('origin');
  const method = ctx.get('access-control-request-method');
  const headers = requestedHeaders(ctx.get('access-control-request-headers'));
  const rule = origin === '' || method === '' ? undefined : matchingRule(config, origin, method, headers);
  if (rule === undefined) throw new OssError('AccessForbiddenCors');
  for (const [name, value] of Object.entries(corsHeaders(rule, origin, headers))) ctx.set(name, value);
  sendEmpty(ctx);
}

/** Pipeline step after addressing (app.ts): answers OPTIONS itself, before routing and auth. */
export async function preflightStep(ctx: OssContext, next: Next): Promise<void> {
  if (ctx.method === 'OPTIONS') return preflight(ctx);
  return next();
}

/**
 * Pipeline step outside `errors` (app.ts), so it sees the final answer, errors included — which a browser must be
 * able to read [I]: adds the matching rule's Access-Control-* headers to the answer of a request with an Origin,
 * and `Vary: Origin` to every answer of a bucket whose ResponseVary is true (PutBucketCors API reference: "returned
 * whether or not the request is cross-origin or matches"). Preflights set their own.
 */
export async function corsHeadersStep(ctx: OssContext, next: Next): Promise<void> {
  await next();
  const bucketName = ctx.state.bucket;
  if (bucketName === undefined || ctx.method === 'OPTIONS' || ctx.headerSent) return;
  const config = corsOf(ctx, bucketName);
  if (config === undefined) return;
  if (config.responseVary) ctx.vary('Origin');
  const origin = ctx.get('origin');
  if (origin === '') return;
  const rule = matchingRule(config, origin, ctx.method);
  if (rule !== undefined) for (const [name, value] of Object.entries(corsHeaders(rule, origin))) ctx.set(name, value);
}
