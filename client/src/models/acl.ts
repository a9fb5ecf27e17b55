// ACLs of buckets and objects (PY2 Put/GetBucketAcl in models/bucket_basic.py, Put/GetObjectAcl in
// models/object_basic.py) in camelCase.
import type { BucketTarget } from './bucket.js';
import type { Owner, ResultBase } from './common.js';
import type { ObjectTarget } from './object.js';

/** A bucket's or an object's ACL as read back (PY2 GetBucketAclResult / GetObjectAclResult). */
export interface GetAclResult extends ResultBase {
  owner?: Owner;
  acl?: string;
  versionId?: string;
}

export interface PutBucketAclRequest {
  bucket: string;
  acl: string;
}

export type PutBucketAclResult = ResultBase;

export type GetBucketAclRequest = BucketTarget;

export type GetBucketAclResult = GetAclResult;

export interface PutObjectAclRequest extends ObjectTarget {
  acl: string;
}

export type PutObjectAclResult = ResultBase;

export type GetObjectAclRequest = ObjectTarget;

export type GetObjectAclResult = GetAclResult;
