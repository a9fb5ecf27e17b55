// Access points (Create/Get/List/DeleteAccessPoint, Put/Get/DeleteAccessPointPolicy, behaviour §14.22): the
// CreateAccessPointConfiguration document, the name rules and limits, the alias, ARN and endpoints OSS reports, the
// listing pages, and how an access point's policy combines with the RAM and bucket policies. Sources: the
// CreateAccessPoint API reference (AccessPointName 3–19 characters of lowercase letters, digits and hyphens, not
// starting or ending with a hyphen, not ending with `-ossalias`, unique in a region of the account; NetworkOrigin
// `vpc` | `internet`; VpcId required for vpc; at most 1,000 access points per account and 100 per bucket), the Go SDK
// v2 `oss/api_op_accesspoint.go` (ListAccessPoints max-keys (0,1000] for the account, (0,100] for a bucket), PY2
// `tests/unit/models/test_access_point.py` (result shapes: `<name>-<hex>-ossalias` aliases, ARN
// `acs:oss:<region>:<uid>:accesspoint/<name>`, Endpoints `<name>.oss-<region>[-internal].oss-accesspoint.aliyuncs.com`,
// Status `enable`), and the user guide "Relationships among the access point policy, bucket policy, and RAM policy"
// (a request through an access point is allowed only when RAM + bucket policy allow it and the access point policy
// allows it; an explicit Deny in any refuses it).
import { OssError, invalidArgument } from './errors.js';
import type { Decision } from './policy.js';

export type NetworkOrigin = 'internet' | 'vpc';

/** One access point as stored (a bucket document, `accessPoints`, holds its bucket's). */
export interface AccessPointRecord {
  name: string;
  bucket: string;
  networkOrigin: NetworkOrigin;
  vpcId?: string;
  alias: string;
  /** Seconds since the epoch: GetAccessPoint's CreationDate is a Unix time (PY2 unit test sample `1626769503`). */
  createdAt: number;
  /** The access point policy's JSON as it was put. */
  policy?: string;
  /** PutAccessPointPublicAccessBlock's flag; undefined when never set (or deleted). */
  blockPublicAccess?: boolean;
}

export interface CreateAccessPointConfiguration {
  name: string;
  networkOrigin: NetworkOrigin;
  vpcId?: string;
}

export const MAX_ACCESS_POINTS_PER_BUCKET = 100;
export const MAX_ACCESS_POINTS_PER_ACCOUNT = 1000;
export const ALIAS_SUFFIX = '-ossalias';

const NAME = /^[a-z0-9][a-z0-9-]{1,17}[a-z0-9]$/;

/** The naming rules of the API reference; a refusal is 400 InvalidArgument [I: code and message uncaptured]. */
export function checkAccessPointName(name: string): void {
  if (!NAME.test(name) || name.endsWith(ALIAS_SUFFIX)) throw invalidArgument('InvalidAccessPointName', 'AccessPointName', name);
}

function text(node: Record<string, unknown>, name: string): string | undefined {
  const v = node[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new OssError('MalformedXML', { ErrorDetail: `${name} is not text` });
  return v;
}

/** The CreateAccessPoint body (parsed XML). */
export function parseCreateAccessPoint(doc: Record<string, unknown> | undefined): CreateAccessPointConfiguration {
  const root = doc?.CreateAccessPointConfiguration;
  if (root === null || typeof root !== 'object') throw new OssError('MalformedXML');
  const node = root as Record<string, unknown>;
  const name = text(node, 'AccessPointName');
  if (name === undefined) throw invalidArgument('InvalidAccessPointName', 'AccessPointName', '');
  checkAccessPointName(name);
  const origin = text(node, 'NetworkOrigin');
  if (origin !== 'internet' && origin !== 'vpc') throw invalidArgument('InvalidArgumentNetworkOrigin', 'NetworkOrigin', origin ?? '');
  const vpc = node.VpcConfiguration;
  const vpcId = vpc !== null && typeof vpc === 'object' ? text(vpc as Record<string, unknown>, 'VpcId') : undefined;
  // "The VPC ID is required only if you set the NetworkOrigin parameter to vpc" (API reference).
  if (origin === 'vpc' && vpcId === undefined) throw invalidArgument('InvalidArgumentVpcId', 'VpcId', '');
  return { name, networkOrigin: origin, vpcId: origin === 'vpc' ? vpcId : undefined };
}

/**
 * Whether one more access point named `name` may be created on a bucket holding `onBucket`, in an account
 * holding `inAccount` (every bucket's). The name is unique in the account's region; this emulator's account is one,
 * so across the account [I].
 */
export function checkCreate(name: string, onBucket: number, inAccount: readonly AccessPointRecord[]): void {
  if (inAccount.some((ap) => ap.name === name)) throw new OssError('AccessPointAlreadyExists', { AccessPointName: name });
  if (onBucket >= MAX_ACCESS_POINTS_PER_BUCKET) throw new OssError('TooManyAccessPointsBucket');
  if (inAccount.length >= MAX_ACCESS_POINTS_PER_ACCOUNT) throw new OssError('TooManyAccessPointsAccount');
}

/** `<name>-<34 hex>-ossalias`: the shape of the API reference's and user guide's samples; ≤ 63 characters. */
export function accessPointAlias(name: string, hexSuffix: string): string {
  return `${name}-${hexSuffix}${ALIAS_SUFFIX}`;
}

export function isAlias(bucketName: string): boolean {
  return bucketName.endsWith(ALIAS_SUFFIX);
}

export function accessPointArn(region: string, account: string, name: string): string {
  return `acs:oss:${region}:${account}:accesspoint/${name}`;
}

export function accessPointEndpoints(region: string, name: string): { PublicEndpoint: string; InternalEndpoint: string } {
  return {
    PublicEndpoint: `${name}.oss-${region}.oss-accesspoint.aliyuncs.com`,
    InternalEndpoint: `${name}.oss-${region}-internal.oss-accesspoint.aliyuncs.com`,
  };
}

/**
 * The access point resource a bucket resource stands for when the request came through access point `name`:
 * `acs:oss:r:a:bucket/key` → `acs:oss:r:a:accesspoint/<name>/object/<key>`, the bucket itself →
 * `acs:oss:r:a:accesspoint/<name>` (the resources PY2's and oss2's live tests put in their access point policies).
 */
export function accessPointResource(bucketResource: string, bucket: string, name: string): string | undefined {
  const m = /^(acs:oss:[^:]*:[^:]*:)([^/]*)(?:\/(.*))?$/s.exec(bucketResource);
  if (m === null || m[2] !== bucket) return undefined;
  return m[3] === undefined ? `${m[1]}accesspoint/${name}` : `${m[1]}accesspoint/${name}/object/${m[3]}`;
}

/**
 * A request through an access point: the RAM + bucket policy (+ ACL) result combined with the access point policy's
 * (the user guide's table: Deny wins, Allow needs both). The account itself needs no Allow from the access point
 * policy, only no Deny [I: the guide's table speaks of RAM users; the owner's Deny in PY2's live test policy is what
 * its access point policy is for].
 */
export function combineAccessPoint(merged: Decision, accessPoint: Decision, owner: boolean): Decision {
  if (merged === 'deny' || accessPoint === 'deny') return 'deny';
  if (merged !== 'allow') return 'implicit-deny';
  return accessPoint === 'allow' || owner ? 'allow' : 'implicit-deny';
}

/** ListAccessPoints' max-keys: (0, 1000] for the account, (0, 100] for a bucket; the limit when absent [I]. */
export function parseAccessPointMaxKeys(raw: string | undefined, bucketLevel: boolean): number {
  const max = bucketLevel ? MAX_ACCESS_POINTS_PER_BUCKET : MAX_ACCESS_POINTS_PER_ACCOUNT;
  if (raw === undefined || raw === '') return max;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw invalidArgument('InvalidArgumentMaxKeys', 'max-keys', raw);
  return Number(raw);
}

/**
 * One page of access points in name order, starting at the continuation token (the name of the first one not yet
 * listed [I: OSS's token is opaque]); NextContinuationToken names the next page's first.
 */
export function pageAccessPoints(
  all: readonly AccessPointRecord[],
  token: string | undefined,
  maxKeys: number,
): { page: AccessPointRecord[]; next?: string } {
  const sorted = [...all].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const from = token === undefined || token === '' ? sorted : sorted.filter((ap) => ap.name >= token);
  const page = from.slice(0, maxKeys);
  return { page, next: from.length > maxKeys ? from[maxKeys]!.name : undefined };
}
