// Multipart upload and ranged download managers, like the Python SDK v2's Uploader and Downloader: parts move
// in parallel, and the object's CRC-64 is checked end to end by combining the parts' CRCs.
import { createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { OssClient } from './client.js';
import { crc64, crc64Combine } from './crc64.js';
import { InconsistentCrcError } from './errors.js';
import type { ObjectHeaders } from './models/object.js';

const MiB = 1024 * 1024;

export interface TransferOptions {
  /** PY2 DEFAULT_UPLOAD_PART_SIZE / DEFAULT_DOWNLOAD_PART_SIZE: 6 MiB. */
  partSize?: number;
  /** PY2 DEFAULT_UPLOAD_PARALLEL / DEFAULT_DOWNLOAD_PARALLEL: 3. */
  parallelNum?: number;
  onProgress?: (done: number, total: number) => void;
}

async function inParallel(count: number, parallel: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, Math.max(count, 1)) }, worker));
}

export class Uploader {
  constructor(
    private readonly client: OssClient,
    private readonly options: TransferOptions = {},
  ) {}

  /** Uploads a file in parts (one part per partSize slice, read from disk as it goes) and checks the CRC-64. */
  async uploadFile(req: ObjectHeaders & { bucket: string; key: string }, path: string) {
    const size = (await stat(path)).size;
    const partSize = this.options.partSize ?? 6 * MiB;
    const count = Math.max(1, Math.ceil(size / partSize));
    const init = await this.client.initiateMultipartUpload(req);
    const parts: { partNumber: number; etag: string; crc: bigint; size: number }[] = new Array(count);
    let done = 0;
    const file = await open(path, 'r');
    try {
      await inParallel(count, this.options.parallelNum ?? 3, async (i) => {
        const start = i * partSize;
        const length = Math.min(partSize, size - start);
        const buf = Buffer.alloc(length);
        await file.read(buf, 0, length, start);
        const res = await this.client.uploadPart({ bucket: req.bucket, key: req.key, uploadId: init.uploadId, partNumber: i + 1, body: buf });
        parts[i] = { partNumber: i + 1, etag: res.etag ?? '', crc: crc64(buf), size: length };
        done += length;
        this.options.onProgress?.(done, size);
      });
      const result = await this.client.completeMultipartUpload({
        bucket: req.bucket,
        key: req.key,
        uploadId: init.uploadId,
        parts: parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })),
      });
      const local = parts.reduce((acc, p) => crc64Combine(acc, p.crc, p.size), 0n).toString();
      if (result.hashCrc64 !== undefined && result.hashCrc64 !== local) throw new InconsistentCrcError(local, result.hashCrc64, result.requestId);
      return result;
    } catch (err) {
      await this.client.abortMultipartUpload({ bucket: req.bucket, key: req.key, uploadId: init.uploadId }).catch(() => undefined);
      throw err;
    } finally {
      await file.close();
    }
  }
}

export class Downloader {
  constructor(
    private readonly client: OssClient,
    private readonly options: TransferOptions = {},
  ) {}

  /** Downloads an object into a file with parallel ranged GETs and checks the CRC-64 of the whole. */
  async downloadFile(req: { bucket: string; key: string; versionId?: string }, path: string) {
    const head = await this.client.headObject(req);
    const size = head.contentLength ?? 0;
    const partSize = this.options.partSize ?? 6 * MiB;
    const count = Math.max(1, Math.ceil(size / partSize));
    await new Promise<void>((resolve, reject) => createWriteStream(path).on('error', reject).end(resolve));
    const crcs: { crc: bigint; size: number }[] = new Array(count);
    let done = 0;
    const file = await open(path, 'r+');
    try {
      await inParallel(count, this.options.parallelNum ?? 3, async (i) => {
        const start = i * partSize;
        const end = Math.min(size, start + partSize) - 1;
        if (size === 0) {
          crcs[i] = { crc: 0n, size: 0 };
          return;
        }
        const res = await this.client.getObject({ ...req, versionId: req.versionId ?? head.versionId, range: `bytes=${start}-${end}`, ifMatch: head.etag });
        const body = await res.content();
        await file.write(body, 0, body.length, start);
        crcs[i] = { crc: crc64(body), size: body.length };
        done += body.length;
        this.options.onProgress?.(done, size);
      });
    } finally {
      await file.close();
    }
    const local = crcs.reduce((acc, p) => crc64Combine(acc, p.crc, p.size), 0n).toString();
    if (head.hashCrc64 !== undefined && head.hashCrc64 !== local) throw new InconsistentCrcError(local, head.hashCrc64, head.requestId);
    return { size, etag: head.etag, hashCrc64: local };
  }
}

