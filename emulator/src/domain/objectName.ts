// Names OSS accepts (behaviour §3.2, §8.6; DOCS HTTP 400 catalogue, PY2 validation.py).
import { OssError } from './errors.js';

/** Object keys: 1–1023 bytes of valid UTF-8, not starting with `/` or `\`. */
export function validateObjectKey(key: string): void {
  if (key.length === 0) throw new OssError('InvalidObjectNameEmpty');
  if (Buffer.byteLength(key, 'utf8') > 1023) throw new OssError('InvalidObjectNameTooLong');
  // A lone surrogate is what a percent-decoded invalid UTF-8 sequence cannot produce, but a JS string can hold.
  if (key.startsWith('/') || key.startsWith('\\') || /[\ud800-\udfff]/u.test(key.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) {
    throw new OssError('InvalidObjectName', { Key: key });
  }
}

/** Bucket names: 3–63 characters of lower-case letters, digits and `-`, not starting or ending with `-`. */
export function isValidBucketName(name: string): boolean {
  return /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(name);
}

export function validateBucketName(name: string): void {
  if (!isValidBucketName(name)) throw new OssError('InvalidBucketName', { BucketName: name });
}
