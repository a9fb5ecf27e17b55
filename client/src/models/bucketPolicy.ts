// Bucket policy models (PY2 models/bucket_policy.py in camelCase: the policy is a JSON text body), user-defined
// log fields (PY2 models/bucket_logging.py) and bucket callback policies (oss2's BucketCallbackPolicy; PY2 has no
// such call, so the names follow the XML elements in camelCase).
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface PutBucketPolicyRequest extends BucketTarget {
  /** The policy document, JSON text. */
  body: string;
}

export type PutBucketPolicyResult = ResultBase;

export type GetBucketPolicyRequest = BucketTarget;

export interface GetBucketPolicyResult extends ResultBase {
  body: string;
}

export type DeleteBucketPolicyRequest = BucketTarget;

export type DeleteBucketPolicyResult = ResultBase;

export interface UserDefinedLogFieldsConfiguration {
  headerSet?: { headers?: string[] };
  paramSet?: { parameters?: string[] };
}

export interface PutUserDefinedLogFieldsConfigRequest extends BucketTarget {
  userDefinedLogFieldsConfiguration: UserDefinedLogFieldsConfiguration;
}

export type PutUserDefinedLogFieldsConfigResult = ResultBase;

export type GetUserDefinedLogFieldsConfigRequest = BucketTarget;

export interface GetUserDefinedLogFieldsConfigResult extends ResultBase {
  userDefinedLogFieldsConfiguration: UserDefinedLogFieldsConfiguration;
}

export type DeleteUserDefinedLogFieldsConfigRequest = BucketTarget;

export type DeleteUserDefinedLogFieldsConfigResult = ResultBase;

export interface CallbackPolicyItem {
  policyName?: string;
  /** Base64 of the callback JSON, kept verbatim. */
  callback?: string;
  /** Base64 of the callback variables JSON, kept verbatim. */
  callbackVar?: string;
}

export interface BucketCallbackPolicy {
  policyItems?: CallbackPolicyItem[];
}

export interface PutBucketCallbackPolicyRequest extends BucketTarget {
  bucketCallbackPolicy: BucketCallbackPolicy;
}

export type PutBucketCallbackPolicyResult = ResultBase;

export type GetBucketCallbackPolicyRequest = BucketTarget;

export interface GetBucketCallbackPolicyResult extends ResultBase {
  bucketCallbackPolicy: BucketCallbackPolicy;
}

export type DeleteBucketCallbackPolicyRequest = BucketTarget;

export type DeleteBucketCallbackPolicyResult = ResultBase;
