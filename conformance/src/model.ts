// The conformance suite's vocabulary: an API call described once in the Python SDK v2's terms (camelCase), the
// normalised outcome every driver returns, and the scenario that asserts on outcomes.
import type { CSVMetaRequest, SelectRequest } from '@local-oss/client';

/** The operations scenarios use; each driver says which it can express. */
export type Api =
  | 'PutBucket'
  | 'DeleteBucket'
  | 'GetBucketInfo'
  | 'GetBucketLocation'
  | 'PutBucketAcl'
  | 'GetBucketAcl'
  | 'PutBucketVersioning'
  | 'GetBucketVersioning'
  | 'PutObject'
  | 'GetObject'
  | 'HeadObject'
  | 'DeleteObject'
  | 'CopyObject'
  | 'PutObjectAcl'
  | 'GetObjectAcl'
  | 'PutObjectTagging'
  | 'GetObjectTagging'
  | 'DeleteObjectTagging'
  | 'ListObjects'
  | 'ListObjectsV2'
  | 'ListObjectVersions'
  | 'InitiateMultipartUpload'
  | 'UploadPart'
  | 'UploadPartCopy'
  | 'CompleteMultipartUpload'
  | 'AbortMultipartUpload'
  | 'ListParts'
  | 'ListMultipartUploads'
  /** An SDK's copy manager (PY2 Copier, our Copier): CopyObject or a multipart copy, as the SDK decides. */
  | 'CopierCopy'
  | 'InitiateBucketWorm'
  | 'CompleteBucketWorm'
  | 'ExtendBucketWorm'
  | 'AbortBucketWorm'
  | 'GetBucketWorm'
  /** POST ?restore (behaviour §9.10); `restoreDays` / `restoreTier` build the RestoreRequest body when given. */
  | 'RestoreObject'
  | 'SelectObject'
  | 'CreateSelectObjectMeta'
  | 'PutBucketLifecycle'
  | 'GetBucketLifecycle'
  | 'DeleteBucketLifecycle'
  | 'PutBucketReplication'
  | 'GetBucketReplication'
  | 'GetBucketReplicationProgress'
  | 'DeleteBucketReplication'
  /** PutBucketInventory (`?inventory&inventoryId=`): one CSV inventory, enabled, Daily, as `inventory` states it. */
  | 'PutBucketInventory';

/** One replication rule as scenarios state it (behaviour §14.22): what every driver can send and read back. */
export interface ReplicationRuleSpec {
  id: string;
  prefixes: string[];
  action: string;
  destinationBucket: string;
  /** `oss-<region>` */
  destinationLocation: string;
  historical: 'enabled' | 'disabled';
  /** Answers only: starting, doing, closing. */
  status?: string;
}

/** One lifecycle rule as scenarios state it: ID, Prefix, Status and Expiration Days. */
export interface LifecycleRuleSpec {
  id: string;
  prefix: string;
  status: string;
  expirationDays: number;
}

/** Request fields, named as PY2's request models in camelCase (client/src/models). */
export interface Params {
  bucket: string;
  key?: string;
  body?: string | Buffer;
  versionId?: string;
  region?: string;
  acl?: string;
  storageClass?: string;
  contentType?: string;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  contentLanguage?: string;
  expires?: string;
  metadata?: Record<string, string>;
  tagging?: string;
  forbidOverwrite?: boolean;
  serverSideEncryption?: string;
  sourceBucket?: string;
  sourceKey?: string;
  sourceVersionId?: string;
  metadataDirective?: string;
  taggingDirective?: string;
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  ifUnmodifiedSince?: string;
  /** PutBucketLifecycle: rules expiring a prefix after some days (the shape every driver can send). */
  lifecycleRules?: LifecycleRuleSpec[];
  /** PutBucketReplication's one rule; DeleteBucketReplication / GetBucketReplicationProgress name `ruleId`. */
  replicationRule?: ReplicationRuleSpec;
  ruleId?: string;
  /** PutBucketInventory's configuration (behaviour §14.19): destination bucket and prefix, versions, fields. */
  inventory?: { id: string; destinationBucket: string; prefix: string; includedObjectVersions: 'All' | 'Current'; optionalFields: string[] };
  /** PutBucketVersioning; any string, so a scenario can send an invalid one. */
  status?: string;
  retentionPeriodInDays?: number;
  wormId?: string;
  /** RestoreObject's RestoreRequest: Days and JobParameters Tier (PY2 RestoreRequest days, tier). */
  restoreDays?: number;
  restoreTier?: string;
  contentMd5?: string;
  /** GetObject/HeadObject `Range` (PY2 `range_header`) and `x-oss-range-behavior`. */
  rangeHeader?: string;
  rangeBehavior?: string;
  /** PutObjectTagging's tag set (PY2 `tagging=Tagging(tag_set=TagSet(tags=[…]))`; `tagging` is the header form). */
  tagSet?: { key: string; value: string }[];
  // Listings (PY2 ListObjectsRequest, ListObjectsV2Request, ListObjectVersionsRequest).
  prefix?: string;
  delimiter?: string;
  marker?: string;
  startAfter?: string;
  continuationToken?: string;
  keyMarker?: string;
  versionIdMarker?: string;
  maxKeys?: number;
  fetchOwner?: boolean;
  /** `url`, or absent. PY2 and the client always send `url` (and decode); ali-oss and raw send what is given. */
  encodingType?: 'url';
  // Multipart (PY2 UploadPartRequest, UploadPartCopyRequest, CompleteMultipartUploadRequest, ListPartsRequest).
  uploadId?: string;
  partNumber?: number;
  /** UploadPartCopy `x-oss-copy-source-range`, e.g. `bytes=0-1023`. */
  sourceRange?: string;
  /** CompleteMultipartUpload parts, sent in the order given. */
  parts?: { partNumber: number; etag: string }[];
  /** CompleteMultipartUpload `x-oss-complete-all: yes` (no body). */
  completeAll?: boolean;
  maxParts?: number;
  partNumberMarker?: number;
  /** CopierCopy: PY2 Copier options (part_size, multipart_copy_threshold, disable_shallow_copy). */
  copierPartSize?: number;
  copierMultipartThreshold?: number;
  copierDisableShallowCopy?: boolean;
  /** SelectObject / CreateSelectObjectMeta (PY2 SelectObjectRequest / CreateSelectObjectMetaRequest): the
   * x-oss-process value and the request documents, PY2 models in camelCase (client/src/models/select.ts). */
  process?: string;
  selectRequest?: SelectRequest;
  selectMetaRequest?: CSVMetaRequest;
  /** Raw-driver only: send this x-oss-copy-source verbatim. */
  copySourceRaw?: string;
  /** Raw-driver only: sign with this secret instead of the target's. */
  signWithSecret?: string;
  /** Raw-driver only: sign with this access key id instead of the target's. */
  signWithAccessKeyId?: string;
  /** Raw-driver only: extra headers, sent as given. */
  rawHeaders?: Record<string, string>;
  /** Raw-driver only: headers replaced after the request was signed (tampering). */
  afterSigning?: Record<string, string>;
  /** Raw-driver only: send without any signature (an anonymous request). */
  anonymous?: boolean;
  /** Raw-driver only: sign as if it were this time (x-oss-date / Date), to test clock skew. */
  signedAt?: Date;
  /** Raw-driver only: send neither Content-Length nor Transfer-Encoding. */
  omitContentLength?: boolean;
}

/** Bucket names OSS accepts (behaviour §8.6); PY2 and ali-oss refuse others before sending. */
export const VALID_BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** Fields only hand-built requests can carry; the SDK drivers report such a call as one they cannot express. */
export const RAW_ONLY_PARAMS: (keyof Params)[] = [
  'copySourceRaw',
  'signWithSecret',
  'signWithAccessKeyId',
  'rawHeaders',
  'afterSigning',
  'anonymous',
  'signedAt',
  'omitContentLength',
];

/** What came back, normalised across drivers. */
export interface Outcome {
  status: number;
  /** Error code/message/EC when status ≥ 300 and a body or x-oss-err carried them. */
  code?: string;
  message?: string;
  ec?: string;
  requestId?: string;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  body?: Buffer;
  /** Decoded result fields some APIs return (acl, tags, listings, uploads, worm …). */
  data?: {
    acl?: string;
    tags?: { key: string; value: string }[];
    versions?: { key: string; versionId: string; isLatest: boolean; deleteMarker: boolean }[];
    wormId?: string;
    wormState?: string;
    retentionPeriodInDays?: number;
    etag?: string;
    lastModified?: string;
    /** GetBucketInfo / GetBucketLocation (`oss-<region>`). */
    name?: string;
    location?: string;
    storageClass?: string;
    /** GetBucketLifecycle's rules, reduced to the fields of LifecycleRuleSpec. */
    lifecycleRules?: LifecycleRuleSpec[];
    /** GetBucketReplication's rules and GetBucketReplicationProgress's one rule, as ReplicationRuleSpec. */
    replicationRules?: ReplicationRuleSpec[];
    /** GetBucketReplicationProgress's Progress: HistoricalObject, and whether NewObject was given. */
    replicationProgress?: { historicalObject?: string; newObject: boolean };
    /** GetBucketVersioning's Status (absent for a never-versioned bucket), or GetBucketInfo's Versioning. */
    versioning?: string;
    /** Listings, keys and prefixes decoded when the answer says EncodingType url (as PY2 does). */
    contents?: ListedObject[];
    commonPrefixes?: string[];
    isTruncated?: boolean;
    nextMarker?: string;
    nextContinuationToken?: string;
    nextKeyMarker?: string;
    nextVersionIdMarker?: string;
    keyCount?: number;
    maxKeys?: number;
    encodingType?: string;
    uploadId?: string;
    parts?: { partNumber: number; etag: string; size: number }[];
    nextPartNumberMarker?: number;
    uploads?: { key: string; uploadId: string }[];
    /** SelectObject: the rows, frames removed; a failure the end frame reported (`Code`, after a 206). */
    selectRows?: string;
    selectError?: string;
    /** CreateSelectObjectMeta's counts. */
    selectMeta?: { totalScannedBytes: number; splitsCount: number; rowsCount: number; colsCount: number };
  };
}

export interface ListedObject {
  key: string;
  size: number;
  etag: string;
  objectType?: string;
  storageClass?: string;
  /** Whether an Owner element came with the entry (ListObjectsV2 sends it only with fetch-owner). */
  owner: boolean;
}

export interface Driver {
  readonly name: string;
  /** Why this driver cannot run at all here (missing runtime), or undefined. */
  unavailable(): Promise<string | undefined>;
  /** undefined when it can express this call; otherwise the reason it cannot. */
  cannot(api: Api, params: Params): string | undefined;
  call(api: Api, params: Params): Promise<Outcome>;
  /** The same driver signing with another key pair (a RAM user); absent when the driver cannot change identity. */
  withCredentials?(credentials: Credentials): Driver;
  close?(): Promise<void>;
}

export interface TargetInfo {
  name: string;
  endpoint: string;
  region: string;
  /** A second region for cross-region scenarios, when the target has one. */
  secondRegion?: string;
  /** The second region's endpoint, when it differs from `endpoint` (real OSS). */
  secondEndpoint?: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** Real OSS: buckets need globally unique names and cleanup on exit. */
  real: boolean;
  /**
   * Key pairs of the RAM users scenarios declare (`Scenario.ramUsers`), by user name. The emulator target makes them;
   * for a URL or real OSS the user supplies them (`--ram-users FILE`). A scenario whose users are missing is skipped.
   */
  ramUsers?: Record<string, Credentials>;
}

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
}

/** A RAM policy document (docs/permissions.md §4). */
export interface RamPolicy {
  Version: '1';
  Statement: { Effect: 'Allow' | 'Deny'; Action: string[]; Resource: string[] }[];
}

/** A RAM user a scenario acts as: a name shared by the scenarios that need the same policy, and that policy. */
export interface RamUser {
  name: string;
  policy: RamPolicy;
}

export type Tag =
  | 'copy'
  | 'buckets'
  | 'select'
  | 'objects'
  | 'versioning'
  | 'lifecycle'
  | 'replication'
  | 'inventory'
  | 'needs-admin'
  | 'tagging'
  | 'listing'
  | 'acl'
  | 'multipart'
  | 'worm'
  | 'archive'
  | 'conditions'
  | 'encoding'
  | 'auth'
  | 'needs-versioning'
  | 'needs-second-region'
  | 'destructive-worm-lock'
  | 'slow'
  | 'discovery'
  | 'raw-only'
  | 'permissions'
  | 'kms'
  | 'needs-ram-users';

export interface ScenarioContext {
  driver: Driver;
  target: TargetInfo;
  /** Buckets of this run: B1, B2 unversioned; BV Enabled; BS Suspended; BX in the second region. */
  buckets: { B1: string; B2: string; BV: string; BS: string; BX?: string };
  /** A bucket for this scenario alone (WORM scenarios). */
  freshBucket(label: string): Promise<string>;
  /**
   * A name of this run for a bucket the scenario creates itself through the driver under test; the runner deletes it
   * at the end if it still exists (also when the scenario fails).
   */
  ownBucketName(label: string): string;
  /** The `src` object of behaviour §10 and what it was stored as. */
  src: { key: string; body: Buffer; etag: string; crc64: string; lastModified: string };
  /** A key unique to this scenario and driver. */
  key(label: string): string;
  call(api: Api, params: Params): Promise<Outcome>;
  /** Discovery scenarios record what the target answered instead of asserting a guess. */
  record(name: string, value: unknown): void;
  /** The driver under test acting as one of the scenario's `ramUsers` (by name). */
  as(user: string): { call(api: Api, params: Params): Promise<Outcome> };
  /**
   * The emulator's admin API (`POST /-/<path>`, README "Admin API"), for what only an emulator does on demand
   * (an inventory report now); the scenario is skipped on real OSS. Answers the JSON it returned.
   */
  admin(path: string): Promise<unknown>;
}

export interface Scenario {
  /** Stable id, e.g. `copy-01` (the number of behaviour §10). */
  id: string;
  title: string;
  tags: Tag[];
  /** RAM users the scenario acts as (through `ctx.as`); it needs the `needs-ram-users` tag. */
  ramUsers?: RamUser[];
  run(ctx: ScenarioContext): Promise<void>;
}

/** The request headers a GetObject / HeadObject's params name: range, range behaviour and the four conditions. */
export function readHeaders(p: Params): Record<string, string | undefined> {
  return {
    range: p.rangeHeader,
    'x-oss-range-behavior': p.rangeBehavior,
    'if-match': p.ifMatch,
    'if-none-match': p.ifNoneMatch,
    'if-modified-since': p.ifModifiedSince,
    'if-unmodified-since': p.ifUnmodifiedSince,
  };
}

/**
 * A listing entry as ali-oss and its fork oss-client hand it over (`objects[]` of list / listV2), keys as OSS wrote
 * them, so `decode` undoes `encoding-type=url` when the request asked for it.
 */
export function listedFromAliShape(o: { name: string; size: number; etag: string; type: string; storageClass: string; owner?: { id?: string } }, decode: (v: string) => string | undefined): ListedObject {
  return { key: decode(o.name) ?? '', size: o.size, etag: o.etag, objectType: o.type, storageClass: o.storageClass, owner: Boolean(o.owner?.id) };
}
