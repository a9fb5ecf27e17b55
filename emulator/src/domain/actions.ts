// What each API needs from a RAM or bucket policy: the actions real OSS checks and the resource each applies to
// (docs/permissions.md §1, one row per API with its source). Pure: the HTTP layer supplies the request's facts.
import { kmsArn, ossArn, type ArnContext } from './policy.js';
import { DEFAULT_KMS_KEY_ID } from './encryption.js';

export type ApiName =
  | 'ListBuckets' | 'PutBucket' | 'DeleteBucket' | 'GetBucketInfo' | 'GetBucketLocation' | 'GetBucketAcl'
  | 'PutBucketAcl' | 'PutBucketVersioning' | 'GetBucketVersioning' | 'ListObjects' | 'ListObjectVersions'
  | 'ListMultipartUploads' | 'InitiateBucketWorm' | 'AbortBucketWorm' | 'CompleteBucketWorm' | 'ExtendBucketWorm'
  | 'GetBucketWorm' | 'PutBucketObjectWormConfiguration' | 'GetBucketObjectWormConfiguration' | 'PutBucketPolicy'
  | 'GetBucketPolicy' | 'DeleteBucketPolicy' | 'PutObject' | 'PostObject' | 'GetObject' | 'HeadObject' | 'GetObjectMeta'
  | 'DeleteObject' | 'DeleteMultipleObjects' | 'CopyObject' | 'AppendObject' | 'PutObjectAcl' | 'GetObjectAcl'
  | 'PutObjectTagging' | 'GetObjectTagging' | 'DeleteObjectTagging' | 'PutObjectRetention' | 'GetObjectRetention'
  | 'PutObjectLegalHold' | 'GetObjectLegalHold' | 'InitiateMultipartUpload' | 'UploadPart' | 'UploadPartCopy'
  | 'CompleteMultipartUpload' | 'AbortMultipartUpload' | 'ListParts' | 'ListLiveChannel'
  | 'PutBucketTags' | 'GetBucketTags' | 'DeleteBucketTags' | 'GetBucketStat' | 'DescribeRegions'
  | 'PutBucketOverwriteConfig' | 'GetBucketOverwriteConfig' | 'DeleteBucketOverwriteConfig'
  | 'PutBucketWebsite' | 'GetBucketWebsite' | 'DeleteBucketWebsite'
  | 'PutBucketHttpsConfig' | 'GetBucketHttpsConfig'
  | 'PutBucketInventory' | 'GetBucketInventory' | 'ListBucketInventory' | 'DeleteBucketInventory'
  | 'PutBucketReplication' | 'GetBucketReplication' | 'DeleteBucketReplication' | 'PutBucketRTC'
  | 'GetBucketReplicationLocation' | 'GetBucketReplicationProgress'
  | 'CreateCnameToken' | 'GetCnameToken' | 'PutCname' | 'ListCname' | 'DeleteCname'
  | 'PutBucketCallbackPolicy' | 'GetBucketCallbackPolicy' | 'DeleteBucketCallbackPolicy'
  | 'PutBucketEncryption' | 'GetBucketEncryption' | 'DeleteBucketEncryption'
  | 'PutBucketCors' | 'GetBucketCors' | 'DeleteBucketCors' | 'RestoreObject' | 'CleanRestoredObject'
  | 'SealAppendObject' | 'PutSymlink' | 'GetSymlink' | 'PutBucketArchiveDirectRead' | 'GetBucketArchiveDirectRead'
  | 'SelectObject' | 'CreateSelectObjectMeta'
  | 'PutBucketLifecycle' | 'GetBucketLifecycle' | 'DeleteBucketLifecycle'
  | 'PutBucketAccessMonitor' | 'GetBucketAccessMonitor' | 'PutBucketTransferAcceleration' | 'GetBucketTransferAcceleration'
  | 'PutBucketResourceGroup' | 'GetBucketResourceGroup'
  | 'PutBucketLogging' | 'GetBucketLogging' | 'DeleteBucketLogging'
  | 'PutUserDefinedLogFieldsConfig' | 'GetUserDefinedLogFieldsConfig' | 'DeleteUserDefinedLogFieldsConfig'
  | 'CreateBucketDataRedundancyTransition' | 'GetBucketDataRedundancyTransition' | 'DeleteBucketDataRedundancyTransition'
  | 'ListBucketDataRedundancyTransition' | 'ListUserDataRedundancyTransition'
  | 'PutBucketReferer' | 'GetBucketReferer'
  | 'PutBucketRequestPayment' | 'GetBucketRequestPayment'
  | 'PutBucketPublicAccessBlock' | 'GetBucketPublicAccessBlock' | 'DeleteBucketPublicAccessBlock'
  | 'GetBucketPolicyStatus'
  | 'PutPublicAccessBlock' | 'GetPublicAccessBlock' | 'DeletePublicAccessBlock'
  | 'CreateAccessPoint' | 'GetAccessPoint' | 'ListAccessPoints' | 'DeleteAccessPoint'
  | 'PutAccessPointPolicy' | 'GetAccessPointPolicy' | 'DeleteAccessPointPolicy'
  | 'PutAccessPointPublicAccessBlock' | 'GetAccessPointPublicAccessBlock' | 'DeleteAccessPointPublicAccessBlock'
  | 'PutStyle' | 'GetStyle' | 'ListStyle' | 'DeleteStyle' | 'ProcessObject'
  | 'OpenMetaQuery' | 'GetMetaQueryStatus' | 'DoMetaQuery' | 'CloseMetaQuery'
  | 'PutLiveChannel' | 'PutLiveChannelStatus' | 'GetLiveChannelInfo' | 'DeleteLiveChannel' | 'GetLiveChannelStat'
  | 'GetLiveChannelHistory' | 'PostVodPlaylist' | 'GetVodPlaylist'
  | 'GetUserQosInfo' | 'ListResourcePools' | 'GetResourcePoolInfo' | 'ListResourcePoolBuckets' | 'PutResourcePoolRequesterQoSInfo' | 'GetResourcePoolRequesterQoSInfo' | 'ListResourcePoolRequesterQoSInfos' | 'DeleteResourcePoolRequesterQoSInfo'
  | 'PutAsyncFetchTask' | 'GetAsyncFetchTask'
  | 'PutBucketQoSInfo' | 'GetBucketQoSInfo' | 'DeleteBucketQoSInfo' | 'PutBucketStorageCapacity' | 'GetBucketStorageCapacity' | 'PutBucketRequesterQoSInfo' | 'GetBucketRequesterQoSInfo' | 'ListBucketRequesterQoSInfos' | 'DeleteBucketRequesterQoSInfo';

const ACCOUNT_APIS: ReadonlySet<ApiName> = new Set<ApiName>([
  'GetUserQosInfo', 'ListResourcePools', 'GetResourcePoolInfo', 'ListResourcePoolBuckets', 'PutResourcePoolRequesterQoSInfo', 'GetResourcePoolRequesterQoSInfo', 'ListResourcePoolRequesterQoSInfos', 'DeleteResourcePoolRequesterQoSInfo',
]);

/** One permission a request needs: an action on a resource ARN. */
export interface Check {
  action: string;
  resource: string;
}

/** The request facts that change which actions an API needs. */
export interface RequestFacts {
  bucket?: string;
  key?: string;
  /** A versionId query parameter addresses a specific version (the *Version* action variants). */
  versionId?: boolean;
  /** x-oss-tagging sent on a write: oss:PutObjectTagging too. */
  setsTags?: boolean;
  /** SSE-KMS on a write: the KMS key whose kms:GenerateDataKey and kms:Decrypt the caller needs. */
  kmsKeyId?: string;
}

/**
 * The facts a request's headers give before its handler runs: SSE-KMS on a write names the key whose permissions it
 * needs; x-oss-tagging needs oss:PutObjectTagging — on a copy only with the Replace directive (with Copy, the
 * source's tags are checked once it is resolved: copySourceChecks).
 */
export function headerFacts(api: ApiName, header: (name: string) => string): Pick<RequestFacts, 'setsTags' | 'kmsKeyId'> {
  const kmsKeyId =
    header('x-oss-server-side-encryption') === 'KMS' ? header('x-oss-server-side-encryption-key-id') || DEFAULT_KMS_KEY_ID : undefined;
  const setsTags = header('x-oss-tagging') !== '' && (api !== 'CopyObject' || header('x-oss-tagging-directive').toLowerCase() === 'replace');
  return { setsTags, ...(kmsKeyId !== undefined ? { kmsKeyId } : {}) };
}

const BUCKET_ACTIONS: Partial<Record<ApiName, string>> = {
  PutBucket: 'oss:PutBucket',
  DeleteBucket: 'oss:DeleteBucket',
  GetBucketInfo: 'oss:GetBucketInfo',
  GetBucketLocation: 'oss:GetBucketLocation',
  GetBucketAcl: 'oss:GetBucketAcl',
  PutBucketAcl: 'oss:PutBucketAcl',
  PutBucketVersioning: 'oss:PutBucketVersioning',
  GetBucketVersioning: 'oss:GetBucketVersioning',
  // ListObjectsV2 has no action of its own [I]: it is oss:ListObjects.
  ListObjects: 'oss:ListObjects',
  ListObjectVersions: 'oss:ListObjectVersions',
  ListMultipartUploads: 'oss:ListMultipartUploads',
  ListLiveChannel: 'oss:ListLiveChannel',
  // Named after the API [I]; the object it lands is checked by the landing funnel's rules, not by oss:PutObject.
  PutAsyncFetchTask: 'oss:PutAsyncFetchTask',
  GetAsyncFetchTask: 'oss:GetAsyncFetchTask',
  // QoS: named after the API [I]; the storage capacity ones are oss:PutBucketUserQos / oss:GetBucketUserQos after
  // the API's XML name (BucketUserQos) [I].
  PutBucketQoSInfo: 'oss:PutBucketQoSInfo',
  GetBucketQoSInfo: 'oss:GetBucketQoSInfo',
  DeleteBucketQoSInfo: 'oss:DeleteBucketQoSInfo',
  PutBucketStorageCapacity: 'oss:PutBucketUserQos',
  GetBucketStorageCapacity: 'oss:GetBucketUserQos',
  PutBucketRequesterQoSInfo: 'oss:PutBucketRequesterQoSInfo',
  GetBucketRequesterQoSInfo: 'oss:GetBucketRequesterQoSInfo',
  ListBucketRequesterQoSInfos: 'oss:ListBucketRequesterQoSInfos',
  DeleteBucketRequesterQoSInfo: 'oss:DeleteBucketRequesterQoSInfo',
  // The LiveChannel API pages name `oss:<API>` (API:PutLiveChannelStatus → oss:PutLiveChannelStatus); the rest by that
  // pattern [I]. Bucket-level: a channel is not an object.
  PutLiveChannel: 'oss:PutLiveChannel',
  PutLiveChannelStatus: 'oss:PutLiveChannelStatus',
  GetLiveChannelInfo: 'oss:GetLiveChannelInfo',
  DeleteLiveChannel: 'oss:DeleteLiveChannel',
  GetLiveChannelStat: 'oss:GetLiveChannelStat',
  GetLiveChannelHistory: 'oss:GetLiveChannelHistory',
  PostVodPlaylist: 'oss:PostVodPlaylist',
  GetVodPlaylist: 'oss:GetVodPlaylist',
  // DoMetaQuery API reference: "you must have the oss:DoMetaQuery permission"; the others named after their API [I].
  OpenMetaQuery: 'oss:OpenMetaQuery',
  GetMetaQueryStatus: 'oss:GetMetaQueryStatus',
  DoMetaQuery: 'oss:DoMetaQuery',
  CloseMetaQuery: 'oss:CloseMetaQuery',
  InitiateBucketWorm: 'oss:InitiateBucketWorm',
  AbortBucketWorm: 'oss:AbortBucketWorm',
  CompleteBucketWorm: 'oss:CompleteBucketWorm',
  ExtendBucketWorm: 'oss:ExtendBucketWorm',
  GetBucketWorm: 'oss:GetBucketWorm',
  PutBucketObjectWormConfiguration: 'oss:PutBucketObjectWormConfiguration',
  GetBucketObjectWormConfiguration: 'oss:GetBucketObjectWormConfiguration',
  PutBucketPolicy: 'oss:PutBucketPolicy',
  GetBucketPolicy: 'oss:GetBucketPolicy',
  DeleteBucketPolicy: 'oss:DeleteBucketPolicy',
  // Bucket tags: the actions are named …Tagging, not …Tags (bucket tagging SDK pages: "oss:PutBucketTagging").
  PutBucketTags: 'oss:PutBucketTagging',
  GetBucketTags: 'oss:GetBucketTagging',
  DeleteBucketTags: 'oss:DeleteBucketTagging',
  GetBucketStat: 'oss:GetBucketStat',
  PutBucketOverwriteConfig: 'oss:PutBucketOverwriteConfig',
  GetBucketOverwriteConfig: 'oss:GetBucketOverwriteConfig',
  DeleteBucketOverwriteConfig: 'oss:DeleteBucketOverwriteConfig',
  PutBucketWebsite: 'oss:PutBucketWebsite',
  GetBucketWebsite: 'oss:GetBucketWebsite',
  DeleteBucketWebsite: 'oss:DeleteBucketWebsite',
  PutBucketHttpsConfig: 'oss:PutBucketHttpsConfig',
  GetBucketHttpsConfig: 'oss:GetBucketHttpsConfig',
  PutBucketInventory: 'oss:PutBucketInventory',
  GetBucketInventory: 'oss:GetBucketInventory',
  ListBucketInventory: 'oss:GetBucketInventory',
  DeleteBucketInventory: 'oss:DeleteBucketInventory',
  PutBucketReplication: 'oss:PutBucketReplication',
  GetBucketReplication: 'oss:GetBucketReplication',
  DeleteBucketReplication: 'oss:DeleteBucketReplication',
  PutBucketRTC: 'oss:PutBucketRTC',
  GetBucketReplicationLocation: 'oss:GetBucketReplicationLocation',
  GetBucketReplicationProgress: 'oss:GetBucketReplicationProgress',
  CreateCnameToken: 'oss:CreateCnameToken',
  GetCnameToken: 'oss:GetCnameToken',
  PutCname: 'oss:PutCname',
  ListCname: 'oss:ListCname',
  DeleteCname: 'oss:DeleteCname',
  // Named after the API [I]: no RAM page lists them.
  PutBucketCallbackPolicy: 'oss:PutBucketCallbackPolicy',
  GetBucketCallbackPolicy: 'oss:GetBucketCallbackPolicy',
  DeleteBucketCallbackPolicy: 'oss:DeleteBucketCallbackPolicy',
  PutBucketEncryption: 'oss:PutBucketEncryption',
  GetBucketEncryption: 'oss:GetBucketEncryption',
  DeleteBucketEncryption: 'oss:DeleteBucketEncryption',
  PutBucketCors: 'oss:PutBucketCors',
  GetBucketCors: 'oss:GetBucketCors',
  DeleteBucketCors: 'oss:DeleteBucketCors',
  PutBucketArchiveDirectRead: 'oss:PutBucketArchiveDirectRead',
  GetBucketArchiveDirectRead: 'oss:GetBucketArchiveDirectRead',
  PutBucketLifecycle: 'oss:PutBucketLifecycle',
  GetBucketLifecycle: 'oss:GetBucketLifecycle',
  DeleteBucketLifecycle: 'oss:DeleteBucketLifecycle',
  PutBucketAccessMonitor: 'oss:PutBucketAccessMonitor',
  GetBucketAccessMonitor: 'oss:GetBucketAccessMonitor',
  PutBucketTransferAcceleration: 'oss:PutBucketTransferAcceleration',
  GetBucketTransferAcceleration: 'oss:GetBucketTransferAcceleration',
  PutBucketResourceGroup: 'oss:PutBucketResourceGroup',
  GetBucketResourceGroup: 'oss:GetBucketResourceGroup',
  PutBucketLogging: 'oss:PutBucketLogging',
  GetBucketLogging: 'oss:GetBucketLogging',
  DeleteBucketLogging: 'oss:DeleteBucketLogging',
  PutUserDefinedLogFieldsConfig: 'oss:PutUserDefinedLogFieldsConfig',
  GetUserDefinedLogFieldsConfig: 'oss:GetUserDefinedLogFieldsConfig',
  DeleteUserDefinedLogFieldsConfig: 'oss:DeleteUserDefinedLogFieldsConfig',
  CreateBucketDataRedundancyTransition: 'oss:CreateBucketDataRedundancyTransition',
  GetBucketDataRedundancyTransition: 'oss:GetBucketDataRedundancyTransition',
  DeleteBucketDataRedundancyTransition: 'oss:DeleteBucketDataRedundancyTransition',
  ListBucketDataRedundancyTransition: 'oss:ListBucketDataRedundancyTransition',
  ListUserDataRedundancyTransition: 'oss:ListUserDataRedundancyTransition',
  PutBucketReferer: 'oss:PutBucketReferer',
  GetBucketReferer: 'oss:GetBucketReferer',
  PutBucketRequestPayment: 'oss:PutBucketRequestPayment',
  GetBucketRequestPayment: 'oss:GetBucketRequestPayment',
  PutBucketPublicAccessBlock: 'oss:PutBucketPublicAccessBlock',
  GetBucketPublicAccessBlock: 'oss:GetBucketPublicAccessBlock',
  DeleteBucketPublicAccessBlock: 'oss:DeleteBucketPublicAccessBlock',
  GetBucketPolicyStatus: 'oss:GetBucketPolicyStatus',
  // Account level (service requests: resource `acs:oss:<region>:<uid>:*`) [S] the RAM policy guide's service-level
  // table (oss:PutPublicAccessBlock, oss:GetPublicAccessBlock, oss:DeletePublicAccessBlock).
  PutPublicAccessBlock: 'oss:PutPublicAccessBlock',
  GetPublicAccessBlock: 'oss:GetPublicAccessBlock',
  DeletePublicAccessBlock: 'oss:DeletePublicAccessBlock',
  // Access points [S] the API references' usage notes (oss:CreateAccessPoint …, "RAM user … must have the …
  // permission"); checked on the bucket's resource [I: the resource form], ListAccessPoints on the service's too.
  CreateAccessPoint: 'oss:CreateAccessPoint',
  GetAccessPoint: 'oss:GetAccessPoint',
  ListAccessPoints: 'oss:ListAccessPoints',
  DeleteAccessPoint: 'oss:DeleteAccessPoint',
  PutAccessPointPolicy: 'oss:PutAccessPointPolicy',
  GetAccessPointPolicy: 'oss:GetAccessPointPolicy',
  DeleteAccessPointPolicy: 'oss:DeleteAccessPointPolicy',
  PutAccessPointPublicAccessBlock: 'oss:PutAccessPointPublicAccessBlock',
  GetAccessPointPublicAccessBlock: 'oss:GetAccessPointPublicAccessBlock',
  DeleteAccessPointPublicAccessBlock: 'oss:DeleteAccessPointPublicAccessBlock',
  PutStyle: 'oss:PutStyle',
  GetStyle: 'oss:GetStyle',
  ListStyle: 'oss:ListStyle',
  DeleteStyle: 'oss:DeleteStyle',
};

/** Object actions, and the variant used when a versionId is given (ACT21 lists the *Version* actions). */
const OBJECT_ACTIONS: Partial<Record<ApiName, [string, string?]>> = {
  PutObject: ['oss:PutObject'],
  // PostObject: "you must have the oss:PutObject permission" (API reference PostObject); its key is in the form, so
  // the handler asks for PutObject's checks once it has read it (api/postObject.ts).
  PostObject: ['oss:PutObject'],
  AppendObject: ['oss:PutObject'],
  // ProcessObject: oss:PostProcessTask here; oss:GetObject on the source and oss:PutObject on the target in
  // api/imageProcess.ts (issue 21's list; docs/permissions.md).
  ProcessObject: ['oss:PostProcessTask'],
  GetObject: ['oss:GetObject', 'oss:GetObjectVersion'],
  HeadObject: ['oss:GetObject', 'oss:GetObjectVersion'],
  GetObjectMeta: ['oss:GetObject', 'oss:GetObjectVersion'],
  // ossutil select-object: "requires oss:GetObject"; create-select-object-meta: "必须拥有oss:PutObject权限" (it
  // records the meta on the object). docs/permissions.md.
  SelectObject: ['oss:GetObject', 'oss:GetObjectVersion'],
  CreateSelectObjectMeta: ['oss:PutObject'],
  DeleteObject: ['oss:DeleteObject', 'oss:DeleteObjectVersion'],
  PutObjectAcl: ['oss:PutObjectAcl', 'oss:PutObjectVersionAcl'],
  GetObjectAcl: ['oss:GetObjectAcl', 'oss:GetObjectVersionAcl'],
  PutObjectTagging: ['oss:PutObjectTagging', 'oss:PutObjectVersionTagging'],
  GetObjectTagging: ['oss:GetObjectTagging', 'oss:GetObjectVersionTagging'],
  DeleteObjectTagging: ['oss:DeleteObjectTagging', 'oss:DeleteObjectVersionTagging'],
  PutObjectRetention: ['oss:PutObjectRetention'],
  GetObjectRetention: ['oss:GetObjectRetention'],
  PutObjectLegalHold: ['oss:PutObjectLegalHold'],
  GetObjectLegalHold: ['oss:GetObjectLegalHold'],
  InitiateMultipartUpload: ['oss:PutObject'],
  UploadPart: ['oss:PutObject'],
  UploadPartCopy: ['oss:PutObject'],
  CopyObject: ['oss:PutObject'],
  CompleteMultipartUpload: ['oss:PutObject'],
  AbortMultipartUpload: ['oss:AbortMultipartUpload'],
  ListParts: ['oss:ListParts'],
  RestoreObject: ['oss:RestoreObject'],
  CleanRestoredObject: ['oss:CleanRestoredObject'],
  SealAppendObject: ['oss:PutObject'],
  PutSymlink: ['oss:PutObject'],
  GetSymlink: ['oss:GetObject', 'oss:GetObjectVersion'],
};

/** KMS envelope encryption needs both a new data key and its decryption (docs/permissions.md §1, PutObject). */
export function kmsChecks(at: ArnContext, keyId: string): Check[] {
  const resource = kmsArn(at, keyId);
  return [
    { action: 'kms:GenerateDataKey', resource },
    { action: 'kms:Decrypt', resource },
  ];
}

/**
 * What the request itself needs, from the route and its headers alone. CopyObject and UploadPartCopy need more,
 * on their source, once it is resolved (copyChecks); reads of an SSE-KMS object need kms:Decrypt (decryptChecks).
 */
export function requestChecks(api: ApiName, at: ArnContext, facts: RequestFacts): Check[] {
  if (api === 'ListBuckets') return [{ action: 'oss:ListBuckets', resource: ossArn(at) }];
  if (api === 'DescribeRegions') return [{ action: 'oss:DescribeRegions', resource: ossArn(at) }];
  // Account-level QoS and resource pool APIs: the action named after the API on the account [I].
  if (ACCOUNT_APIS.has(api)) return [{ action: `oss:${api}`, resource: ossArn(at) }];
  const bucketAction = BUCKET_ACTIONS[api];
  if (bucketAction !== undefined) return [{ action: bucketAction, resource: ossArn(at, facts.bucket) }];
  // DeleteMultipleObjects is checked per key by the handler (deleteChecks): the keys are in the body.
  if (api === 'DeleteMultipleObjects') return [];
  const actions = OBJECT_ACTIONS[api];
  if (actions === undefined) throw new Error(`no permission row for ${api}`);
  const resource = ossArn(at, facts.bucket, facts.key);
  const [plain, versioned] = actions;
  const checks: Check[] = [{ action: facts.versionId && versioned ? versioned : plain, resource }];
  const writes = api === 'PutObject' || api === 'AppendObject' || api === 'InitiateMultipartUpload';
  if (writes && facts.setsTags) checks.push({ action: 'oss:PutObjectTagging', resource });
  if ((writes || api === 'CopyObject') && facts.kmsKeyId !== undefined) checks.push(...kmsChecks(at, facts.kmsKeyId));
  if (api === 'CopyObject' && facts.setsTags) checks.push({ action: 'oss:PutObjectTagging', resource });
  return checks;
}

/** DeleteMultipleObjects: oss:DeleteObject per key, the Version variant for entries with a VersionId [I]. */
export function deleteChecks(at: ArnContext, bucket: string, entries: { key: string; versionId?: string }[]): Check[] {
  return entries.map((e) => ({
    action: e.versionId !== undefined ? 'oss:DeleteObjectVersion' : 'oss:DeleteObject',
    resource: ossArn(at, bucket, e.key),
  }));
}

export interface CopySourceFacts {
  bucket: string;
  key: string;
  /** ?versionId= in x-oss-copy-source. */
  versionId: boolean;
  /** The source's tags end up on the destination (directive Copy and the source has tags). */
  copiesTags: boolean;
  /** The source is SSE-KMS encrypted with this key: reading it needs kms:Decrypt. */
  kmsKeyId?: string;
}

/**
 * The source side of CopyObject / UploadPartCopy (docs/permissions.md §1, from the CopyObject and UploadPartCopy
 * "Permissions" tables): oss:GetObject, oss:GetObjectVersion for a specific version, and — CopyObject only —
 * oss:GetObjectTagging (oss:GetObjectVersionTagging for a version) when tags are copied, with
 * oss:PutObjectTagging on the destination for them.
 */
export function copySourceChecks(at: ArnContext, source: CopySourceFacts, destination?: { bucket: string; key: string }): Check[] {
  const resource = ossArn(at, source.bucket, source.key);
  const checks: Check[] = [{ action: 'oss:GetObject', resource }];
  if (source.versionId) checks.push({ action: 'oss:GetObjectVersion', resource });
  if (destination !== undefined && source.copiesTags) {
    checks.push({ action: source.versionId ? 'oss:GetObjectVersionTagging' : 'oss:GetObjectTagging', resource });
    checks.push({ action: 'oss:PutObjectTagging', resource: ossArn(at, destination.bucket, destination.key) });
  }
  if (source.kmsKeyId !== undefined) checks.push({ action: 'kms:Decrypt', resource: kmsArn(at, source.kmsKeyId) });
  return checks;
}

/** Reading an SSE-KMS object needs kms:Decrypt on its key (GetObject "Permissions" table). */
export function decryptChecks(at: ArnContext, keyId: string): Check[] {
  return [{ action: 'kms:Decrypt', resource: kmsArn(at, keyId) }];
}
