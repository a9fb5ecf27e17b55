// Block Public Access and policy-status models, named after PY2 models/bucket_public_access_block.py and
// models/bucket_policy.py in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface PublicAccessBlockConfiguration {
  blockPublicAccess?: boolean;
}

export interface PutBucketPublicAccessBlockRequest extends BucketTarget {
  publicAccessBlockConfiguration: PublicAccessBlockConfiguration;
}

export type PutBucketPublicAccessBlockResult = ResultBase;

export type GetBucketPublicAccessBlockRequest = BucketTarget;

export interface GetBucketPublicAccessBlockResult extends ResultBase {
  publicAccessBlockConfiguration: PublicAccessBlockConfiguration;
}

export type DeleteBucketPublicAccessBlockRequest = BucketTarget;

export type DeleteBucketPublicAccessBlockResult = ResultBase;

export interface PolicyStatus {
  isPublic?: boolean;
}

export type GetBucketPolicyStatusRequest = BucketTarget;

export interface GetBucketPolicyStatusResult extends ResultBase {
  policyStatus: PolicyStatus;
}
