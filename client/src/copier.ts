// Copier: CopyObject for what a single copy can do, multipart copy (UploadPartCopy in parallel) for the rest,
// the way the Python SDK v2's Copier decides (PY2 copier.py::can_use_shallow_copy, behaviour §1.9, §9.8).
import type { OssClient } from './client.js';
import type { CopyObjectRequest, CopyObjectResult } from './models/copy.js';
import { InconsistentCrcError } from './errors.js';

export interface CopierOptions {
  /** Part size of a multipart copy (PY2 DEFAULT_COPY_PART_SIZE: 64 MiB). */
  partSize?: number;
  /** Parts copied at once (PY2 DEFAULT_COPY_PARALLEL: 3). */
  parallelNum?: number;
  /** Objects at least this large are copied in parts (PY2 DEFAULT_COPY_THRESHOLD: 200 MiB). */
  multipartCopyThreshold?: number;
  /** Never use a single CopyObject for a large same-bucket copy. */
  disableShallowCopy?: boolean;
  /** Keep the uploaded parts when a multipart copy fails (no abort). */
  leavePartsOnError?: boolean;
  /** Called after each part with bytes copied so far and the total. */
  onProgress?: (copied: number, total: number) => void;
}

const MiB = 1024 * 1024;

export class Copier {
  private readonly opts: Required<Omit<CopierOptions, 'onProgress'>> & Pick<CopierOptions, 'onProgress'>;

  constructor(
    private readonly client: OssClient,
    options: CopierOptions = {},
  ) {
    this.opts = {
      partSize: options.partSize ?? 64 * MiB,
      parallelNum: options.parallelNum ?? 3,
      multipartCopyThreshold: options.multipartCopyThreshold ?? 200 * MiB,
      disableShallowCopy: options.disableShallowCopy ?? false,
      leavePartsOnError: options.leavePartsOnError ?? false,
      onProgress: options.onProgress,
    };
  }

  async copy(req: CopyObjectRequest): Promise<CopyObjectResult> {
    const sourceBucket = req.sourceBucket ?? req.bucket;
    const head = await this.client.headObject({ bucket: sourceBucket, key: req.sourceKey, versionId: req.sourceVersionId });
    const size = head.contentLength ?? 0;
    const shallow =
      !this.opts.disableShallowCopy &&
      sourceBucket === req.bucket &&
      req.storageClass === undefined &&
      head.serverSideEncryption === undefined;
    if (size < this.opts.multipartCopyThreshold || shallow) return this.client.copyObject(req);
    return this.multipartCopy(req, sourceBucket, head, size);
  }

  private async multipartCopy(
    req: CopyObjectRequest,
    sourceBucket: string,
    head: Awaited<ReturnType<OssClient['headObject']>>,
    size: number,
  ): Promise<CopyObjectResult> {
    const replace = (req.metadataDirective ?? 'COPY').toUpperCase() === 'REPLACE';
    let tagging = req.tagging;
    if ((req.taggingDirective ?? 'Copy').toLowerCase() === 'copy' && (head.taggingCount ?? 0) > 0) {
      const tags = await this.client.getObjectTagging({ bucket: sourceBucket, key: req.sourceKey, versionId: req.sourceVersionId });
      tagging = tags.tagSet.map((t) => `${encodeURIComponent(t.key)}=${encodeURIComponent(t.value)}`).join('&');
    } else if ((req.taggingDirective ?? 'Copy').toLowerCase() === 'copy') {
      tagging = undefined;
    }
    const init = await this.client.initiateMultipartUpload({
      bucket: req.bucket,
      key: req.key,
      acl: req.acl,
      storageClass: req.storageClass,
      serverSideEncryption: req.serverSideEncryption,
      serverSideDataEncryption: req.serverSideDataEncryption,
      serverSideEncryptionKeyId: req.serverSideEncryptionKeyId,
      forbidOverwrite: req.forbidOverwrite,
      tagging,
      ...(replace
        ? { metadata: req.metadata, contentType: req.contentType, cacheControl: req.cacheControl, contentDisposition: req.contentDisposition, contentEncoding: req.contentEncoding, expires: req.expires }
        : { metadata: head.metadata, contentType: head.contentType, cacheControl: head.cacheControl, contentDisposition: head.contentDisposition, contentEncoding: head.contentEncoding, expires: head.expires }),
    });
    const count = Math.max(1, Math.ceil(size / this.opts.partSize));
    const etags: string[] = new Array(count);
    let copied = 0;
    let next = 0;
    try {
      const worker = async () => {
        while (next < count) {
          const i = next++;
          const start = i * this.opts.partSize;
          const end = Math.min(size, start + this.opts.partSize) - 1;
          const part = await this.client.uploadPartCopy({
            bucket: req.bucket,
            key: req.key,
            uploadId: init.uploadId,
            partNumber: i + 1,
            sourceBucket,
            sourceKey: req.sourceKey,
            sourceVersionId: req.sourceVersionId ?? head.versionId,
            sourceRange: size === 0 ? undefined : `bytes=${start}-${end}`,
            ifMatch: head.etag,
          });
          etags[i] = part.etag ?? '';
          copied += end - start + 1;
          this.opts.onProgress?.(copied, size);
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.opts.parallelNum, count) }, worker));
      const done = await this.client.completeMultipartUpload({
        bucket: req.bucket,
        key: req.key,
        uploadId: init.uploadId,
        parts: etags.map((etag, i) => ({ partNumber: i + 1, etag })),
      });
      if (head.hashCrc64 !== undefined && done.hashCrc64 !== undefined && head.hashCrc64 !== done.hashCrc64) {
        throw new InconsistentCrcError(head.hashCrc64, done.hashCrc64, done.requestId);
      }
      return {
        statusCode: done.statusCode,
        requestId: done.requestId,
        headers: done.headers,
        etag: done.etag,
        hashCrc64: done.hashCrc64,
        versionId: done.versionId,
        sourceVersionId: head.versionId,
      };
    } catch (err) {
      if (!this.opts.leavePartsOnError) {
        await this.client.abortMultipartUpload({ bucket: req.bucket, key: req.key, uploadId: init.uploadId }).catch(() => undefined);
      }
      throw err;
    }
  }
}
