// Request payment models, named after PY2 models/bucket_request_payment.py in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface RequestPaymentConfiguration {
  /** BucketOwner or Requester. */
  payer?: string;
}

export interface PutBucketRequestPaymentRequest extends BucketTarget {
  requestPaymentConfiguration: RequestPaymentConfiguration;
}

export type PutBucketRequestPaymentResult = ResultBase;

export type GetBucketRequestPaymentRequest = BucketTarget;

export interface GetBucketRequestPaymentResult extends ResultBase {
  requestPaymentConfiguration: RequestPaymentConfiguration;
}
