// Put/Get/DeleteObjectTagging (behaviour §5): tags belong to one object version; changing them keeps Last-Modified.
import { tagsFromXml, tagsToXml } from '../domain/tagging.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';
import { readableObject, versionIdParam } from './lookup.js';
import { setVersionHeader } from './objectHeaders.js';

export async function putObjectTagging(ctx: OssContext): Promise<void> {
  const tags = tagsFromXml(await readXml(ctx));
  const versionId = versionIdParam(ctx);
  const { bucket, o } = ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    const o = readableObject(ctx, bucket, ctx.state.key!, versionId);
    ctx.state.store.objects.setTags(o.id, tags);
    return { bucket, o };
  });
  setVersionHeader(ctx, bucket, o.versionId);
  sendEmpty(ctx);
}

export function getObjectTagging(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const o = readableObject(ctx, bucket, ctx.state.key!, versionIdParam(ctx));
  setVersionHeader(ctx, bucket, o.versionId);
  sendXml(ctx, 'Tagging', tagsToXml(o.tags));
}

export function deleteObjectTagging(ctx: OssContext): void {
  const versionId = versionIdParam(ctx);
  const { bucket, o } = ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    const o = readableObject(ctx, bucket, ctx.state.key!, versionId);
    ctx.state.store.objects.setTags(o.id, []);
    return { bucket, o };
  });
  setVersionHeader(ctx, bucket, o.versionId);
  sendEmpty(ctx, 204);
}
