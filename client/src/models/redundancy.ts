// Data-redundancy transition models, named after PY2 models/bucket_data_redundancy_transition.py in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface BucketDataRedundancyTransition {
  bucket?: string;
  taskId?: string;
  /** Queueing, Processing or Finished. */
  status?: string;
  createTime?: string;
  startTime?: string;
  endTime?: string;
  processPercentage?: number;
  estimatedRemainingTime?: number;
}

export interface ListBucketDataRedundancyTransition {
  bucketDataRedundancyTransition?: BucketDataRedundancyTransition[];
  isTruncated?: boolean;
  nextContinuationToken?: string;
}

export interface CreateBucketDataRedundancyTransitionRequest extends BucketTarget {
  /** ZRS. */
  targetRedundancyType: string;
}

export interface CreateBucketDataRedundancyTransitionResult extends ResultBase {
  bucketDataRedundancyTransition: BucketDataRedundancyTransition;
}

export interface GetBucketDataRedundancyTransitionRequest extends BucketTarget {
  redundancyTransitionTaskid: string;
}

export interface GetBucketDataRedundancyTransitionResult extends ResultBase {
  bucketDataRedundancyTransition: BucketDataRedundancyTransition;
}

export type ListBucketDataRedundancyTransitionRequest = BucketTarget;

export interface ListBucketDataRedundancyTransitionResult extends ResultBase {
  listBucketDataRedundancyTransition: ListBucketDataRedundancyTransition;
}

export interface ListUserDataRedundancyTransitionRequest {
  maxKeys?: number;
  continuationToken?: string;
}

export interface ListUserDataRedundancyTransitionResult extends ResultBase {
  listBucketDataRedundancyTransition: ListBucketDataRedundancyTransition;
}

export interface DeleteBucketDataRedundancyTransitionRequest extends BucketTarget {
  redundancyTransitionTaskid: string;
}

export type DeleteBucketDataRedundancyTransitionResult = ResultBase;
