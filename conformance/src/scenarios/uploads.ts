// Building multipart objects for scenarios that need one (a multipart copy source, a > 5 GB object built
// server-side): each part is uploaded bytes or an UploadPartCopy of an existing object (or a range of it).
import type { Outcome, ScenarioContext } from '../model.js';
import { ok, truthy } from './expect.js';

export type PartSource = Buffer | { sourceKey: string; sourceRange?: string };

/** Initiates, uploads or copies each part, completes; aborts the upload when a step fails. Returns Complete's outcome. */
export async function multipartObject(ctx: ScenarioContext, bucket: string, key: string, sources: PartSource[]): Promise<Outcome> {
  const uploadId = ok(await ctx.call('InitiateMultipartUpload', { bucket, key })).data?.uploadId;
  truthy(uploadId, 'UploadId');
  try {
    const parts: { partNumber: number; etag: string }[] = [];
    for (const [i, source] of sources.entries()) {
      const partNumber = i + 1;
      const o = Buffer.isBuffer(source)
        ? ok(await ctx.call('UploadPart', { bucket, key, uploadId, partNumber, body: source }))
        : ok(await ctx.call('UploadPartCopy', { bucket, key, uploadId, partNumber, sourceBucket: bucket, ...source }));
      parts.push({ partNumber, etag: o.data?.etag ?? o.headers.etag! });
    }
    return ok(await ctx.call('CompleteMultipartUpload', { bucket, key, uploadId, parts }));
  } catch (err) {
    await ctx.call('AbortMultipartUpload', { bucket, key, uploadId });
    throw err;
  }
}
