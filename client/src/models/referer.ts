// Referer (hotlink protection) models, named after PY2 models/bucket_referer.py in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface RefererList {
  referers?: string[];
}

export interface RefererBlacklist {
  referers?: string[];
}

export interface RefererConfiguration {
  allowEmptyReferer?: boolean;
  allowTruncateQueryString?: boolean;
  truncatePath?: boolean;
  refererList?: RefererList;
  refererBlacklist?: RefererBlacklist;
}

export interface PutBucketRefererRequest extends BucketTarget {
  refererConfiguration: RefererConfiguration;
}

export type PutBucketRefererResult = ResultBase;

export type GetBucketRefererRequest = BucketTarget;

export interface GetBucketRefererResult extends ResultBase {
  refererConfiguration: RefererConfiguration;
}
