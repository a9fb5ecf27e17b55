// Bucket models, named after PY2 models/bucket_basic.py in camelCase.
import type { Owner, ResultBase } from './common.js';

export interface PutBucketRequest {
  bucket: string;
  acl?: 'private' | 'public-read' | 'public-read-write';
  createBucketConfiguration?: { storageClass?: string; dataRedundancyType?: string };
}

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

export interface GetBucketLocationResult extends ResultBase {
  location?: string;
}

export interface GetAclResult extends ResultBase {
  owner?: Owner;
  acl?: string;
  versionId?: string;
}

export interface GetBucketVersioningResult extends ResultBase {
  versionStatus?: string;
}
