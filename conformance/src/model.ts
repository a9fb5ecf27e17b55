// The conformance suite's vocabulary: an API call described once in the Python SDK v2's terms (camelCase), the
// normalised outcome every driver returns, and the scenario that asserts on outcomes.
import type { CSVMetaRequest, SelectRequest } from '@local-oss/client';
import type { DocumentApi } from './documents.js';

export type { DocumentApi } from './documents.js';

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
  /** POST ?x-oss-process with `x-oss-process=<process>` (the process ends in `|sys/saveas,o_…[,b_…]`; behaviour §16.2). */
  | 'ProcessObject'
  /** Bucket image styles (PY2 PutStyle / GetStyle / DeleteStyle; behaviour §14.20): `styleName`, `styleContent`. */
  | 'PutBucketStyle'
  | 'GetBucketStyle'
  | 'DeleteBucketStyle'
  | 'PutBucketLifecycle'
  | 'GetBucketLifecycle'
  | 'DeleteBucketLifecycle'
  // Access points (behaviour §14.22): the access point is `accessPointName`.
  | 'CreateAccessPoint'
  | 'GetAccessPoint'
  /** A bucket's access points. */
  | 'ListAccessPoints'
  | 'DeleteAccessPoint'
  | 'PutAccessPointPolicy'
  | 'GetAccessPointPolicy'
  | 'DeleteAccessPointPolicy'
  | 'PutAccessPointPublicAccessBlock'
  | 'GetAccessPointPublicAccessBlock'
  | 'DeleteAccessPointPublicAccessBlock'
  /** Account level (behaviour §14.15): service requests; `bucket` is not sent (ACCOUNT_APIS). */
  | 'PutPublicAccessBlock'
  | 'GetPublicAccessBlock'
  | 'DeletePublicAccessBlock'
  /** A browser form POST to the bucket (behaviour §9.13): `body` is the file, `key` the key field. */
  | 'PostObject'
  /** Bucket configurations, symlinks, append and seal (documents.ts): fields in `Params.request`, answers in `data.result`. */
  | DocumentApi
  /** MetaQuery scalar search (behaviour §17.2): `metaQuery` holds DoMetaQuery's request. */
  | 'OpenMetaQuery'
  | 'GetMetaQueryStatus'
  | 'DoMetaQuery'
  | 'CloseMetaQuery'
  | 'PutBucketReplication'
  | 'GetBucketReplication'
  | 'GetBucketReplicationProgress'
  | 'DeleteBucketReplication';

/** DoMetaQuery's request, named as PY2's MetaQuery model. */
export interface MetaQuerySpec {
  query: string;
  sort?: string;
  order?: string;
  maxResults?: number;
  nextToken?: string;
  aggregations?: { field: string; operation: string }[];
}

/** Calls on the account (the service), not on a bucket: their `bucket` param is ignored. */
export const ACCOUNT_APIS: readonly Api[] = ['PutPublicAccessBlock', 'GetPublicAccessBlock', 'DeletePublicAccessBlock'];

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
  /** Access points: the name, CreateAccessPoint's NetworkOrigin and VpcId, the policy JSON. */
  accessPointName?: string;
  networkOrigin?: string;
  vpcId?: string;
  policy?: string;
  /** Put*PublicAccessBlock's flag. */
  blockPublicAccess?: boolean;
  /** DoMetaQuery */
  metaQuery?: MetaQuerySpec;
  /** PutBucketReplication's one rule; DeleteBucketReplication / GetBucketReplicationProgress name `ruleId`. */
  replicationRule?: ReplicationRuleSpec;
  ruleId?: string;
  /** PutBucketVersioning; any string, so a scenario can send an invalid one. */
  status?: string;
  retentionPeriodInDays?: number;
  wormId?: string;
  /** RestoreObject's RestoreRequest: Days and JobParameters Tier (PY2 RestoreRequest days, tier). */
  restoreDays?: number;
  restoreTier?: string;
  contentMd5?: string;
  /** PutObject / CompleteMultipartUpload x-oss-callback and x-oss-callback-var: base64 JSON (PY2 callback, callback_var). */
  callback?: string;
  callbackVar?: string;
  /** InitiateMultipartUpload `?sequential` (behaviour §9.15). */
  sequential?: boolean;
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
  /** GetObject / HeadObject with `x-oss-process` (image processing, behaviour §16.1); ProcessObject's target. */
  imageProcess?: string;
  /** ProcessObject: the saved object's key and bucket (`sys/saveas,o_,b_`; the SDKs that build it take them apart). */
  saveAsKey?: string;
  saveAsBucket?: string;
  styleName?: string;
  styleContent?: string;
  selectRequest?: SelectRequest;
  selectMetaRequest?: CSVMetaRequest;
  /** PostObject: policy conditions beyond the bucket's and the key's (`["content-length-range", 0, 10]` …). */
  postConditions?: unknown[];
  /** PostObject: further fields before the file (success_action_status, success_action_redirect …). */
  postFields?: Record<string, string>;
  /** PostObject: the policy expires this many seconds from now (negative: already expired); default 600. */
  postExpiresSeconds?: number;
  /** PostObject: the file part's filename (`${filename}` in the key). */
  postFilename?: string;
  /** PostObject: send the key field after the file part, where OSS no longer reads it. */
  postKeyAfterFile?: boolean;
  /**
   * The other fields of a documents.ts API's request, named as PY2's request model in camelCase
   * (`{corsConfiguration: {corsRules: [...]}}`, `{inventoryId, inventoryConfiguration}`, `{target}` …).
   */
  request?: Record<string, unknown>;
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
    /** PostObject's PostResponse (201): the Key; its Bucket is `name`. */
    key?: string;
    parts?: { partNumber: number; etag: string; size: number }[];
    nextPartNumberMarker?: number;
    uploads?: { key: string; uploadId: string }[];
    /** SelectObject: the rows, frames removed; a failure the end frame reported (`Code`, after a 206). */
    selectRows?: string;
    selectError?: string;
    /** ProcessObject's JSON result (fileSize left out: libvips encodes other bytes than OSS). */
    processResult?: { bucket: string; object: string; status: string };
    /** GetBucketStyle's name and content. */
    style?: { name: string; content: string };
    /** CreateAccessPoint / GetAccessPoint; ListAccessPoints' entries. */
    accessPointArn?: string;
    alias?: string;
    accessPoint?: { accessPointName: string; bucket: string; networkOrigin: string; status: string; alias: string };
    accessPoints?: { accessPointName: string; bucket: string; alias: string }[];
    /** GetAccessPointPolicy's text. */
    policy?: string;
    /** Get*PublicAccessBlock. */
    blockPublicAccess?: boolean;
    /** A documents.ts API's result fields, named as PY2's result model in camelCase (headers and ResultBase left out). */
    result?: Record<string, unknown>;
    /** GetMetaQueryStatus's State; DoMetaQuery's file names, NextToken and aggregations. */
    metaQueryState?: string;
    metaQueryFiles?: string[];
    metaQueryNextToken?: string;
    metaQueryAggregations?: { field: string; operation: string; value?: number }[];
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
  /** The target is local-oss with its admin API (/-/…) on `endpoint`: the in-process emulator target. */
  adminApi?: boolean;
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
  | 'image'
  | 'saveas'
  | 'style'
  | 'objects'
  | 'versioning'
  | 'lifecycle'
  | 'access-points'
  | 'public-access-block'
  | 'metaquery'
  | 'replication'
  | 'inventory'
  | 'needs-admin'
  | 'tagging'
  | 'listing'
  | 'acl'
  | 'multipart'
  | 'callback'
  | 'worm'
  | 'archive'
  | 'conditions'
  | 'encoding'
  | 'auth'
  | 'bucket-config'
  | 'symlink'
  | 'append'
  | 'needs-admin-api'
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
