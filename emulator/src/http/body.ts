// Request bodies: XML documents read with a size limit, object bytes streamed into the content store.
import { createHash } from 'node:crypto';
import { parseXml, XmlError } from '@local-oss/client';
import { OssError } from '../domain/errors.js';
import type { PendingContent, WriterOptions } from '../store/contentWriter.js';
import type { OssContext } from './state.js';
import { Pacer, trafficLimitOf } from './pace.js';

/** OSS's largest single PUT (behaviour §9.2). */
export const MAX_PUT_SIZE = 5 * 1024 ** 3;
/** XML configuration bodies are small on OSS; a DeleteMultipleObjects of 1000 long keys stays well under this. */
export const MAX_XML_BODY = 2 * 1024 * 1024;

async function readSmallBody(ctx: OssContext, limit: number): Promise<Buffer> {
  const declared = Number(ctx.get('content-length') || '0');
  if (declared > limit) throw new OssError('MalformedXML', { ErrorDetail: 'the XML body is too large' });
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new OssError('MalformedXML', { ErrorDetail: 'the XML body is too large' });
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** A small configuration body (XML or JSON), checked against its Content-MD5. */
export async function readConfigBody(ctx: OssContext, limit = MAX_XML_BODY): Promise<Buffer> {
  const raw = await readSmallBody(ctx, limit);
  const md5 = ctx.get('content-md5');
  if (md5 && createHash('md5').update(raw).digest('base64') !== md5) throw new OssError('InvalidDigest');
  return raw;
}

/** Reads and parses an XML body; an empty body is undefined (callers decide whether that is allowed). */
export async function readXml(ctx: OssContext, limit = MAX_XML_BODY): Promise<Record<string, unknown> | undefined> {
  const raw = await readConfigBody(ctx, limit);
  if (raw.length === 0) return undefined;
  try {
    return parseXml(raw.toString('utf8'));
  } catch (err) {
    if (err instanceof XmlError) throw new OssError('MalformedXML', { ErrorDetail: err.message });
    throw err;
  }
}

/**
 * Streams the request body into new chunks (never the whole object in memory) and checks the declared length
 * and Content-MD5. The chunks are not part of any object until the caller commits them in its transaction;
 * on any failure they are deleted here.
 */
export async function receiveContent(
  ctx: OssContext,
  maxSize = MAX_PUT_SIZE,
  options: WriterOptions = {},
): Promise<PendingContent> {
  const lengthHeader = ctx.get('content-length');
  const chunked = /chunked/i.test(ctx.get('transfer-encoding'));
  if (lengthHeader === '' && !chunked) throw new OssError('MissingContentLength');
  const declared = lengthHeader === '' ? undefined : Number(lengthHeader);
  if (declared !== undefined && declared > maxSize) throw new OssError('EntityTooLargePut');
  const md5 = ctx.get('content-md5');
  if (md5 !== '' && !/^[A-Za-z0-9+/]{22}==$/.test(md5)) throw new OssError('InvalidDigest');
  const pending = await receiveStream(ctx, ctx.req as AsyncIterable<Buffer>, { ...options, sizeHint: declared }, maxSize, () => new OssError('EntityTooLargePut'));
  if (md5 !== '' && pending.md5.toString('base64') !== md5) {
    ctx.state.store.content.discard(pending);
    throw new OssError('InvalidDigest');
  }
  return pending;
}

/**
 * Streams `source` into new chunks (PutObject's body, PostObject's file part), paced by x-oss-traffic-limit and
 * letting the WAL checkpoint catch up; past `maxSize` bytes the writer is aborted and `tooLarge()` thrown. On any
 * failure the chunks written so far are deleted here.
 */
export async function receiveStream(
  ctx: OssContext,
  source: AsyncIterable<Buffer>,
  options: WriterOptions,
  maxSize: number,
  tooLarge: () => OssError,
): Promise<PendingContent> {
  const limit = trafficLimitOf(ctx);
  const pacer = limit === undefined ? undefined : new Pacer(limit);
  const writer = ctx.state.store.content.createWriter({ ...options, md5OffThread: true });
  try {
    let size = 0;
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxSize) throw tooLarge();
      const lagging = writer.write(chunk); // only while the MD5 worker lags (store/md5Worker.ts)
      if (lagging !== undefined) await lagging;
      if (pacer !== undefined) await pacer.moved(chunk.length);
      // A long body must not grow the WAL without bound: let the checkpoint catch up now and then.
      if (ctx.state.store.walFull()) await ctx.state.store.walSettled();
    }
    return await writer.finished();
  } catch (err) {
    writer.abort();
    throw err;
  }
}
