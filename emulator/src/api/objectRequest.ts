// The headers every request that creates an object from a body shares — PutObject, AppendObject's first append,
// InitiateMultipartUpload (behaviour §9.2, §9.8: "the same metadata/ACL/storage-class/tagging/SSE/forbid-overwrite
// headers as PutObject") — parsed once. CopyObject reads them under its directives (api/copy.ts). Without SSE
// headers a new object takes the bucket's default encryption (api/landing.ts newObjectEncryption).
import { metadataFromHeaders } from '../domain/metadata.js';
import { parseObjectAcl } from '../domain/acl.js';
import { parseStorageClass } from '../domain/storageClass.js';
import { parseTaggingHeader } from '../domain/tagging.js';
import { parseEncryption } from '../domain/encryption.js';
import type { BucketRecord, NewObjectSettings } from '../domain/types.js';
import type { OssContext } from '../http/state.js';
import { newObjectEncryption } from './landing.js';

export function forbidOverwriteOf(ctx: OssContext): boolean {
  return ctx.get('x-oss-forbid-overwrite').toLowerCase() === 'true';
}

/** `tags: false` leaves x-oss-tagging unread (AppendObject after the first append). */
export function newObjectHeaders(ctx: OssContext, bucket: Pick<BucketRecord, 'name' | 'storageClass'>, read = { tags: true }): NewObjectSettings {
  return {
    metadata: metadataFromHeaders(ctx.headers),
    acl: parseObjectAcl(ctx.get('x-oss-object-acl') || undefined) ?? 'default',
    storageClass: parseStorageClass(ctx.get('x-oss-storage-class') || undefined) ?? bucket.storageClass,
    tags: read.tags ? parseTaggingHeader(ctx.get('x-oss-tagging') || undefined) : [],
    encryption: newObjectEncryption(ctx, bucket.name, parseEncryption(ctx.headers)),
    forbidOverwrite: forbidOverwriteOf(ctx),
  };
}
