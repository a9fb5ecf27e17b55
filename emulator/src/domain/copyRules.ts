// What a CopyObject produces, decided over plain data (behaviour §1.4–1.12): the destination's metadata, tags, ACL,
// storage class and encryption, and the refusals that do not depend on storage.
import { OssError } from './errors.js';
import type { BucketRecord, Encryption, ObjectAcl, ObjectMetadata, ObjectVersionRecord, Tag } from './types.js';
import type { TaggingDirective } from './tagging.js';

export const GiB = 1024 ** 3;
/** Largest cross-bucket CopyObject source (behaviour §1.9). */
export const MAX_COPY_SIZE = 5 * GiB;
/** Largest source when a copy changes storage class or encryption (behaviour §1.9 [I]). */
export const MAX_REWRITE_COPY_SIZE = 1 * GiB;

export type MetadataDirective = 'COPY' | 'REPLACE';

/** x-oss-metadata-directive: COPY (default) or REPLACE; case-insensitive [U], anything else 400 (behaviour §1.4). */
export function parseMetadataDirective(value: string | undefined): MetadataDirective {
  if (value === undefined || value === '') return 'COPY';
  const v = value.toUpperCase();
  if (v === 'COPY' || v === 'REPLACE') return v;
  throw new OssError('InvalidArgumentMetadataDirective', { ArgumentName: 'x-oss-metadata-directive', ArgumentValue: value });
}

export interface CopyRequest {
  sourceBucket: Pick<BucketRecord, 'name'>;
  destBucket: Pick<BucketRecord, 'name' | 'storageClass'>;
  destKey: string;
  source: Pick<ObjectVersionRecord, 'key' | 'size' | 'metadata' | 'tags' | 'isLatest' | 'storageClass'>;
  metadataDirective: MetadataDirective;
  /** Metadata from the request headers, Content-Type left out when the request had none. */
  requestMetadata: ObjectMetadata;
  taggingDirective: TaggingDirective;
  requestTags: Tag[];
  acl?: ObjectAcl;
  storageClass?: string;
  encryption?: Encryption;
}

export interface CopyPlan {
  metadata: ObjectMetadata;
  tags: Tag[];
  acl: ObjectAcl;
  storageClass: string;
  encryption?: Encryption;
}

/**
 * Client-side encryption metadata (`x-oss-meta-client-side-encryption-*`: the wrapped data key, IV, algorithms)
 * describes the bytes, which a copy does not change, so it survives REPLACE: PY2's live suite copies an encrypted
 * object with metadata_directive='replace' and new user metadata only, and reads the four values back on the
 * destination (tests/integration/test_client.py TestCopier test_different_bucket_single_replace_meta_and_tag).
 * Whether the request may override them is not captured [I: it may, like any other key it names].
 */
const CLIENT_SIDE_ENCRYPTION = 'client-side-encryption-';

function keptOnReplace(source: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter(([name]) => name.startsWith(CLIENT_SIDE_ENCRYPTION)));
}

export function planCopy(r: CopyRequest): CopyPlan {
  const sameBucket = r.sourceBucket.name === r.destBucket.name;
  // Same bucket and key as the current source version: a metadata update (behaviour §1.10).
  const ontoItself = sameBucket && r.source.key === r.destKey && r.source.isLatest;
  const rewrites = r.encryption !== undefined || (r.storageClass !== undefined && r.storageClass !== r.source.storageClass);
  if (!sameBucket && r.source.size > MAX_COPY_SIZE) throw new OssError('EntityTooLarge');
  if (rewrites && r.source.size > MAX_REWRITE_COPY_SIZE) throw new OssError('EntityTooLarge');

  // REPLACE (and any copy onto itself) takes the request's metadata; Content-Type stays the source's when the
  // request has none (behaviour §1.4, PY2 test_metadata_tagging_directive_replace).
  const replace = r.metadataDirective === 'REPLACE' || ontoItself;
  const metadata: ObjectMetadata = replace
    ? {
        standard: {
          ...r.requestMetadata.standard,
          'content-type': r.requestMetadata.standard['content-type'] ?? r.source.metadata.standard['content-type'],
        },
        user: { ...keptOnReplace(r.source.metadata.user), ...r.requestMetadata.user },
      }
    : { standard: { ...r.source.metadata.standard }, user: { ...r.source.metadata.user } };
  const tags = r.taggingDirective === 'Replace' ? r.requestTags : r.source.tags;
  return {
    metadata,
    tags,
    acl: r.acl ?? 'default',
    storageClass: r.storageClass ?? r.destBucket.storageClass,
    encryption: r.encryption,
  };
}
