// Lifecycle, access monitor, transfer acceleration, resource group and logging models, named after PY2
// models/bucket_lifecycle.py, bucket_access_monitor.py, bucket_transfer_acceleration.py, bucket_resource_group.py
// and bucket_logging.py in camelCase. Dates are ISO 8601 strings as sent (`2016-12-25T00:00:00.000Z`).
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface LifecycleTag {
  key?: string;
  value?: string;
}

export interface LifecycleRuleTransition {
  days?: number;
  createdBeforeDate?: string;
  storageClass?: string;
  isAccessTime?: boolean;
  returnToStdWhenVisit?: boolean;
  allowSmallFile?: boolean;
}

export interface NoncurrentVersionTransition {
  noncurrentDays?: number;
  storageClass?: string;
  isAccessTime?: boolean;
  returnToStdWhenVisit?: boolean;
  allowSmallFile?: boolean;
}

export interface LifecycleRuleExpiration {
  days?: number;
  date?: string;
  createdBeforeDate?: string;
  expiredObjectDeleteMarker?: boolean;
}

export interface LifecycleRuleAbortMultipartUpload {
  days?: number;
  createdBeforeDate?: string;
}

export interface LifecycleRuleNot {
  prefix?: string;
  tag?: LifecycleTag;
}

export interface LifecycleRuleFilter {
  objectSizeGreaterThan?: number;
  objectSizeLessThan?: number;
  nots?: LifecycleRuleNot[];
}

export interface LifecycleRule {
  id?: string;
  prefix?: string;
  status?: 'Enabled' | 'Disabled' | string;
  expiration?: LifecycleRuleExpiration;
  transitions?: LifecycleRuleTransition[];
  abortMultipartUpload?: LifecycleRuleAbortMultipartUpload;
  tags?: LifecycleTag[];
  noncurrentVersionExpiration?: { noncurrentDays?: number };
  noncurrentVersionTransitions?: NoncurrentVersionTransition[];
  filter?: LifecycleRuleFilter;
  atimeBase?: number;
}

export interface LifecycleConfiguration {
  rules?: LifecycleRule[];
}

export interface PutBucketLifecycleRequest extends BucketTarget {
  lifecycleConfiguration: LifecycleConfiguration;
  /** x-oss-allow-same-action-overlap */
  allowSameActionOverlap?: boolean;
}
export type PutBucketLifecycleResult = ResultBase;
export type GetBucketLifecycleRequest = BucketTarget;
export interface GetBucketLifecycleResult extends ResultBase {
  lifecycleConfiguration: LifecycleConfiguration;
}
export type DeleteBucketLifecycleRequest = BucketTarget;
export type DeleteBucketLifecycleResult = ResultBase;

export interface PutBucketAccessMonitorRequest extends BucketTarget {
  accessMonitorConfiguration: { status: 'Enabled' | 'Disabled' | string };
}
export type PutBucketAccessMonitorResult = ResultBase;
export type GetBucketAccessMonitorRequest = BucketTarget;
export interface GetBucketAccessMonitorResult extends ResultBase {
  accessMonitorConfiguration: { status?: string };
}

export interface PutBucketTransferAccelerationRequest extends BucketTarget {
  transferAccelerationConfiguration: { enabled: boolean };
}
export type PutBucketTransferAccelerationResult = ResultBase;
export type GetBucketTransferAccelerationRequest = BucketTarget;
export interface GetBucketTransferAccelerationResult extends ResultBase {
  transferAccelerationConfiguration: { enabled?: boolean };
}

export interface PutBucketResourceGroupRequest extends BucketTarget {
  bucketResourceGroupConfiguration: { resourceGroupId?: string };
}
export type PutBucketResourceGroupResult = ResultBase;
export type GetBucketResourceGroupRequest = BucketTarget;
export interface GetBucketResourceGroupResult extends ResultBase {
  bucketResourceGroupConfiguration: { resourceGroupId?: string };
}

export interface LoggingEnabled {
  targetBucket?: string;
  targetPrefix?: string;
  loggingRole?: string;
}
export interface PutBucketLoggingRequest extends BucketTarget {
  /** No loggingEnabled: logging off. */
  bucketLoggingStatus: { loggingEnabled?: LoggingEnabled };
}
export type PutBucketLoggingResult = ResultBase;
export type GetBucketLoggingRequest = BucketTarget;
export interface GetBucketLoggingResult extends ResultBase {
  bucketLoggingStatus: { loggingEnabled?: LoggingEnabled };
}
export type DeleteBucketLoggingRequest = BucketTarget;
export type DeleteBucketLoggingResult = ResultBase;
