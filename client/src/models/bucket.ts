// Bucket models, named after PY2 models/bucket_basic.py in camelCase.
import type { Owner, ResultBase } from './common.js';

/** What names a bucket (the `bucket` field of every bucket request). */
export interface BucketTarget {
  bucket: string;
}

export interface PutBucketRequest {
  bucket: string;
  acl?: 'private' | 'public-read' | 'public-read-write';
  createBucketConfiguration?: { storageClass?: string; dataRedundancyType?: string };
}

export type PutBucketResult = ResultBase;

export type DeleteBucketRequest = BucketTarget;

export type DeleteBucketResult = ResultBase;

export interface BucketProperties {
  name?: string;
  location?: string;
  creationDate?: Date;
  storageClass?: string;
  extranetEndpoint?: string;
  intranetEndpoint?: string;
  region?: string;
}

export interface ListBucketsRequest {
  prefix?: string;
  marker?: string;
  maxKeys?: number;
  /** Only buckets tagged with this key (PY2 tag_key). */
  tagKey?: string;
  /** With tagKey: only buckets whose tag has this value (PY2 tag_value). */
  tagValue?: string;
}

export interface ListBucketsResult extends ResultBase {
  owner?: Owner;
  prefix?: string;
  marker?: string;
  maxKeys?: number;
  isTruncated?: boolean;
  nextMarker?: string;
  buckets: BucketProperties[];
}

export type GetBucketInfoRequest = BucketTarget;

export interface GetBucketInfoResult extends ResultBase {
  bucketInfo: {
    name?: string;
    location?: string;
    creationDate?: Date;
    storageClass?: string;
    acl?: string;
    dataRedundancyType?: string;
    versioning?: string;
    extranetEndpoint?: string;
    intranetEndpoint?: string;
    /** The bucket's default encryption (PY2 BucketInfo.sse_rule); sseAlgorithm `None` without one. */
    sseRule?: { sseAlgorithm?: string; kmsMasterKeyId?: string; kmsDataEncryption?: string };
  };
}

export type GetBucketLocationRequest = BucketTarget;

export interface GetBucketLocationResult extends ResultBase {
  location?: string;
}

export interface VersioningConfiguration {
  status: 'Enabled' | 'Suspended';
}

export interface PutBucketVersioningRequest {
  bucket: string;
  versioningConfiguration: VersioningConfiguration;
}

export type PutBucketVersioningResult = ResultBase;

export type GetBucketVersioningRequest = BucketTarget;

export interface GetBucketVersioningResult extends ResultBase {
  versionStatus?: string;
}

export type GetBucketStatRequest = BucketTarget;

/** PY2 GetBucketStatResult: sizes in bytes, LastModifiedTime in seconds since the epoch. */
export interface GetBucketStatResult extends ResultBase {
  storage?: number;
  objectCount?: number;
  multiPartUploadCount?: number;
  liveChannelCount?: number;
  lastModifiedTime?: number;
  standardStorage?: number;
  standardObjectCount?: number;
  infrequentAccessStorage?: number;
  infrequentAccessRealStorage?: number;
  infrequentAccessObjectCount?: number;
  archiveStorage?: number;
  archiveRealStorage?: number;
  archiveObjectCount?: number;
  coldArchiveStorage?: number;
  coldArchiveRealStorage?: number;
  coldArchiveObjectCount?: number;
  deepColdArchiveStorage?: number;
  deepColdArchiveRealStorage?: number;
  deepColdArchiveObjectCount?: number;
  deleteMarkerCount?: number;
}
