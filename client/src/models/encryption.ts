// Bucket default encryption models, named after PY2 models/bucket_encryption.py in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface ApplyServerSideEncryptionByDefault {
  /** AES256, KMS or SM4. */
  sseAlgorithm?: string;
  kmsMasterKeyId?: string;
  /** SM4, with KMS only. */
  kmsDataEncryption?: string;
}

export interface ServerSideEncryptionRule {
  applyServerSideEncryptionByDefault?: ApplyServerSideEncryptionByDefault;
}

export interface PutBucketEncryptionRequest extends BucketTarget {
  serverSideEncryptionRule: ServerSideEncryptionRule;
}

export type PutBucketEncryptionResult = ResultBase;

export type GetBucketEncryptionRequest = BucketTarget;

export interface GetBucketEncryptionResult extends ResultBase {
  serverSideEncryptionRule: ServerSideEncryptionRule;
}

export type DeleteBucketEncryptionRequest = BucketTarget;

export type DeleteBucketEncryptionResult = ResultBase;
