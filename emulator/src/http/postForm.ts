// PostObject's multipart/form-data body (behaviour §9.13), parsed as it streams with @fastify/busboy: the fields
// before the `file` part are small and kept; the `file` part is handed over as a stream, never held in memory; parts
// after it are read and dropped, as OSS ignores them ("The `file` must be the last field", PostObject errors page;
// #13: a key placed after the file is a missing key).
import { createHash } from 'node:crypto';
import { PassThrough, pipeline, type Readable } from 'node:stream';
import { Busboy, type BusboyInstance } from '@fastify/busboy';
import { OssError } from '../domain/errors.js';
import type { OssContext } from './state.js';

/**
 * What the fields before the file may weigh together [I: OSS answers MaxPOSTPreDataLengthExceeded past its own
 * limit, which is not captured; this one leaves room for large policies].
 */
export const MAX_FORM_FIELDS_BYTES = 256 * 1024;

export interface PostFile {
  /** The part's `filename` parameter, if any (PY2 sample/post_object.py sends the file part without one). */
  filename?: string;
  /** The part's own Content-Type header, if any. */
  contentType?: string;
  stream: Readable;
}

export interface PostForm {
  /** The fields before the file part, by exact name; a repeated name keeps its first value [I]. */
  fields: Map<string, string>;
  /** Undefined when the form ended without a `file` part. */
  file?: PostFile;
  /** Settles once the whole body has been read: rejects with MalformedPOSTRequest on a broken body. */
  done: Promise<void>;
}

function malformed(): OssError {
  return new OssError('MalformedPOSTRequest');
}

/** What a broken body means to the reader of the file part: the parser's own errors are a malformed form. */
export function formError(err: unknown): unknown {
  return err instanceof OssError ? err : malformed();
}

/**
 * Starts reading the form; resolves at the `file` part (its bytes not read yet: the caller streams them, or resumes
 * the stream to discard them) or at the end of a form without one.
 */
export function readPostForm(ctx: OssContext): Promise<PostForm> {
  const type = ctx.get('content-type');
  if (!/^multipart\/form-data\s*;/i.test(type)) return Promise.reject(malformed());
  let parser: BusboyInstance;
  try {
    // Only a part named exactly `file` is the upload (field names are case-sensitive: PostObject errors page), with
    // or without a filename; any other part is a field.
    parser = Busboy({ headers: ctx.headers as never, isPartAFile: (name: string | undefined) => name === 'file', limits: { fieldSize: MAX_FORM_FIELDS_BYTES } });
  } catch {
    return Promise.reject(malformed());
  }
  const fields = new Map<string, string>();
  let size = 0;
  let file: PostFile | undefined;
  let settle: ((form: PostForm) => void) | undefined;
  let fail: ((err: unknown) => void) | undefined;
  let failed: unknown;
  // Content-MD5 covers the whole body, every field included (PostObject errors page, FAQ "content-md5").
  const md5 = ctx.get('content-md5');
  const hash = md5 === '' ? undefined : createHash('md5');
  const tap = new PassThrough();
  if (hash !== undefined) tap.on('data', (chunk: Buffer) => hash.update(chunk));
  const done = new Promise<void>((resolve, reject) => {
    pipeline(ctx.req, tap, parser, (err: NodeJS.ErrnoException | null) => {
      if ((err === undefined || err === null) && hash !== undefined && hash.digest('base64') !== md5) err = new OssError('InvalidDigest');
      if (err === undefined || err === null) return resolve();
      failed = err instanceof OssError ? err : malformed();
      // The file's reader learns of it through its stream; a caller still waiting for the file part is refused.
      file?.stream.destroy(failed as Error);
      fail?.(failed);
      reject(failed);
    });
  });
  done.catch(() => {}); // observed by whoever awaits it; never an unhandled rejection
  parser.on('field', (name: string, value: string, nameTruncated: boolean, valueTruncated: boolean) => {
    if (file !== undefined) return;
    size += Buffer.byteLength(name) + Buffer.byteLength(value);
    if (nameTruncated || valueTruncated || size > MAX_FORM_FIELDS_BYTES) {
      parser.destroy(new OssError('MaxPOSTPreDataLengthExceeded'));
      return;
    }
    if (!fields.has(name)) fields.set(name, value);
  });
  parser.on('file', (_name: string, stream: Readable, filename: string | undefined, _encoding: string, mimeType: string | undefined) => {
    if (file !== undefined) {
      stream.resume(); // a second file part comes after the first: ignored like any later part
      return;
    }
    file = { stream, ...(filename ? { filename } : {}), ...(mimeType ? { contentType: mimeType } : {}) };
    settle?.({ fields, file, done });
  });
  return new Promise<PostForm>((resolve, reject) => {
    if (failed !== undefined) return reject(failed);
    settle = resolve;
    fail = reject;
    done.then(() => resolve({ fields, done }), () => {}); // a failure reaches `fail` above
  });
}
