// The headers every request that creates an object from a body shares — PutObject, AppendObject's first append,
// InitiateMultipartUpload (behaviour §9.2, §9.8: "the same metadata/ACL/storage-class/tagging/SSE/forbid-overwrite
// headers as PutObject") — parsed once. CopyObject reads them under its directives (api/copy.ts). Without SSE
// headers a new object takes the bucket's default encryption (api/landing.ts newObjectEncryption).
import { metadataFromHeaders } from '../domain/metadata.js';
import { parseObjectAcl } from '../domain/acl.js';
import { parseStorageClass } from '../domain/storageClass.js';
import { parseTaggingHeader } from '../domain/tagging.js';
import { parseEncryption } from '../domain/encryption.js';
import type { IncomingHttpHeaders } from 'node:http';
import type { BucketRecord, NewObjectSettings } from '../domain/types.js';
import type { OssContext } from '../http/state.js';
import { newObjectEncryption } from './landing.js';

export function forbidOverwriteOf(ctx: OssContext): boolean {
  return forbidsOverwrite(ctx.headers);
}

function forbidsOverwrite(headers: IncomingHttpHeaders): boolean {
  return headerOf(headers, 'x-oss-forbid-overwrite').toLowerCase() === 'true';
}

function headerOf(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name];
  return (Array.isArray(v) ? v.join(',') : v) ?? '';
}

/**
 * `tags: false` leaves x-oss-tagging unread (AppendObject after the first append). `headers` are the request's, or
 * PostObject's form fields under their lower-cased names (api/postObject.ts).
 */
export function newObjectHeaders(
  ctx: OssContext,
  bucket: Pick<BucketRecord, 'name' | 'storageClass'>,
  read = { tags: true },
  headers: IncomingHttpHeaders = ctx.headers,
): NewObjectSettings {
  const get = (name: string) => headerOf(headers, name) || undefined;
  return {
    metadata: metadataFromHeaders(headers),
    acl: parseObjectAcl(get('x-oss-object-acl')) ?? 'default',
    storageClass: parseStorageClass(get('x-oss-storage-class')) ?? bucket.storageClass,
    tags: read.tags ? parseTaggingHeader(get('x-oss-tagging')) : [],
    encryption: newObjectEncryption(ctx, bucket.name, parseEncryption(headers)),
    forbidOverwrite: forbidsOverwrite(headers),
  };
}
