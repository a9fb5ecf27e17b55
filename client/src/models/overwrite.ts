// Overwrite protection models, named after PY2 models/bucket_overwrite_config.py in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface OverwritePrincipals {
  principals?: string[];
}

export interface OverwriteRule {
  id?: string;
  /** Only `forbid` exists. */
  action?: string;
  prefix?: string;
  suffix?: string;
  principals?: OverwritePrincipals;
}

export interface OverwriteConfiguration {
  rules?: OverwriteRule[];
}

export interface PutBucketOverwriteConfigRequest extends BucketTarget {
  overwriteConfiguration: OverwriteConfiguration;
}

export type PutBucketOverwriteConfigResult = ResultBase;

export type GetBucketOverwriteConfigRequest = BucketTarget;

export interface GetBucketOverwriteConfigResult extends ResultBase {
  overwriteConfiguration: OverwriteConfiguration;
}

export type DeleteBucketOverwriteConfigRequest = BucketTarget;

export type DeleteBucketOverwriteConfigResult = ResultBase;
