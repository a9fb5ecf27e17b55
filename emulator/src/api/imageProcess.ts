// GetObject with `x-oss-process=image/...` or `style/<name>` (behaviour §16.1): the object, read within OSS's 20 MB
// source limit, through the parsed operations (domain/imageProcess.ts) with sharp; the result is streamed out.
import { sharp } from './lazySharp.js';
import { Readable } from 'node:stream';
import { OssError } from '../domain/errors.js';
import { MAX_IMAGE_SOURCE, parseImageProcess, parseSaveAs, type Size } from '../domain/imageProcess.js';
import type { BucketRecord } from '../domain/types.js';
import { MIME, averageHueOf, encode, readImage, runOps, type SourceImage } from './imagePipeline.js';
import type { WatermarkSource } from './imageWatermark.js';
import type { StyleSet } from '../domain/style.js';
import type { OssContext } from '../http/state.js';
import { readConfigBody } from '../http/body.js';
import { arnContext, permit } from '../http/access.js';
import { ossArn } from '../domain/policy.js';
import { validateObjectKey } from '../domain/objectName.js';
import { checkLanding, landReceived, newObjectEncryption, receivedFields } from './landing.js';
import { writerEncryption } from './kms.js';
import { requireBucket } from './bucket.js';
import { checkDecryptable } from './kms.js';
import { readableObject, versionIdParam } from './lookup.js';
import { setVersionHeader } from './objectHeaders.js';

/** Whether a GET's x-oss-process value is an image process or a style (the others are not served). */
export function isImageProcess(value: string | undefined): boolean {
  return value !== undefined && (value.startsWith('image/') || value.startsWith('style/'));
}


/** `style/<name>` is the bucket's style content (PutStyle); a missing style: 404 NoSuchStyle [I]. */
function processOf(ctx: OssContext, bucket: string, value: string): string {
  if (!value.startsWith('style/')) return value;
  const name = value.slice('style/'.length);
  const style = ctx.state.store.buckets.getDocument<StyleSet>(bucket, 'style')?.[name];
  if (style === undefined) throw new OssError('NoSuchStyle', { StyleName: name });
  return style.content;
}

async function readLimited(body: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > MAX_IMAGE_SOURCE) {
      body.destroy();
      throw new OssError('ImageTooLarge');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function sourceImage(ctx: OssContext, o: { size: number; contentId: number | null }): Promise<SourceImage> {
  if (o.size > MAX_IMAGE_SOURCE) throw new OssError('ImageTooLarge');
  const bytes = o.size === 0 || o.contentId === null ? Buffer.alloc(0) : await readLimited(ctx.state.store.content.body(o.contentId, 0, o.size));
  return readImage(bytes);
}

/**
 * Watermark images: objects of the same bucket (OSS "Add watermarks", Limits), read with the requester's
 * oss:GetObject [I], run through their own process (resize,P_ relative to the main image). A missing one: 400
 * BadRequest [I].
 */
function watermarkSource(ctx: OssContext, bucket: BucketRecord): WatermarkSource {
  const self: WatermarkSource = async (image, main: Size) => {
    permit(ctx, [{ action: 'oss:GetObject', resource: ossArn(arnContext(ctx, bucket.name), bucket.name, image.key) }], { acl: { access: 'read', bucket: bucket.name, key: image.key } });
    let o;
    try {
      o = readableObject(ctx, bucket, image.key, undefined);
    } catch (err) {
      if (err instanceof OssError && err.status === 404) throw new OssError('InvalidImageProcess', { Action: 'watermark', Detail: 'the watermark image does not exist' });
      throw err;
    }
    checkDecryptable(ctx, bucket.name, o);
    const src = await sourceImage(ctx, o);
    const ops = image.process !== undefined ? parseImageProcess(image.process, true) : [];
    const done = await runOps(src, ops.filter((op) => op.op !== 'info' && op.op !== 'average-hue'), self, main);
    return { data: done.data, size: done.size };
  };
  return self;
}

/**
 * ProcessObject (`POST /<key>?x-oss-process`, body `x-oss-process=image/…|sys/saveas,o_…,b_…`): the processed image
 * lands as a new object through api/landing.ts (WORM, forbid-overwrite, overwrite rules, default encryption), after
 * oss:GetObject on the source and oss:PutObject on the target (the route checked oss:PostProcessTask). Answers
 * JSON `{"bucket", "fileSize", "object", "status": "OK"}`, `bucket` as given ("" without b_) [S] oss2
 * ProcessObjectResult and live test_process_object.
 */
export async function processObject(ctx: OssContext): Promise<void> {
  const bucket = requireBucket(ctx);
  const key = ctx.state.key!;
  const save = parseSaveAs((await readConfigBody(ctx, 64 * 1024)).toString('utf8'));
  const target = requireBucket(ctx, save.bucket ?? bucket.name);
  validateObjectKey(save.key);
  const at = arnContext(ctx, bucket.name);
  permit(ctx, [{ action: 'oss:GetObject', resource: ossArn(at, bucket.name, key) }], { acl: { access: 'read', bucket: bucket.name, key } });
  permit(ctx, [{ action: 'oss:PutObject', resource: ossArn(arnContext(ctx, target.name), target.name, save.key) }], { acl: { access: 'write', bucket: target.name, key: save.key } });
  const o = readableObject(ctx, bucket, key, undefined);
  checkDecryptable(ctx, bucket.name, o, true);
  const ops = parseImageProcess(processOf(ctx, bucket.name, save.process));
  if (ops.some((op) => op.op === 'info' || op.op === 'average-hue')) throw new OssError('InvalidImageProcess', { Action: 'saveas', Detail: 'info' });
  const encryption = newObjectEncryption(ctx, target.name, undefined);
  checkLanding(ctx, target, save.key, { forbidOverwrite: false });
  const done = await runOps(await sourceImage(ctx, o), ops, watermarkSource(ctx, bucket));
  const data = await encode(done);
  const format = done.format;
  const writer = ctx.state.store.content.createWriter({ ...writerEncryption(ctx, encryption), sizeHint: data.length });
  let pending;
  try {
    writer.write(data);
    pending = writer.finish();
  } catch (err) {
    writer.abort();
    throw err;
  }
  await landReceived(ctx, target.name, save.key, pending, {
    forbidOverwrite: false,
    build: (_b, contentId) => ({
      lastModified: ctx.state.config.clock.now(),
      ...receivedFields(pending),
      objectType: 'Normal',
      storageClass: target.storageClass,
      acl: 'default',
      metadata: { standard: { 'content-type': MIME[format] }, user: {} },
      tags: [],
      encryption,
      contentId,
    }),
  });
  ctx.status = 200;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify({ bucket: save.bucket ?? '', fileSize: pending.size, object: save.key, status: 'OK' });
}

export async function getProcessedObject(ctx: OssContext): Promise<void> {
  // video/…, doc/… and the rest: not served, refused before anything is read.
  if (!isImageProcess(ctx.state.query.get('x-oss-process'))) throw new OssError('NotImplemented', { Header: 'x-oss-process' });
  const bucket = requireBucket(ctx);
  const o = readableObject(ctx, bucket, ctx.state.key!, versionIdParam(ctx));
  checkDecryptable(ctx, bucket.name, o);
  const ops = parseImageProcess(processOf(ctx, bucket.name, ctx.state.query.get('x-oss-process') ?? ''));
  const src = await sourceImage(ctx, o);
  setVersionHeader(ctx, bucket, o.versionId);
  // info and average-hue answer JSON about the image the actions before them made.
  const answer = ops.findIndex((op) => op.op === 'info' || op.op === 'average-hue');
  if (answer >= 0) {
    const before = ops.slice(0, answer);
    let body: unknown;
    if (ops[answer]!.op === 'average-hue') {
      body = await averageHueOf(before.length === 0 ? src.source : (await runOps(src, before, watermarkSource(ctx, bucket))).data);
    } else {
      const done = before.length === 0 ? undefined : await runOps(src, before, watermarkSource(ctx, bucket));
      const out = done === undefined ? undefined : await encode(done);
      const m = out === undefined ? src.meta : await sharp(out).metadata().catch(() => src.meta);
      // Each field as {"value": "..."} (oss2 live tests/test_image.py __check reads FileSize, Format, ImageHeight, ImageWidth).
      body = {
        FileSize: { value: String(out?.length ?? src.size) },
        Format: { value: done === undefined ? src.format : done.format },
        ImageHeight: { value: String(done?.size.height ?? m.height ?? 0) },
        ImageWidth: { value: String(done?.size.width ?? m.width ?? 0) },
      };
    }
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(body);
    return;
  }
  const done = await runOps(src, ops, watermarkSource(ctx, bucket));
  const data = await encode(done);
  ctx.status = 200;
  ctx.type = MIME[done.format];
  ctx.length = data.length;
  // HEAD answers the processed image's headers without the body (Koa drops it).
  ctx.body = Readable.from([data]);
}
