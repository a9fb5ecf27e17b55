// Data replication models, named after PY2 models/bucket_replication.py in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface ReplicationDestination {
  bucket?: string;
  /** `oss-<region>` */
  location?: string;
  /** `internal` (default) or `oss_acc` */
  transferType?: string;
}

export interface ReplicationPrefixSet {
  /** PY2 spells it `prefixs`. */
  prefixs?: string[];
}

export interface ReplicationTimeControl {
  status?: string;
}

export interface SseKmsEncryptedObjects {
  /** `Enabled` | `Disabled` */
  status?: string;
}

export interface ReplicationSourceSelectionCriteria {
  sseKmsEncryptedObjects?: SseKmsEncryptedObjects;
}

export interface ReplicationEncryptionConfiguration {
  replicaKmsKeyId?: string;
}

export interface ReplicationRule {
  id?: string;
  prefixSet?: ReplicationPrefixSet;
  /** `ALL`, or a comma-separated list of PUT, DELETE, ABORT. */
  action?: string;
  destination?: ReplicationDestination;
  /** `starting` | `doing` | `closing` (answers only). */
  status?: string;
  /** `enabled` | `disabled` */
  historicalObjectReplication?: string;
  syncRole?: string;
  sourceSelectionCriteria?: ReplicationSourceSelectionCriteria;
  encryptionConfiguration?: ReplicationEncryptionConfiguration;
  rtc?: ReplicationTimeControl;
}

export interface ReplicationConfiguration {
  rules?: ReplicationRule[];
}

export interface PutBucketReplicationRequest extends BucketTarget {
  replicationConfiguration: ReplicationConfiguration;
}

export interface PutBucketReplicationResult extends ResultBase {
  replicationRuleId?: string;
}

export type GetBucketReplicationRequest = BucketTarget;

export interface GetBucketReplicationResult extends ResultBase {
  replicationConfiguration: ReplicationConfiguration;
}

export interface RtcConfiguration {
  rtc?: ReplicationTimeControl;
  id?: string;
}

export interface PutBucketRtcRequest extends BucketTarget {
  rtcConfiguration: RtcConfiguration;
}

export type PutBucketRtcResult = ResultBase;

export interface TransferTypes {
  types?: string[];
}

export interface LocationTransferType {
  location?: string;
  transferTypes?: TransferTypes;
}

export interface ReplicationLocation {
  locations?: string[];
  locationTransferTypeConstraint?: { locationTransferTypes?: LocationTransferType[] };
  locationrtcConstraint?: { locations?: string[] };
}

export type GetBucketReplicationLocationRequest = BucketTarget;

export interface GetBucketReplicationLocationResult extends ResultBase {
  replicationLocation: ReplicationLocation;
}

export interface ReplicationProgressInformation {
  /** The fraction of historical objects replicated, as OSS writes it (`0.85`). */
  historicalObject?: string;
  /** Objects written before this time are replicated. */
  newObject?: string;
}

export interface ReplicationProgressRule {
  id?: string;
  prefixSet?: ReplicationPrefixSet;
  action?: string;
  destination?: ReplicationDestination;
  status?: string;
  historicalObjectReplication?: string;
  progress?: ReplicationProgressInformation;
}

export interface GetBucketReplicationProgressRequest extends BucketTarget {
  ruleId: string;
}

export interface GetBucketReplicationProgressResult extends ResultBase {
  replicationProgress: { rules?: ReplicationProgressRule[] };
}

export interface DeleteBucketReplicationRequest extends BucketTarget {
  replicationRules: { ids?: string[] };
}

export type DeleteBucketReplicationResult = ResultBase;
