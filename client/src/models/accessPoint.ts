// Access point models, named after PY2 models/access_point.py and models/access_point_public_access_block.py (and
// models/public_access_block.py for the account level) in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';
import type { PublicAccessBlockConfiguration } from './publicAccessBlock.js';

export interface AccessPointVpcConfiguration {
  vpcId?: string;
}

export interface CreateAccessPointConfiguration {
  accessPointName: string;
  /** `internet` or `vpc`. */
  networkOrigin: string;
  vpcConfiguration?: AccessPointVpcConfiguration;
}

export interface CreateAccessPointRequest extends BucketTarget {
  createAccessPointConfiguration: CreateAccessPointConfiguration;
}

export interface CreateAccessPointResult extends ResultBase {
  accessPointArn?: string;
  alias?: string;
}

export interface AccessPointTarget extends BucketTarget {
  /** Sent as the `x-oss-access-point-name` header (the query parameter for its Block Public Access). */
  accessPointName: string;
}

export type GetAccessPointRequest = AccessPointTarget;

export interface AccessPointEndpoints {
  publicEndpoint?: string;
  internalEndpoint?: string;
}

export interface GetAccessPointResult extends ResultBase {
  accessPointName?: string;
  bucket?: string;
  accountId?: string;
  networkOrigin?: string;
  vpcConfiguration?: AccessPointVpcConfiguration;
  accessPointArn?: string;
  creationDate?: string;
  alias?: string;
  status?: string;
  endpoints?: AccessPointEndpoints;
  publicAccessBlockConfiguration?: PublicAccessBlockConfiguration;
}

export interface ListAccessPointsRequest {
  /** Without a bucket: the account's access points. */
  bucket?: string;
  maxKeys?: number;
  continuationToken?: string;
}

export interface AccessPoint {
  bucket?: string;
  accessPointName?: string;
  alias?: string;
  networkOrigin?: string;
  vpcConfiguration?: AccessPointVpcConfiguration;
  status?: string;
}

export interface ListAccessPointsResult extends ResultBase {
  /** Undefined when there are none (as PY2 reads an answer without AccessPoints). */
  accessPoints?: AccessPoint[];
  maxKeys?: number;
  isTruncated?: boolean;
  nextContinuationToken?: string;
  accountId?: string;
}

export type DeleteAccessPointRequest = AccessPointTarget;
export type DeleteAccessPointResult = ResultBase;

export interface PutAccessPointPolicyRequest extends AccessPointTarget {
  /** The policy JSON. */
  body: string;
}
export type PutAccessPointPolicyResult = ResultBase;

export type GetAccessPointPolicyRequest = AccessPointTarget;
export interface GetAccessPointPolicyResult extends ResultBase {
  body: string;
}

export type DeleteAccessPointPolicyRequest = AccessPointTarget;
export type DeleteAccessPointPolicyResult = ResultBase;

export interface PutAccessPointPublicAccessBlockRequest extends AccessPointTarget {
  publicAccessBlockConfiguration: PublicAccessBlockConfiguration;
}
export type PutAccessPointPublicAccessBlockResult = ResultBase;

export type GetAccessPointPublicAccessBlockRequest = AccessPointTarget;
export interface GetAccessPointPublicAccessBlockResult extends ResultBase {
  publicAccessBlockConfiguration: PublicAccessBlockConfiguration;
}

export type DeleteAccessPointPublicAccessBlockRequest = AccessPointTarget;
export type DeleteAccessPointPublicAccessBlockResult = ResultBase;

// ---- account level (PY2 models/public_access_block.py) ----

export interface PutPublicAccessBlockRequest {
  publicAccessBlockConfiguration: PublicAccessBlockConfiguration;
}
export type PutPublicAccessBlockResult = ResultBase;

export type GetPublicAccessBlockRequest = Record<string, never>;
export interface GetPublicAccessBlockResult extends ResultBase {
  publicAccessBlockConfiguration: PublicAccessBlockConfiguration;
}

export type DeletePublicAccessBlockRequest = Record<string, never>;
export type DeletePublicAccessBlockResult = ResultBase;
