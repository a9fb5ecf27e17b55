// Put/GetBucketArchiveDirectRead (`?bucketArchiveDirectRead`; behaviour §9.10): one document per bucket, read by
// api/restore.ts checkThawed on every GetObject / CopyObject of an Archive object.
import { archiveDirectReadToXml, parseArchiveDirectRead } from '../domain/archiveDirectRead.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

export async function putBucketArchiveDirectRead(ctx: OssContext): Promise<void> {
  const enabled = parseArchiveDirectRead(await readXml(ctx));
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'archiveDirectRead', enabled);
  });
  sendEmpty(ctx);
}

/** A bucket never configured answers Enabled false [I: the switch is off by default (OSS doc)]. */
export function getBucketArchiveDirectRead(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const enabled = ctx.state.store.buckets.getDocument<boolean>(bucket.name, 'archiveDirectRead') ?? false;
  sendXml(ctx, 'ArchiveDirectReadConfiguration', archiveDirectReadToXml(enabled));
}
