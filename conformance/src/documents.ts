// The bucket-configuration, symlink and append APIs (issues 19, 20) described once: the request and result fields
// are the Python SDK v2's request / result models in camelCase (`Params.request`, `Outcome.data.result`), so the
// client and python-v2 drivers pass them through; the raw drivers build and read the XML from the schemas below,
// element names as the OSS API reference has them (PutBucketCors, PutBucketReferer … pages; PY2 models/*.py name
// the same elements). A schema maps a camelCase field to its element and type; `[T]` is a repeated element, an
// element `A/B` is B repeated inside a wrapper A (the client's xmlSchema.ts codec writes and reads them).
import { buildXml, fromXmlTree, toXmlTree, type XmlObjectSchema, type XmlScalar, type XmlSchema } from '@local-oss/client';

type Scalar = XmlScalar;
type Schema = XmlSchema;
type ObjectSchema = XmlObjectSchema;

export type DocumentApi =
  | 'ListBuckets'
  | 'DescribeRegions'
  | 'PutBucketPolicy'
  | 'GetBucketPolicy'
  | 'DeleteBucketPolicy'
  | 'GetBucketPolicyStatus'
  | 'PutUserDefinedLogFieldsConfig'
  | 'GetUserDefinedLogFieldsConfig'
  | 'DeleteUserDefinedLogFieldsConfig'
  | 'GetBucketStat'
  | 'PutBucketCors'
  | 'GetBucketCors'
  | 'DeleteBucketCors'
  | 'OptionObject'
  | 'PutBucketEncryption'
  | 'GetBucketEncryption'
  | 'DeleteBucketEncryption'
  | 'PutBucketOverwriteConfig'
  | 'GetBucketOverwriteConfig'
  | 'DeleteBucketOverwriteConfig'
  | 'PutBucketReferer'
  | 'GetBucketReferer'
  | 'PutBucketWebsite'
  | 'GetBucketWebsite'
  | 'DeleteBucketWebsite'
  | 'PutBucketRequestPayment'
  | 'GetBucketRequestPayment'
  | 'PutBucketTags'
  | 'GetBucketTags'
  | 'DeleteBucketTags'
  | 'PutBucketLogging'
  | 'GetBucketLogging'
  | 'DeleteBucketLogging'
  | 'PutBucketInventory'
  | 'GetBucketInventory'
  | 'ListBucketInventory'
  | 'DeleteBucketInventory'
  | 'PutBucketTransferAcceleration'
  | 'GetBucketTransferAcceleration'
  | 'PutBucketResourceGroup'
  | 'GetBucketResourceGroup'
  | 'PutBucketHttpsConfig'
  | 'GetBucketHttpsConfig'
  | 'PutBucketAccessMonitor'
  | 'GetBucketAccessMonitor'
  | 'PutBucketArchiveDirectRead'
  | 'GetBucketArchiveDirectRead'
  | 'CreateBucketDataRedundancyTransition'
  | 'GetBucketDataRedundancyTransition'
  | 'ListBucketDataRedundancyTransition'
  | 'DeleteBucketDataRedundancyTransition'
  | 'CreateCnameToken'
  | 'GetCnameToken'
  | 'PutCname'
  | 'ListCname'
  | 'DeleteCname'
  | 'PutBucketPublicAccessBlock'
  | 'GetBucketPublicAccessBlock'
  | 'DeleteBucketPublicAccessBlock'
  | 'PutBucketCallbackPolicy'
  | 'GetBucketCallbackPolicy'
  | 'DeleteBucketCallbackPolicy'
  | 'PutSymlink'
  | 'GetSymlink'
  | 'AppendObject'
  | 'SealAppendObject'
  | 'CleanRestoredObject';

type Fields = Record<string, unknown>;
type Query = [string, string | undefined][];

export interface DocumentSpec {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS';
  scope: 'service' | 'bucket' | 'object';
  query?: (r: Fields) => Query;
  headers?: (r: Fields) => Record<string, string | undefined>;
  /** The request field holding a text body sent as is (PutBucketPolicy's JSON). */
  textBody?: string;
  /** The result field the answer's body goes into as text (GetBucketPolicy). */
  resultText?: string;
  /** The request field holding the body document, its root element and schema. */
  body?: { field: string; root: string; schema: ObjectSchema };
  /** The result document: into one result field, or (no field) its children are the result's own fields. */
  result?: { field?: string; root: string; schema: ObjectSchema };
  /** Result fields read from response headers. */
  resultHeaders?: Record<string, [header: string, type: Scalar]>;
}

const s = (element: string): [string, Schema] => [element, 's'];
const n = (element: string): [string, Schema] => [element, 'n'];
const b = (element: string): [string, Schema] => [element, 'b'];
const list = (element: string, schema: Schema = 's'): [string, Schema] => [element, [schema]];

const CORS: ObjectSchema = {
  corsRules: list('CORSRule', {
    allowedOrigins: list('AllowedOrigin'),
    allowedMethods: list('AllowedMethod'),
    allowedHeaders: list('AllowedHeader'),
    exposeHeaders: list('ExposeHeader'),
    maxAgeSeconds: n('MaxAgeSeconds'),
  }),
  responseVary: b('ResponseVary'),
};
const ENCRYPTION: ObjectSchema = {
  applyServerSideEncryptionByDefault: ['ApplyServerSideEncryptionByDefault', { sseAlgorithm: s('SSEAlgorithm'), kmsMasterKeyId: s('KMSMasterKeyID'), kmsDataEncryption: s('KMSDataEncryption') }],
};
const OVERWRITE: ObjectSchema = {
  rules: list('Rule', { id: s('ID'), action: s('Action'), prefix: s('Prefix'), suffix: s('Suffix'), principals: ['Principals', { principals: list('Principal') }] }),
};
const REFERER: ObjectSchema = {
  allowEmptyReferer: b('AllowEmptyReferer'),
  allowTruncateQueryString: b('AllowTruncateQueryString'),
  truncatePath: b('TruncatePath'),
  refererList: ['RefererList', { referers: list('Referer') }],
  refererBlacklist: ['RefererBlacklist', { referers: list('Referer') }],
};
const WEBSITE: ObjectSchema = {
  indexDocument: ['IndexDocument', { suffix: s('Suffix'), supportSubDir: b('SupportSubDir'), type: n('Type') }],
  errorDocument: ['ErrorDocument', { key: s('Key'), httpStatus: n('HttpStatus') }],
};
const TAGGING: ObjectSchema = { tagSet: ['TagSet', { tags: list('Tag', { key: s('Key'), value: s('Value') }) }] };
const LOGGING: ObjectSchema = { loggingEnabled: ['LoggingEnabled', { targetBucket: s('TargetBucket'), targetPrefix: s('TargetPrefix') }] };
const INVENTORY: ObjectSchema = {
  id: s('Id'),
  isEnabled: b('IsEnabled'),
  destination: ['Destination', { ossBucketDestination: ['OSSBucketDestination', { format: s('Format'), accountId: s('AccountId'), roleArn: s('RoleArn'), bucket: s('Bucket'), prefix: s('Prefix') }] }],
  schedule: ['Schedule', { frequency: s('Frequency') }],
  filter: ['Filter', { prefix: s('Prefix') }],
  includedObjectVersions: s('IncludedObjectVersions'),
  optionalFields: ['OptionalFields', { fields: list('Field') }],
};
const REDUNDANCY: ObjectSchema = { bucket: s('Bucket'), taskId: s('TaskId'), status: s('Status'), createTime: s('CreateTime'), startTime: s('StartTime'), endTime: s('EndTime'), processPercentage: n('ProcessPercentage') };
const CNAME_CONFIG: ObjectSchema = { cname: ['Cname', { domain: s('Domain') }] };
const CNAME_TOKEN: ObjectSchema = { bucket: s('Bucket'), cname: s('Cname'), token: s('Token'), expireTime: s('ExpireTime') };
const LOG_FIELDS: ObjectSchema = { headerSet: ['HeaderSet', { headers: list('header') }], paramSet: ['ParamSet', { parameters: list('parameter') }] };
const CALLBACK_POLICY: ObjectSchema = { policyItems: list('PolicyItem', { policyName: s('PolicyName'), callback: s('Callback'), callbackVar: s('CallbackVar') }) };

const sub = (name: string, extra: (r: Fields) => Query = () => []) => (r: Fields): Query => [[name, undefined], ...extra(r)];
const opt = (name: string, v: unknown): Query => (v === undefined ? [] : [[name, String(v)]]);
const get = (name: string, root: string, field: string, schema: ObjectSchema): DocumentSpec => ({ method: 'GET', scope: 'bucket', query: sub(name), result: { field, root, schema } });
const put = (name: string, root: string, field: string, schema: ObjectSchema): DocumentSpec => ({ method: 'PUT', scope: 'bucket', query: sub(name), body: { field, root, schema } });
const del = (name: string): DocumentSpec => ({ method: 'DELETE', scope: 'bucket', query: sub(name) });

export const DOCUMENTS: Record<DocumentApi, DocumentSpec> = {
  ListBuckets: {
    method: 'GET',
    scope: 'service',
    query: (r) => [...opt('prefix', r.prefix), ...opt('marker', r.marker), ...opt('max-keys', r.maxKeys), ...opt('tag-key', r.tagKey), ...opt('tag-value', r.tagValue)],
    result: {
      root: 'ListAllMyBucketsResult',
      schema: {
        prefix: s('Prefix'),
        marker: s('Marker'),
        maxKeys: n('MaxKeys'),
        isTruncated: b('IsTruncated'),
        nextMarker: s('NextMarker'),
        buckets: list('Buckets/Bucket', { name: s('Name'), location: s('Location'), region: s('Region'), storageClass: s('StorageClass'), creationDate: s('CreationDate') }),
      },
    },
  },
  DescribeRegions: {
    method: 'GET',
    scope: 'service',
    query: (r) => [['regions', r.regions === undefined ? undefined : String(r.regions)]],
    result: { root: 'RegionInfoList', schema: { regionInfo: list('RegionInfo', { region: s('Region'), internetEndpoint: s('InternetEndpoint'), internalEndpoint: s('InternalEndpoint'), accelerateEndpoint: s('AccelerateEndpoint') }) } },
  },
  PutBucketPolicy: { method: 'PUT', scope: 'bucket', query: sub('policy'), textBody: 'body' },
  GetBucketPolicy: { method: 'GET', scope: 'bucket', query: sub('policy'), resultText: 'body' },
  DeleteBucketPolicy: del('policy'),
  GetBucketPolicyStatus: get('policyStatus', 'PolicyStatus', 'policyStatus', { isPublic: b('IsPublic') }),
  PutUserDefinedLogFieldsConfig: put('userDefinedLogFieldsConfig', 'UserDefinedLogFieldsConfiguration', 'userDefinedLogFieldsConfiguration', LOG_FIELDS),
  GetUserDefinedLogFieldsConfig: get('userDefinedLogFieldsConfig', 'UserDefinedLogFieldsConfiguration', 'userDefinedLogFieldsConfiguration', LOG_FIELDS),
  DeleteUserDefinedLogFieldsConfig: del('userDefinedLogFieldsConfig'),
  GetBucketStat: {
    method: 'GET',
    scope: 'bucket',
    query: sub('stat'),
    result: {
      root: 'BucketStat',
      schema: {
        storage: n('Storage'),
        objectCount: n('ObjectCount'),
        multiPartUploadCount: n('MultipartUploadCount'),
        liveChannelCount: n('LiveChannelCount'),
        lastModifiedTime: n('LastModifiedTime'),
        standardStorage: n('StandardStorage'),
        standardObjectCount: n('StandardObjectCount'),
        archiveObjectCount: n('ArchiveObjectCount'),
        deleteMarkerCount: n('DeleteMarkerCount'),
      },
    },
  },
  PutBucketCors: put('cors', 'CORSConfiguration', 'corsConfiguration', CORS),
  GetBucketCors: get('cors', 'CORSConfiguration', 'corsConfiguration', CORS),
  DeleteBucketCors: del('cors'),
  OptionObject: {
    method: 'OPTIONS',
    scope: 'object',
    headers: (r) => ({ origin: r.origin as string, 'access-control-request-method': r.accessControlRequestMethod as string, 'access-control-request-headers': r.accessControlRequestHeaders as string }),
    resultHeaders: {
      accessControlAllowOrigin: ['access-control-allow-origin', 's'],
      accessControlAllowMethods: ['access-control-allow-methods', 's'],
      accessControlAllowHeaders: ['access-control-allow-headers', 's'],
      accessControlExposeHeaders: ['access-control-expose-headers', 's'],
      accessControlMaxAge: ['access-control-max-age', 'n'],
    },
  },
  PutBucketEncryption: put('encryption', 'ServerSideEncryptionRule', 'serverSideEncryptionRule', ENCRYPTION),
  GetBucketEncryption: get('encryption', 'ServerSideEncryptionRule', 'serverSideEncryptionRule', ENCRYPTION),
  DeleteBucketEncryption: del('encryption'),
  PutBucketOverwriteConfig: put('overwriteConfig', 'OverwriteConfiguration', 'overwriteConfiguration', OVERWRITE),
  GetBucketOverwriteConfig: get('overwriteConfig', 'OverwriteConfiguration', 'overwriteConfiguration', OVERWRITE),
  DeleteBucketOverwriteConfig: del('overwriteConfig'),
  PutBucketReferer: put('referer', 'RefererConfiguration', 'refererConfiguration', REFERER),
  GetBucketReferer: get('referer', 'RefererConfiguration', 'refererConfiguration', REFERER),
  PutBucketWebsite: put('website', 'WebsiteConfiguration', 'websiteConfiguration', WEBSITE),
  GetBucketWebsite: get('website', 'WebsiteConfiguration', 'websiteConfiguration', WEBSITE),
  DeleteBucketWebsite: del('website'),
  PutBucketRequestPayment: put('requestPayment', 'RequestPaymentConfiguration', 'requestPaymentConfiguration', { payer: s('Payer') }),
  GetBucketRequestPayment: get('requestPayment', 'RequestPaymentConfiguration', 'requestPaymentConfiguration', { payer: s('Payer') }),
  PutBucketTags: put('tagging', 'Tagging', 'tagging', TAGGING),
  GetBucketTags: get('tagging', 'Tagging', 'tagging', TAGGING),
  DeleteBucketTags: del('tagging'),
  PutBucketLogging: put('logging', 'BucketLoggingStatus', 'bucketLoggingStatus', LOGGING),
  GetBucketLogging: get('logging', 'BucketLoggingStatus', 'bucketLoggingStatus', LOGGING),
  DeleteBucketLogging: del('logging'),
  PutBucketInventory: { ...put('inventory', 'InventoryConfiguration', 'inventoryConfiguration', INVENTORY), query: sub('inventory', (r) => opt('inventoryId', r.inventoryId)) },
  GetBucketInventory: { ...get('inventory', 'InventoryConfiguration', 'inventoryConfiguration', INVENTORY), query: sub('inventory', (r) => opt('inventoryId', r.inventoryId)) },
  ListBucketInventory: {
    method: 'GET',
    scope: 'bucket',
    query: sub('inventory', (r) => opt('continuation-token', r.continuationToken)),
    result: {
      field: 'listInventoryConfigurationsResult',
      root: 'ListInventoryConfigurationsResult',
      schema: { inventoryConfigurations: list('InventoryConfiguration', INVENTORY), isTruncated: b('IsTruncated'), nextContinuationToken: s('NextContinuationToken') },
    },
  },
  DeleteBucketInventory: { method: 'DELETE', scope: 'bucket', query: sub('inventory', (r) => opt('inventoryId', r.inventoryId)) },
  PutBucketTransferAcceleration: put('transferAcceleration', 'TransferAccelerationConfiguration', 'transferAccelerationConfiguration', { enabled: b('Enabled') }),
  GetBucketTransferAcceleration: get('transferAcceleration', 'TransferAccelerationConfiguration', 'transferAccelerationConfiguration', { enabled: b('Enabled') }),
  PutBucketResourceGroup: put('resourceGroup', 'BucketResourceGroupConfiguration', 'bucketResourceGroupConfiguration', { resourceGroupId: s('ResourceGroupId') }),
  GetBucketResourceGroup: get('resourceGroup', 'BucketResourceGroupConfiguration', 'bucketResourceGroupConfiguration', { resourceGroupId: s('ResourceGroupId') }),
  PutBucketHttpsConfig: put('httpsConfig', 'HttpsConfiguration', 'httpsConfiguration', { tls: ['TLS', { enable: b('Enable'), tlsVersions: list('TLSVersion') }] }),
  GetBucketHttpsConfig: get('httpsConfig', 'HttpsConfiguration', 'httpsConfiguration', { tls: ['TLS', { enable: b('Enable'), tlsVersions: list('TLSVersion') }] }),
  PutBucketAccessMonitor: put('accessmonitor', 'AccessMonitorConfiguration', 'accessMonitorConfiguration', { status: s('Status') }),
  GetBucketAccessMonitor: get('accessmonitor', 'AccessMonitorConfiguration', 'accessMonitorConfiguration', { status: s('Status') }),
  PutBucketArchiveDirectRead: put('bucketArchiveDirectRead', 'ArchiveDirectReadConfiguration', 'archiveDirectReadConfiguration', { enabled: b('Enabled') }),
  GetBucketArchiveDirectRead: get('bucketArchiveDirectRead', 'ArchiveDirectReadConfiguration', 'archiveDirectReadConfiguration', { enabled: b('Enabled') }),
  CreateBucketDataRedundancyTransition: {
    method: 'POST',
    scope: 'bucket',
    query: sub('redundancyTransition', (r) => opt('x-oss-target-redundancy-type', r.targetRedundancyType)),
    result: { field: 'bucketDataRedundancyTransition', root: 'BucketDataRedundancyTransition', schema: REDUNDANCY },
  },
  GetBucketDataRedundancyTransition: {
    method: 'GET',
    scope: 'bucket',
    query: sub('redundancyTransition', (r) => opt('x-oss-redundancy-transition-taskid', r.redundancyTransitionTaskid)),
    result: { field: 'bucketDataRedundancyTransition', root: 'BucketDataRedundancyTransition', schema: REDUNDANCY },
  },
  ListBucketDataRedundancyTransition: {
    method: 'GET',
    scope: 'bucket',
    query: sub('redundancyTransition'),
    result: {
      field: 'listBucketDataRedundancyTransition',
      root: 'ListBucketDataRedundancyTransition',
      schema: { bucketDataRedundancyTransition: list('BucketDataRedundancyTransition', REDUNDANCY), isTruncated: b('IsTruncated'), nextContinuationToken: s('NextContinuationToken') },
    },
  },
  DeleteBucketDataRedundancyTransition: {
    method: 'DELETE',
    scope: 'bucket',
    query: sub('redundancyTransition', (r) => opt('x-oss-redundancy-transition-taskid', r.redundancyTransitionTaskid)),
  },
  CreateCnameToken: {
    method: 'POST',
    scope: 'bucket',
    query: sub('cname', () => [['comp', 'token']]),
    body: { field: 'bucketCnameConfiguration', root: 'BucketCnameConfiguration', schema: CNAME_CONFIG },
    result: { field: 'cnameToken', root: 'CnameToken', schema: CNAME_TOKEN },
  },
  GetCnameToken: {
    method: 'GET',
    scope: 'bucket',
    // GET ?comp=token&cname=<domain>: `cname` is the domain parameter here, not a selector (PY2 operations/bucket_cname.py).
    query: (r) => [['comp', 'token'], ...opt('cname', r.cname)],
    result: { field: 'cnameToken', root: 'CnameToken', schema: CNAME_TOKEN },
  },
  PutCname: { method: 'POST', scope: 'bucket', query: sub('cname', () => [['comp', 'add']]), body: { field: 'bucketCnameConfiguration', root: 'BucketCnameConfiguration', schema: CNAME_CONFIG } },
  ListCname: {
    method: 'GET',
    scope: 'bucket',
    query: sub('cname'),
    result: { root: 'ListCnameResult', schema: { bucket: s('Bucket'), owner: s('Owner'), cnames: list('Cname', { domain: s('Domain'), lastModified: s('LastModified'), status: s('Status') }) } },
  },
  DeleteCname: { method: 'POST', scope: 'bucket', query: sub('cname', () => [['comp', 'delete']]), body: { field: 'bucketCnameConfiguration', root: 'BucketCnameConfiguration', schema: CNAME_CONFIG } },
  PutBucketPublicAccessBlock: put('publicAccessBlock', 'PublicAccessBlockConfiguration', 'publicAccessBlockConfiguration', { blockPublicAccess: b('BlockPublicAccess') }),
  GetBucketPublicAccessBlock: get('publicAccessBlock', 'PublicAccessBlockConfiguration', 'publicAccessBlockConfiguration', { blockPublicAccess: b('BlockPublicAccess') }),
  DeleteBucketPublicAccessBlock: del('publicAccessBlock'),
  PutBucketCallbackPolicy: { ...put('policy', 'BucketCallbackPolicy', 'bucketCallbackPolicy', CALLBACK_POLICY), query: sub('policy', () => [['comp', 'callback']]) },
  GetBucketCallbackPolicy: { ...get('policy', 'BucketCallbackPolicy', 'bucketCallbackPolicy', CALLBACK_POLICY), query: sub('policy', () => [['comp', 'callback']]) },
  DeleteBucketCallbackPolicy: { method: 'DELETE', scope: 'bucket', query: sub('policy', () => [['comp', 'callback']]) },
  PutSymlink: {
    method: 'PUT',
    scope: 'object',
    query: sub('symlink'),
    headers: (r) => ({ 'x-oss-symlink-target': r.target === undefined ? undefined : encodeURIComponent(String(r.target)), 'x-oss-object-acl': r.acl as string, 'x-oss-storage-class': r.storageClass as string, 'x-oss-forbid-overwrite': r.forbidOverwrite === undefined ? undefined : String(r.forbidOverwrite) }),
    resultHeaders: { versionId: ['x-oss-version-id', 's'] },
  },
  GetSymlink: {
    method: 'GET',
    scope: 'object',
    query: sub('symlink', (r) => opt('versionId', r.versionId)),
    resultHeaders: { target: ['x-oss-symlink-target', 's'], etag: ['etag', 's'], versionId: ['x-oss-version-id', 's'] },
  },
  AppendObject: {
    method: 'POST',
    scope: 'object',
    query: sub('append', (r) => opt('position', r.position)),
    headers: (r) => ({ 'content-type': (r.contentType as string | undefined) ?? 'application/octet-stream' }),
    resultHeaders: { nextPosition: ['x-oss-next-append-position', 'n'], hashCrc64: ['x-oss-hash-crc64ecma', 's'], versionId: ['x-oss-version-id', 's'] },
  },
  SealAppendObject: { method: 'POST', scope: 'object', query: sub('seal', (r) => opt('position', r.position)), resultHeaders: { sealedTime: ['x-oss-sealed-time', 's'] } },
  CleanRestoredObject: { method: 'POST', scope: 'object', query: sub('cleanRestoredObject', (r) => opt('versionId', r.versionId)) },
};

export const isDocumentApi = (api: string): api is DocumentApi => Object.hasOwn(DOCUMENTS, api);

/** The XML text of a request document. */
export function documentXml(root: string, model: Fields, schema: ObjectSchema): string {
  return buildXml(root, toXmlTree(model, schema));
}

/** A result's fields from an answer's headers and parsed XML document. */
export function resultOf(spec: DocumentSpec, headers: Record<string, string>, doc: Fields | undefined, text?: string): Fields {
  const out: Fields = {};
  if (spec.resultText && text !== undefined) out[spec.resultText] = text;
  for (const [field, [header, type]] of Object.entries(spec.resultHeaders ?? {})) {
    const v = headers[header];
    if (v !== undefined) out[field] = type === 'n' ? Number(v) : type === 'b' ? v === 'true' : field === 'target' ? decodeURIComponent(v) : v;
  }
  if (spec.result && doc) {
    const fields = fromXmlTree(doc[spec.result.root], spec.result.schema);
    if (spec.result.field) out[spec.result.field] = fields;
    else Object.assign(out, fields);
  }
  return out;
}
