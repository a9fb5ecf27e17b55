// GetObject with `x-oss-process=image/...` or `style/<name>` (behaviour §16.1): the object, read within OSS's 20 MB
// source limit, through the parsed operations (domain/imageProcess.ts) with sharp; the result is streamed out.
import type { Metadata } from 'sharp';
import { Readable } from 'node:stream';
import { OssError } from '../domain/errors.js';
import { MAX_IMAGE_SOURCE, cropBox, infoFormat, parseImageProcess, parseSaveAs, resizeBox, type ImageOp, type OutputFormat } from '../domain/imageProcess.js';
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

// sharp (libvips) is loaded by the first image request, not at start-up: loaded eagerly it was ~6 MiB of every
// server's resident memory (bench:scale profile, issue 26) and part of its start-up, for a feature most runs never use.
let sharpLoading: Promise<(typeof import('sharp'))['default']> | undefined;
const loadSharp = () => (sharpLoading ??= import('sharp').then((m) => m.default));

/** Whether a GET's x-oss-process value is an image process or a style (the others are not served). */
export function isImageProcess(value: string | undefined): boolean {
  return value !== undefined && (value.startsWith('image/') || value.startsWith('style/'));
}

const MIME: Record<OutputFormat, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', tiff: 'image/tiff' };
const SHARP_FORMAT: Record<OutputFormat, 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff'> = { jpg: 'jpeg', png: 'png', webp: 'webp', gif: 'gif', tiff: 'tiff' };

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

async function sourceImage(ctx: OssContext, o: { size: number; contentId: number | null }): Promise<{ source: Buffer; meta: Metadata }> {
  if (o.size > MAX_IMAGE_SOURCE) throw new OssError('ImageTooLarge');
  const source = o.size === 0 || o.contentId === null ? Buffer.alloc(0) : await readLimited(ctx.state.store.content.body(o.contentId, 0, o.size));
  const sharp = await loadSharp();
  try {
    return { source, meta: await sharp(source).metadata() };
  } catch {
    throw new OssError('ImageFormatUnsupported');
  }
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
  if (ops.some((op) => op.op === 'info')) throw new OssError('InvalidImageProcess', { Action: 'saveas', Detail: 'info' });
  const encryption = newObjectEncryption(ctx, target.name, undefined);
  checkLanding(ctx, target, save.key, { forbidOverwrite: false });
  const { source, meta } = await sourceImage(ctx, o);
  const { data, format } = await run(source, meta, ops);
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
  const { source, meta } = await sourceImage(ctx, o);
  setVersionHeader(ctx, bucket, o.versionId);
  const info = ops.findIndex((op) => op.op === 'info');
  if (info >= 0) {
    const before = ops.slice(0, info);
    const out = before.length === 0 ? source : (await run(source, meta, before)).data;
    const m = before.length === 0 ? meta : await (await loadSharp())(out).metadata();
    // Each field as {"value": "..."} (oss2 live tests/test_image.py __check reads FileSize, Format, ImageHeight, ImageWidth).
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({
      FileSize: { value: String(out.length) },
      Format: { value: infoFormat(m.format) },
      ImageHeight: { value: String(m.height ?? 0) },
      ImageWidth: { value: String(m.width ?? 0) },
    });
    return;
  }
  const { data, format } = await run(source, meta, ops);
  ctx.status = 200;
  ctx.type = MIME[format];
  ctx.length = data.length;
  ctx.body = Readable.from([data]);
}

function formatOf(meta: Metadata): OutputFormat {
  const f = infoFormat(meta.format);
  return (['jpg', 'png', 'webp', 'gif', 'tiff'] as string[]).includes(f) ? (f as OutputFormat) : 'jpg';
}

async function run(source: Buffer, meta: Metadata, ops: ImageOp[]): Promise<{ data: Buffer; format: OutputFormat }> {
  const sharp = await loadSharp();
  let current = source;
  let size = { width: meta.width ?? 1, height: meta.height ?? 1 };
  let format = formatOf(meta);
  let quality: number | undefined;
  for (const op of ops) {
    if (op.op === 'resize') {
      const box = resizeBox(op, size);
      const pad = `#${op.color}`;
      const { data, info } = await sharp(current)
        .resize(box.width, box.height, { fit: box.fit, background: pad })
        .toBuffer({ resolveWithObject: true });
      current = data;
      size = { width: info.width, height: info.height };
    } else if (op.op === 'rotate' || op.op === 'crop' || op.op === 'sharpen' || op.op === 'blur' || op.op === 'auto-orient') {
      let img = sharp(current);
      if (op.op === 'rotate') img = img.rotate(op.angle, { background: '#FFFFFF' });
      else if (op.op === 'crop') img = img.extract(cropBox(op, size));
      // sharpen's 50-399 and blur's r/s onto libvips sigmas: [I] (OSS does not say what the numbers measure).
      else if (op.op === 'sharpen') img = img.sharpen({ sigma: op.value / 100 });
      else if (op.op === 'blur') img = img.blur(Math.max(0.3, op.s));
      else if (op.on) img = img.rotate();
      const { data, info } = await img.toBuffer({ resolveWithObject: true });
      current = data;
      size = { width: info.width, height: info.height };
    } else if (op.op === 'format') {
      format = op.format;
    } else if (op.op === 'quality') {
      quality = op.Q ?? op.q;
    }
  }
  const data = await sharp(current)
    .toFormat(SHARP_FORMAT[format], quality !== undefined ? { quality } : {})
    .toBuffer();
  return { data, format };
}
