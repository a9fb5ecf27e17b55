// Plain data the domain rules decide over. No Koa, no SQLite: the store maps rows to these, the API layer maps
// requests to them.
import type { RestoreRecord } from './restore.js';

export type Acl = 'private' | 'public-read' | 'public-read-write';
export type ObjectAcl = Acl | 'default';
export type VersioningState = 'Enabled' | 'Suspended' | undefined; // undefined: never enabled
export type ObjectType = 'Normal' | 'Appendable' | 'Multipart' | 'Symlink';

/** The standard headers OSS keeps as object metadata (behaviour §1.4), lower-case names. */
export const STANDARD_META_HEADERS = [
  'content-type',
  'content-encoding',
  'content-disposition',
  'cache-control',
  'expires',
  'content-language',
] as const;
export type StandardMetaHeader = (typeof STANDARD_META_HEADERS)[number];

export interface ObjectMetadata {
  /** The standard headers, lower-case name → raw value. content-type is always present. */
  standard: Partial<Record<StandardMetaHeader, string>>;
  /** x-oss-meta-* without the prefix, lower-case name → raw value (latin1 string as Node gives it). */
  user: Record<string, string>;
}

export interface Encryption {
  /** x-oss-server-side-encryption: AES256 | KMS | SM4 */
  algorithm: string;
  /** x-oss-server-side-data-encryption: SM4 (KMS only) */
  dataAlgorithm?: string;
  /** x-oss-server-side-encryption-key-id (KMS only) */
  keyId?: string;
}

export interface Tag {
  key: string;
  value: string;
}

export interface BucketRecord {
  name: string;
  region: string; // bare region id, e.g. cn-hangzhou
  createdAt: number; // ms since epoch
  acl: Acl;
  storageClass: string;
  dataRedundancyType: string;
  versioning: VersioningState;
}

export interface ObjectVersionRecord {
  id: number; // store row id
  bucket: string;
  key: string;
  /** 'null' for the null version (written while unversioned or suspended). */
  versionId: string;
  isLatest: boolean;
  isDeleteMarker: boolean;
  lastModified: number; // ms since epoch
  size: number;
  etag: string; // upper-case hex, no quotes (multipart: HEX-N)
  crc64: string; // unsigned decimal
  contentMd5?: string; // base64, Normal objects only
  objectType: ObjectType;
  storageClass: string;
  acl: ObjectAcl;
  metadata: ObjectMetadata;
  tags: Tag[];
  encryption?: Encryption;
  /** Object-level retention (behaviour §6.3): mode and RetainUntilDate as sent (ISO 8601). */
  retention?: { mode: 'GOVERNANCE' | 'COMPLIANCE'; retainUntilDate: string };
  legalHold?: 'ON' | 'OFF';
  /** RestoreObject's record (domain/restore.ts); the state follows from it and the clock. */
  restore?: RestoreRecord;
  /** SealAppendObject's time (ms): an appendable object that takes no more appends. */
  sealedAt?: number;
  /** PutSymlink: the key (same bucket) a Symlink object points at. */
  symlinkTarget?: string;
  /** Appendable objects: the next append position equals size. */
  contentId: number | null; // store content handle (null for delete markers)
}

/** Version ids are exposed only for buckets that have ever had versioning on (behaviour §4). */
export function exposesVersionId(bucket: Pick<BucketRecord, 'versioning'>): boolean {
  return bucket.versioning !== undefined;
}

/**
 * What a new object's request headers set (PutObject, AppendObject's first append, InitiateMultipartUpload — and
 * an upload keeps them until it completes).
 */
export interface NewObjectSettings {
  metadata: ObjectMetadata;
  acl: ObjectAcl;
  storageClass: string;
  tags: Tag[];
  encryption?: Encryption;
  forbidOverwrite: boolean;
}
