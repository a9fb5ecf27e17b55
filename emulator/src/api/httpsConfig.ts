// Put/GetBucketHttpsConfig (`?httpsConfig`; behaviour §14.17): one document per bucket, stored and answered.
import { DEFAULT_HTTPS_CONFIG, httpsConfigToXml, parseHttpsConfig, type HttpsConfig } from '../domain/httpsConfig.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

export async function putBucketHttpsConfig(ctx: OssContext): Promise<void> {
  const config = parseHttpsConfig(await readXml(ctx));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'httpsConfig', config);
  });
  sendEmpty(ctx);
}

export function getBucketHttpsConfig(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const config = ctx.state.store.buckets.getDocument<HttpsConfig>(bucket.name, 'httpsConfig') ?? DEFAULT_HTTPS_CONFIG;
  sendXml(ctx, 'HttpsConfiguration', httpsConfigToXml(config));
}
