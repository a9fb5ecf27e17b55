// Retention: the bucket's WORM policy (PY2 models/bucket_worm.py), object-level retention's bucket switch (PY2
// models/bucket_object_worm_configuration.py) and an object's retention and legal hold (PY2 models/object_worm.py),
// in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';
import type { ObjectTarget } from './object.js';

export interface InitiateBucketWormRequest {
  bucket: string;
  retentionPeriodInDays: number;
}

export interface InitiateBucketWormResult extends ResultBase {
  wormId?: string;
}

export type AbortBucketWormRequest = BucketTarget;

export type AbortBucketWormResult = ResultBase;

export interface CompleteBucketWormRequest {
  bucket: string;
  wormId: string;
}

export type CompleteBucketWormResult = ResultBase;

export interface ExtendBucketWormRequest {
  bucket: string;
  wormId: string;
  retentionPeriodInDays: number;
}

export type ExtendBucketWormResult = ResultBase;

export type GetBucketWormRequest = BucketTarget;

export interface WormConfiguration {
  wormId?: string;
  state?: string;
  retentionPeriodInDays?: number;
  creationDate?: string;
  expirationDate?: string;
}

export interface GetBucketWormResult extends ResultBase {
  wormConfiguration: WormConfiguration;
}

export interface ObjectWormConfigurationRuleDefaultRetention {
  mode: string;
  days?: number;
  years?: number;
}

export interface ObjectWormConfigurationRule {
  defaultRetention: ObjectWormConfigurationRuleDefaultRetention;
}

export interface ObjectWormConfiguration {
  objectWormEnabled: 'Enabled';
  rule?: ObjectWormConfigurationRule;
}

export interface PutBucketObjectWormConfigurationRequest {
  bucket: string;
  objectWormConfiguration: ObjectWormConfiguration;
}

export type PutBucketObjectWormConfigurationResult = ResultBase;

export type GetBucketObjectWormConfigurationRequest = BucketTarget;

export interface GetBucketObjectWormConfigurationResult extends ResultBase {
  /** As the bucket answers it (the default retention is not read back). */
  objectWormConfiguration: { objectWormEnabled?: string };
}

export interface Retention {
  mode: string;
  retainUntilDate: string;
}

export interface PutObjectRetentionRequest extends ObjectTarget {
  retention: Retention;
  bypassGovernanceRetention?: boolean;
}

export type PutObjectRetentionResult = ResultBase;

export type GetObjectRetentionRequest = ObjectTarget;

export interface GetObjectRetentionResult extends ResultBase {
  retention: Partial<Retention>;
}

export interface LegalHold {
  status: 'ON' | 'OFF';
}

export interface PutObjectLegalHoldRequest extends ObjectTarget {
  legalHold: LegalHold;
}

export type PutObjectLegalHoldResult = ResultBase;

export type GetObjectLegalHoldRequest = ObjectTarget;

export interface GetObjectLegalHoldResult extends ResultBase {
  /** As the object answers it. */
  legalHold: { status?: string };
}
