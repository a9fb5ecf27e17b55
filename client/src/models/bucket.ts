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
