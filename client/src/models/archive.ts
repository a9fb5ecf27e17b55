// Archive storage, symlinks and sealed appends: models named after PY2 models/object_basic.py (RestoreRequest,
// PutSymlinkRequest, SealAppendObjectRequest …) and models/bucket_archive_direct_read.py, in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';
import type { ObjectHeaders, ObjectTarget } from './object.js';

export interface JobParameters {
  /** Expedited | Standard | Bulk (ColdArchive and DeepColdArchive only). */
  tier?: string;
}

export interface RestoreRequest {
  days?: number;
  jobParameters?: JobParameters;
}

export interface RestoreObjectRequest extends ObjectTarget {
  restoreRequest?: RestoreRequest;
}

export interface RestoreObjectResult extends ResultBase {
  versionId?: string;
  /** x-oss-object-restore-priority */
  restorePriority?: string;
}

export type CleanRestoredObjectRequest = ObjectTarget;
export type CleanRestoredObjectResult = ResultBase;

export interface PutSymlinkRequest extends Pick<ObjectHeaders, 'metadata' | 'acl' | 'storageClass' | 'tagging' | 'forbidOverwrite'> {
  bucket: string;
  key: string;
  /** The key the symlink points at (same bucket). */
  target: string;
}

export interface PutSymlinkResult extends ResultBase {
  versionId?: string;
}

export type GetSymlinkRequest = ObjectTarget;

export interface GetSymlinkResult extends ResultBase {
  versionId?: string;
  target?: string;
  etag?: string;
  metadata: Record<string, string>;
}

export interface SealAppendObjectRequest {
  bucket: string;
  key: string;
  /** The object's current length. */
  position: number;
}

export interface SealAppendObjectResult extends ResultBase {
  /** x-oss-sealed-time (an HTTP date). */
  sealedTime?: string;
}

export interface ArchiveDirectReadConfiguration {
  enabled?: boolean;
}

export interface PutBucketArchiveDirectReadRequest extends BucketTarget {
  archiveDirectReadConfiguration: ArchiveDirectReadConfiguration;
}

export type PutBucketArchiveDirectReadResult = ResultBase;
export type GetBucketArchiveDirectReadRequest = BucketTarget;

export interface GetBucketArchiveDirectReadResult extends ResultBase {
  archiveDirectReadConfiguration: ArchiveDirectReadConfiguration;
}
