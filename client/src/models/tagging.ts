// Tags of objects (PY2 models/object_basic.py Put/Get/DeleteObjectTagging) and of buckets (PY2
// models/bucket_tags.py Put/Get/DeleteBucketTags) in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';
import type { ObjectTarget } from './object.js';

export interface Tag {
  key: string;
  value: string;
}

export interface Tagging {
  tagSet: Tag[];
}

export interface PutObjectTaggingRequest extends ObjectTarget {
  tagSet: Tag[];
}

export interface PutObjectTaggingResult extends ResultBase {
  versionId?: string;
}

export type GetObjectTaggingRequest = ObjectTarget;

export interface GetObjectTaggingResult extends ResultBase {
  versionId?: string;
  tagSet: Tag[];
}

export type DeleteObjectTaggingRequest = ObjectTarget;

export type DeleteObjectTaggingResult = ResultBase;

export interface PutBucketTagsRequest {
  bucket: string;
  tagging: Tagging;
}

export type PutBucketTagsResult = ResultBase;

export type GetBucketTagsRequest = BucketTarget;

export interface GetBucketTagsResult extends ResultBase {
  tagging: Tagging;
}

export interface DeleteBucketTagsRequest {
  bucket: string;
  /** The keys to delete (PY2 DeleteBucketTagsRequest.tagging: "k1,k2"); all tags without it. */
  tagging?: string;
}

export type DeleteBucketTagsResult = ResultBase;
