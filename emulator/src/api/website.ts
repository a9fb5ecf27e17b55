// Put/Get/DeleteBucketWebsite (`?website`; behaviour §14.16). The configuration is one document per bucket; the
// website decision itself is domain/website.ts websiteAnswer.
import { OssError } from '../domain/errors.js';
import { parseWebsiteConfig, websiteAnswer, type WebsiteConfig } from '../domain/website.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

/** PutBucketWebsite replaces the whole configuration. */
export async function putBucketWebsite(ctx: OssContext): Promise<void> {
  const config = parseWebsiteConfig(await readXml(ctx));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'website', config);
  });
  sendEmpty(ctx);
}

/** The document as it was put (element order and Mirror fields kept: PY2 test_bucket_website_client reads them back). */
export function getBucketWebsite(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const config = ctx.state.store.buckets.getDocument<WebsiteConfig>(bucket.name, 'website');
  if (config === undefined) throw new OssError('NoSuchWebsiteConfiguration', { BucketName: bucket.name });
  sendXml(ctx, 'WebsiteConfiguration', config.document);
}

/** 204 whether or not there was a configuration (PY2 test_bucket_website_client asserts the 204). */
export function deleteBucketWebsite(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'website', undefined);
  });
  sendEmpty(ctx, 204);
}

/** Answered here (a redirect), or the document GetObject/HeadObject serves instead, with its status. */
export type WebsiteStep = { answered: true } | { answered: false; key: string; status: number };

/** A request that carries no credentials at all (header, V1 or V4 query): what OSS serves website documents to. */
function isAnonymous(ctx: OssContext): boolean {
  const q = ctx.state.query;
  return ctx.get('authorization') === '' && !q.has('Signature') && !q.has('OSSAccessKeyId') && !q.has('x-oss-signature');
}

/**
 * The website answer for a website-style request, or undefined for an ordinary one (behaviour §14.16): an anonymous
 * GET/HEAD without selectors on a bucket that has a website configuration. Redirects are answered here; an
 * `object` answer names the key (index / error document / Internal target) that GetObject then serves, with its
 * status.
 */
export function websiteStep(ctx: OssContext, selectorCount: number): WebsiteStep | undefined {
  const { bucket, key } = ctx.state;
  if (bucket === undefined || (ctx.method !== 'GET' && ctx.method !== 'HEAD') || selectorCount > 0) return undefined;
  // Signed: only a directory key's index (a signed GET / stays ListObjects).
  const signed = !isAnonymous(ctx);
  if (signed && (key === undefined || !key.endsWith('/'))) return undefined;
  const config = ctx.state.store.buckets.getDocument<WebsiteConfig>(bucket, 'website');
  if (config === undefined) return undefined;
  const exists = (k: string) => {
    const o = ctx.state.store.objects.current(bucket, k);
    return o !== undefined && !o.isDeleteMarker;
  };
  const headers: Record<string, string | undefined> = {};
  for (const [n, v] of Object.entries(ctx.headers)) headers[n] = Array.isArray(v) ? v.join(',') : v;
  const answer = websiteAnswer(config, { key: key ?? '', query: ctx.querystring, headers, host: ctx.get('host'), exists, signed });
  switch (answer.kind) {
    case 'redirect':
      ctx.status = answer.status;
      ctx.set('Location', answer.location);
      ctx.body = '';
      return { answered: true };
    case 'object':
      return { answered: false, key: answer.key, status: answer.status };
    case 'internal':
      return exists(answer.key) ? { answered: false, key: answer.key, status: 200 } : undefined;
    default:
      return undefined;
  }
}
