// The composition root: the whole request pipeline on one screen (style: s3rver lib/routes.js), and the one table
// that maps method + scope + selector to an API handler. A request passes, in order:
//   context (request id, Date, Server) → CORS headers (on the final answer) → errors (OssError → XML / x-oss-err)
//   → health → addressing (bucket, key) → CORS preflight (OPTIONS) → route (this table; an unserved selector is
//   refused here) → bucket exists (NoSuchBucket before credentials, as OSS answers) → auth (V1/V4 headers,
//   presigned URLs) → permissions (http/access.ts) → api/<family> handler.
// Layers read top-down: this file uses http/ and api/; api/ uses http/, domain/ and store/; never the reverse.
import Koa from 'koa';
import Router from '@koa/router';
import type { Next } from 'koa';
import { OssError } from './domain/errors.js';
import { CALLBACK_MODIFIERS, selectorsOf, servesSelectors, UNSERVED_HEADERS, UNSERVED_MODIFIERS, type Selecting } from './domain/subresources.js';
import { closeOnUnreadBody } from './http/unreadBody.js';
import { context } from './http/context.js';
import { errors } from './http/errors.js';
import { addressing } from './http/addressing.js';
import { auth } from './http/auth.js';
import { arnContext, permit, type Access } from './http/access.js';
import type { OssContext, OssState } from './http/state.js';
import * as service from './api/service.js';
import * as bucket from './api/bucket.js';
import * as object from './api/object.js';
import * as list from './api/list.js';
import * as acl from './api/acl.js';
import * as append from './api/append.js';
import * as copy from './api/copy.js';
import * as versioning from './api/versioning.js';
import * as tagging from './api/tagging.js';
import * as worm from './api/worm.js';
import * as multipart from './api/multipart.js';
import * as objectWorm from './api/objectWorm.js';
import * as bucketPolicy from './api/bucketPolicy.js';
import * as liveChannel from './api/liveChannel.js';
import * as metaQuery from './api/metaQuery.js';
import * as qos from './api/qos.js';
import * as asyncFetch from './api/asyncFetch.js';
import * as bucketTags from './api/bucketTags.js';
import * as bucketStat from './api/bucketStat.js';
import * as regions from './api/regions.js';
import * as bucketOverwrite from './api/bucketOverwrite.js';
import * as bucketCallbackPolicy from './api/bucketCallbackPolicy.js';
import { servePublicKey } from './api/callbackKey.js';
import * as bucketEncryption from './api/bucketEncryption.js';
import * as corsApi from './api/cors.js';
import * as restore from './api/restore.js';
import * as symlink from './api/symlink.js';
import * as archiveDirectRead from './api/bucketArchiveDirectRead.js';
import * as select from './api/select.js';
import * as lifecycleApi from './api/lifecycle.js';
import * as switches from './api/bucketSwitches.js';
import * as loggingApi from './api/logging.js';
import * as redundancy from './api/redundancyTransition.js';
import * as referer from './api/referer.js';
import * as requestPayment from './api/requestPayment.js';
import * as publicAccessBlock from './api/publicAccessBlock.js';
import * as accessPoint from './api/accessPoint.js';
import * as website from './api/website.js';
import { websiteStep, type WebsiteStep } from './api/website.js';
import * as httpsConfig from './api/httpsConfig.js';
import * as cname from './api/cname.js';
import * as inventory from './api/inventory.js';
import * as replication from './api/replication.js';
import * as style from './api/style.js';
import * as imageProcess from './api/imageProcess.js';
import * as postObject from './api/postObject.js';
import { headerFacts, requestChecks, type ApiName } from './domain/actions.js';
// --- admin API (issue 23): /-/reset, /-/faults, /-/requests; see admin/admin.ts ---
import { Admin, isAdminPath } from './admin/admin.js';

type Scope = 'service' | 'bucket' | 'object';

export interface Route extends Selecting {
  method: string;
  scope: Scope;
  /** A further test on the request (a header such as x-oss-copy-source, `list-type=2`). */
  when?: (ctx: OssContext) => boolean;
  /** What the ACLs grant for it when no policy allows it. */
  access: Access;
  /** The modifiers and headers of domain/subresources.ts UNSERVED_* this route honours (callbacks, sequential). */
  modifiers?: readonly string[];
  /** The API's name: its RAM actions come from domain/actions.ts. */
  api: ApiName;
  handler: (ctx: OssContext) => Promise<void> | void;
}

/**
 * A route serves exactly its selector (domain/subresources.ts), so a plain route never answers a request that
 * names a selector; among routes of the same selector, first match wins (`when` routes before the plain one).
 */
function isCallbackComp(ctx: OssContext): boolean {
  return ctx.query.comp === 'callback';
}

/** `?sequential` rides on every request of the GO2 Uploader's multipart upload (uploader.go copies its Parameters to
 * Initiate, Complete and Abort; oss2 sends it on Initiate), and on its single PutObject below the part size, which
 * is sequential already (behaviour §9.15). */
const SEQUENTIAL = ['sequential'];

export const routes: Route[] = [
  { method: 'GET', scope: 'service', access: 'owner', api: 'ListBuckets', handler: service.listBuckets },
  // ListBuckets filtered by a list of tags: `tagging` is a selector elsewhere, a parameter here (api/service.ts).
  { method: 'GET', scope: 'service', sub: 'tagging', access: 'owner', api: 'ListBuckets', handler: service.listBuckets },
  // `regionList`: the buckets of every region, which ListBuckets already lists here (behaviour §17.1).
  { method: 'GET', scope: 'service', sub: 'regionList', access: 'owner', api: 'ListBuckets', handler: service.listBuckets },
  // QoS and resource pools (behaviour §17.4): `qosRequester` and `resourcePool` are parameters of these APIs.
  { method: 'GET', scope: 'service', sub: 'qosInfo', access: 'owner', api: 'GetUserQosInfo', handler: qos.getUserQosInfo },
  { method: 'GET', scope: 'service', sub: 'resourcePool', access: 'owner', api: 'ListResourcePools', handler: qos.listResourcePools },
  { method: 'GET', scope: 'service', sub: 'resourcePoolInfo', with: ['resourcePool'], access: 'owner', api: 'GetResourcePoolInfo', handler: qos.noSuchResourcePool },
  { method: 'GET', scope: 'service', sub: 'resourcePoolBuckets', with: ['resourcePool'], access: 'owner', api: 'ListResourcePoolBuckets', handler: qos.noSuchResourcePool },
  { method: 'PUT', scope: 'service', sub: 'requesterQosInfo', with: ['qosRequester', 'resourcePool'], access: 'owner', api: 'PutResourcePoolRequesterQoSInfo', handler: qos.noSuchResourcePool },
  { method: 'GET', scope: 'service', sub: 'requesterQosInfo', with: ['qosRequester', 'resourcePool'], when: (ctx) => ctx.state.query.has('qosRequester'), access: 'owner', api: 'GetResourcePoolRequesterQoSInfo', handler: qos.noSuchResourcePool },
  { method: 'GET', scope: 'service', sub: 'requesterQosInfo', with: ['resourcePool'], access: 'owner', api: 'ListResourcePoolRequesterQoSInfos', handler: qos.noSuchResourcePool },
  { method: 'DELETE', scope: 'service', sub: 'requesterQosInfo', with: ['qosRequester', 'resourcePool'], access: 'owner', api: 'DeleteResourcePoolRequesterQoSInfo', handler: qos.noSuchResourcePool },
  { method: 'GET', scope: 'service', sub: 'regions', access: 'owner', api: 'DescribeRegions', handler: regions.describeRegions },
  { method: 'GET', scope: 'service', sub: 'accessPoint', access: 'owner', api: 'ListAccessPoints', handler: accessPoint.listAccessPoints },
  { method: 'PUT', scope: 'service', sub: 'publicAccessBlock', access: 'owner', api: 'PutPublicAccessBlock', handler: publicAccessBlock.putPublicAccessBlock },
  { method: 'GET', scope: 'service', sub: 'publicAccessBlock', access: 'owner', api: 'GetPublicAccessBlock', handler: publicAccessBlock.getPublicAccessBlock },
  { method: 'DELETE', scope: 'service', sub: 'publicAccessBlock', access: 'owner', api: 'DeletePublicAccessBlock', handler: publicAccessBlock.deletePublicAccessBlock },

  { method: 'POST', scope: 'bucket', sub: 'worm', access: 'owner', api: 'InitiateBucketWorm', handler: worm.initiateBucketWorm },
  { method: 'POST', scope: 'bucket', sub: 'wormExtend', with: ['wormId'], access: 'owner', api: 'ExtendBucketWorm', handler: worm.extendBucketWorm },
  { method: 'POST', scope: 'bucket', sub: 'wormId', access: 'owner', api: 'CompleteBucketWorm', handler: worm.completeBucketWorm },
  { method: 'GET', scope: 'bucket', sub: 'worm', access: 'owner', api: 'GetBucketWorm', handler: worm.getBucketWorm },
  { method: 'DELETE', scope: 'bucket', sub: 'worm', access: 'owner', api: 'AbortBucketWorm', handler: worm.abortBucketWorm },
  { method: 'PUT', scope: 'bucket', sub: 'objectWorm', access: 'owner', api: 'PutBucketObjectWormConfiguration', handler: objectWorm.putBucketObjectWormConfiguration },
  { method: 'GET', scope: 'bucket', sub: 'objectWorm', access: 'owner', api: 'GetBucketObjectWormConfiguration', handler: objectWorm.getBucketObjectWormConfiguration },
  // `?policy&comp=callback` is the bucket callback policy, not the access policy (docs/sdk-suites.md D1).
  { method: 'PUT', scope: 'bucket', sub: 'policy', with: ['comp'], when: isCallbackComp, access: 'owner', api: 'PutBucketCallbackPolicy', handler: bucketCallbackPolicy.putBucketCallbackPolicy },
  { method: 'GET', scope: 'bucket', sub: 'policy', with: ['comp'], when: isCallbackComp, access: 'owner', api: 'GetBucketCallbackPolicy', handler: bucketCallbackPolicy.getBucketCallbackPolicy },
  { method: 'DELETE', scope: 'bucket', sub: 'policy', with: ['comp'], when: isCallbackComp, access: 'owner', api: 'DeleteBucketCallbackPolicy', handler: bucketCallbackPolicy.deleteBucketCallbackPolicy },
  { method: 'PUT', scope: 'bucket', sub: 'policy', access: 'owner', api: 'PutBucketPolicy', handler: bucketPolicy.putBucketPolicy },
  { method: 'GET', scope: 'bucket', sub: 'policy', access: 'owner', api: 'GetBucketPolicy', handler: bucketPolicy.getBucketPolicy },
  { method: 'DELETE', scope: 'bucket', sub: 'policy', access: 'owner', api: 'DeleteBucketPolicy', handler: bucketPolicy.deleteBucketPolicy },
  { method: 'PUT', scope: 'bucket', sub: 'tagging', access: 'owner', api: 'PutBucketTags', handler: bucketTags.putBucketTags },
  { method: 'GET', scope: 'bucket', sub: 'tagging', access: 'owner', api: 'GetBucketTags', handler: bucketTags.getBucketTags },
  { method: 'DELETE', scope: 'bucket', sub: 'tagging', access: 'owner', api: 'DeleteBucketTags', handler: bucketTags.deleteBucketTags },
  { method: 'PUT', scope: 'bucket', sub: 'overwriteConfig', access: 'owner', api: 'PutBucketOverwriteConfig', handler: bucketOverwrite.putBucketOverwriteConfig },
  { method: 'GET', scope: 'bucket', sub: 'overwriteConfig', access: 'owner', api: 'GetBucketOverwriteConfig', handler: bucketOverwrite.getBucketOverwriteConfig },
  { method: 'DELETE', scope: 'bucket', sub: 'overwriteConfig', access: 'owner', api: 'DeleteBucketOverwriteConfig', handler: bucketOverwrite.deleteBucketOverwriteConfig },
  { method: 'PUT', scope: 'bucket', sub: 'encryption', access: 'owner', api: 'PutBucketEncryption', handler: bucketEncryption.putBucketEncryption },
  { method: 'GET', scope: 'bucket', sub: 'encryption', access: 'owner', api: 'GetBucketEncryption', handler: bucketEncryption.getBucketEncryption },
  { method: 'DELETE', scope: 'bucket', sub: 'encryption', access: 'owner', api: 'DeleteBucketEncryption', handler: bucketEncryption.deleteBucketEncryption },
  { method: 'PUT', scope: 'bucket', sub: 'cors', access: 'owner', api: 'PutBucketCors', handler: corsApi.putBucketCors },
  { method: 'GET', scope: 'bucket', sub: 'cors', access: 'owner', api: 'GetBucketCors', handler: corsApi.getBucketCors },
  { method: 'DELETE', scope: 'bucket', sub: 'cors', access: 'owner', api: 'DeleteBucketCors', handler: corsApi.deleteBucketCors },
  { method: 'PUT', scope: 'bucket', sub: 'bucketArchiveDirectRead', access: 'owner', api: 'PutBucketArchiveDirectRead', handler: archiveDirectRead.putBucketArchiveDirectRead },
  { method: 'GET', scope: 'bucket', sub: 'bucketArchiveDirectRead', access: 'owner', api: 'GetBucketArchiveDirectRead', handler: archiveDirectRead.getBucketArchiveDirectRead },
  { method: 'PUT', scope: 'bucket', sub: 'lifecycle', access: 'owner', api: 'PutBucketLifecycle', handler: lifecycleApi.putBucketLifecycle },
  { method: 'GET', scope: 'bucket', sub: 'lifecycle', access: 'owner', api: 'GetBucketLifecycle', handler: lifecycleApi.getBucketLifecycle },
  { method: 'DELETE', scope: 'bucket', sub: 'lifecycle', access: 'owner', api: 'DeleteBucketLifecycle', handler: lifecycleApi.deleteBucketLifecycle },
  { method: 'PUT', scope: 'bucket', sub: 'accessmonitor', access: 'owner', api: 'PutBucketAccessMonitor', handler: switches.putBucketAccessMonitor },
  { method: 'GET', scope: 'bucket', sub: 'accessmonitor', access: 'owner', api: 'GetBucketAccessMonitor', handler: switches.getBucketAccessMonitor },
  { method: 'PUT', scope: 'bucket', sub: 'transferAcceleration', access: 'owner', api: 'PutBucketTransferAcceleration', handler: switches.putBucketTransferAcceleration },
  { method: 'GET', scope: 'bucket', sub: 'transferAcceleration', access: 'owner', api: 'GetBucketTransferAcceleration', handler: switches.getBucketTransferAcceleration },
  { method: 'PUT', scope: 'bucket', sub: 'resourceGroup', access: 'owner', api: 'PutBucketResourceGroup', handler: switches.putBucketResourceGroup },
  { method: 'GET', scope: 'bucket', sub: 'resourceGroup', access: 'owner', api: 'GetBucketResourceGroup', handler: switches.getBucketResourceGroup },
  { method: 'PUT', scope: 'bucket', sub: 'logging', access: 'owner', api: 'PutBucketLogging', handler: loggingApi.putBucketLogging },
  { method: 'GET', scope: 'bucket', sub: 'logging', access: 'owner', api: 'GetBucketLogging', handler: loggingApi.getBucketLogging },
  { method: 'DELETE', scope: 'bucket', sub: 'logging', access: 'owner', api: 'DeleteBucketLogging', handler: loggingApi.deleteBucketLogging },
  { method: 'PUT', scope: 'bucket', sub: 'userDefinedLogFieldsConfig', access: 'owner', api: 'PutUserDefinedLogFieldsConfig', handler: loggingApi.putUserDefinedLogFieldsConfig },
  { method: 'GET', scope: 'bucket', sub: 'userDefinedLogFieldsConfig', access: 'owner', api: 'GetUserDefinedLogFieldsConfig', handler: loggingApi.getUserDefinedLogFieldsConfig },
  { method: 'DELETE', scope: 'bucket', sub: 'userDefinedLogFieldsConfig', access: 'owner', api: 'DeleteUserDefinedLogFieldsConfig', handler: loggingApi.deleteUserDefinedLogFieldsConfig },
  { method: 'POST', scope: 'bucket', sub: 'redundancyTransition', access: 'owner', api: 'CreateBucketDataRedundancyTransition', handler: redundancy.createBucketDataRedundancyTransition },
  { method: 'GET', scope: 'bucket', sub: 'redundancyTransition', when: (ctx) => ctx.state.query.has('x-oss-redundancy-transition-taskid'), access: 'owner', api: 'GetBucketDataRedundancyTransition', handler: redundancy.getBucketDataRedundancyTransition },
  { method: 'GET', scope: 'bucket', sub: 'redundancyTransition', access: 'owner', api: 'ListBucketDataRedundancyTransition', handler: redundancy.listBucketDataRedundancyTransition },
  { method: 'DELETE', scope: 'bucket', sub: 'redundancyTransition', access: 'owner', api: 'DeleteBucketDataRedundancyTransition', handler: redundancy.deleteBucketDataRedundancyTransition },
  { method: 'GET', scope: 'service', sub: 'redundancyTransition', access: 'owner', api: 'ListUserDataRedundancyTransition', handler: redundancy.listUserDataRedundancyTransition },
  { method: 'PUT', scope: 'bucket', sub: 'referer', access: 'owner', api: 'PutBucketReferer', handler: referer.putBucketReferer },
  { method: 'GET', scope: 'bucket', sub: 'policyStatus', access: 'owner', api: 'GetBucketPolicyStatus', handler: bucketPolicy.getBucketPolicyStatus },
  { method: 'PUT', scope: 'bucket', sub: 'publicAccessBlock', access: 'owner', api: 'PutBucketPublicAccessBlock', handler: publicAccessBlock.putBucketPublicAccessBlock },
  { method: 'GET', scope: 'bucket', sub: 'publicAccessBlock', access: 'owner', api: 'GetBucketPublicAccessBlock', handler: publicAccessBlock.getBucketPublicAccessBlock },
  { method: 'DELETE', scope: 'bucket', sub: 'publicAccessBlock', access: 'owner', api: 'DeleteBucketPublicAccessBlock', handler: publicAccessBlock.deleteBucketPublicAccessBlock },
  // Access points (api/accessPoint.ts): GET ?accessPoint is GetAccessPoint with the x-oss-access-point-name header,
  // ListAccessPoints without it (PY2 operations/access_point.py: the same selector, the header the only difference).
  { method: 'PUT', scope: 'bucket', sub: 'accessPoint', access: 'owner', api: 'CreateAccessPoint', handler: accessPoint.createAccessPoint },
  { method: 'GET', scope: 'bucket', sub: 'accessPoint', when: (ctx) => ctx.get('x-oss-access-point-name') !== '', access: 'owner', api: 'GetAccessPoint', handler: accessPoint.getAccessPoint },
  { method: 'GET', scope: 'bucket', sub: 'accessPoint', access: 'owner', api: 'ListAccessPoints', handler: accessPoint.listAccessPoints },
  { method: 'DELETE', scope: 'bucket', sub: 'accessPoint', access: 'owner', api: 'DeleteAccessPoint', handler: accessPoint.deleteAccessPoint },
  { method: 'PUT', scope: 'bucket', sub: 'accessPointPolicy', access: 'owner', api: 'PutAccessPointPolicy', handler: accessPoint.putAccessPointPolicy },
  { method: 'GET', scope: 'bucket', sub: 'accessPointPolicy', access: 'owner', api: 'GetAccessPointPolicy', handler: accessPoint.getAccessPointPolicy },
  { method: 'DELETE', scope: 'bucket', sub: 'accessPointPolicy', access: 'owner', api: 'DeleteAccessPointPolicy', handler: accessPoint.deleteAccessPointPolicy },
  { method: 'PUT', scope: 'bucket', sub: 'publicAccessBlock', with: ['x-oss-access-point-name'], access: 'owner', api: 'PutAccessPointPublicAccessBlock', handler: accessPoint.putAccessPointPublicAccessBlock },
  { method: 'GET', scope: 'bucket', sub: 'publicAccessBlock', with: ['x-oss-access-point-name'], access: 'owner', api: 'GetAccessPointPublicAccessBlock', handler: accessPoint.getAccessPointPublicAccessBlock },
  { method: 'DELETE', scope: 'bucket', sub: 'publicAccessBlock', with: ['x-oss-access-point-name'], access: 'owner', api: 'DeleteAccessPointPublicAccessBlock', handler: accessPoint.deleteAccessPointPublicAccessBlock },
  { method: 'PUT', scope: 'bucket', sub: 'requestPayment', access: 'owner', api: 'PutBucketRequestPayment', handler: requestPayment.putBucketRequestPayment },
  { method: 'GET', scope: 'bucket', sub: 'requestPayment', access: 'owner', api: 'GetBucketRequestPayment', handler: requestPayment.getBucketRequestPayment },
  { method: 'GET', scope: 'bucket', sub: 'referer', access: 'owner', api: 'GetBucketReferer', handler: referer.getBucketReferer },
  { method: 'PUT', scope: 'bucket', sub: 'website', access: 'owner', api: 'PutBucketWebsite', handler: website.putBucketWebsite },
  { method: 'GET', scope: 'bucket', sub: 'website', access: 'owner', api: 'GetBucketWebsite', handler: website.getBucketWebsite },
  { method: 'DELETE', scope: 'bucket', sub: 'website', access: 'owner', api: 'DeleteBucketWebsite', handler: website.deleteBucketWebsite },
  { method: 'PUT', scope: 'bucket', sub: 'httpsConfig', access: 'owner', api: 'PutBucketHttpsConfig', handler: httpsConfig.putBucketHttpsConfig },
  { method: 'GET', scope: 'bucket', sub: 'httpsConfig', access: 'owner', api: 'GetBucketHttpsConfig', handler: httpsConfig.getBucketHttpsConfig },
  { method: 'PUT', scope: 'bucket', sub: 'inventory', access: 'owner', api: 'PutBucketInventory', handler: inventory.putBucketInventory },
  { method: 'GET', scope: 'bucket', sub: 'inventory', when: (ctx) => ctx.state.query.has('inventoryId'), access: 'owner', api: 'GetBucketInventory', handler: inventory.getBucketInventory },
  { method: 'GET', scope: 'bucket', sub: 'inventory', access: 'owner', api: 'ListBucketInventory', handler: inventory.listBucketInventory },
  { method: 'DELETE', scope: 'bucket', sub: 'inventory', access: 'owner', api: 'DeleteBucketInventory', handler: inventory.deleteBucketInventory },
  { method: 'PUT', scope: 'bucket', sub: 'qosInfo', access: 'owner', api: 'PutBucketQoSInfo', handler: qos.putBucketQosInfo },
  { method: 'GET', scope: 'bucket', sub: 'qosInfo', access: 'owner', api: 'GetBucketQoSInfo', handler: qos.getBucketQosInfo },
  { method: 'DELETE', scope: 'bucket', sub: 'qosInfo', access: 'owner', api: 'DeleteBucketQoSInfo', handler: qos.deleteBucketQosInfo },
  { method: 'PUT', scope: 'bucket', sub: 'qos', access: 'owner', api: 'PutBucketStorageCapacity', handler: qos.putBucketStorageCapacity },
  { method: 'GET', scope: 'bucket', sub: 'qos', access: 'owner', api: 'GetBucketStorageCapacity', handler: qos.getBucketStorageCapacity },
  { method: 'PUT', scope: 'bucket', sub: 'requesterQosInfo', with: ['qosRequester'], access: 'owner', api: 'PutBucketRequesterQoSInfo', handler: qos.putBucketRequesterQosInfo },
  { method: 'GET', scope: 'bucket', sub: 'requesterQosInfo', with: ['qosRequester'], when: (ctx) => ctx.state.query.has('qosRequester'), access: 'owner', api: 'GetBucketRequesterQoSInfo', handler: qos.getBucketRequesterQosInfo },
  { method: 'GET', scope: 'bucket', sub: 'requesterQosInfo', access: 'owner', api: 'ListBucketRequesterQoSInfos', handler: qos.listBucketRequesterQosInfos },
  { method: 'DELETE', scope: 'bucket', sub: 'requesterQosInfo', with: ['qosRequester'], access: 'owner', api: 'DeleteBucketRequesterQoSInfo', handler: qos.deleteBucketRequesterQosInfo },
  // AsyncFetchTask (behaviour §17.5): the emulator fetches the URL itself.
  { method: 'POST', scope: 'bucket', sub: 'asyncFetch', access: 'owner', api: 'PutAsyncFetchTask', handler: asyncFetch.putAsyncFetchTask },
  { method: 'GET', scope: 'bucket', sub: 'asyncFetch', access: 'owner', api: 'GetAsyncFetchTask', handler: asyncFetch.getAsyncFetchTask },
  // MetaQuery: `comp` names the sub-API (behaviour §17.2); `mode` is a parameter (semantic is refused in the handler).
  { method: 'POST', scope: 'bucket', sub: 'metaQuery', with: ['comp'], when: (ctx) => ctx.state.query.get('comp') === 'add', access: 'owner', api: 'OpenMetaQuery', handler: metaQuery.openMetaQuery },
  { method: 'POST', scope: 'bucket', sub: 'metaQuery', with: ['comp'], when: (ctx) => ctx.state.query.get('comp') === 'query', access: 'owner', api: 'DoMetaQuery', handler: metaQuery.doMetaQuery },
  { method: 'POST', scope: 'bucket', sub: 'metaQuery', with: ['comp'], when: (ctx) => ctx.state.query.get('comp') === 'delete', access: 'owner', api: 'CloseMetaQuery', handler: metaQuery.closeMetaQuery },
  { method: 'GET', scope: 'bucket', sub: 'metaQuery', when: (ctx) => !ctx.state.query.has('comp'), access: 'owner', api: 'GetMetaQueryStatus', handler: metaQuery.getMetaQueryStatus },
  // Data replication: `comp` names the sub-API of POST ?replication (add / delete), as for CNAME.
  { method: 'POST', scope: 'bucket', sub: 'replication', with: ['comp'], when: (ctx) => ctx.state.query.get('comp') === 'add', access: 'owner', api: 'PutBucketReplication', handler: replication.putBucketReplication },
  { method: 'POST', scope: 'bucket', sub: 'replication', with: ['comp'], when: (ctx) => ctx.state.query.get('comp') === 'delete', access: 'owner', api: 'DeleteBucketReplication', handler: replication.deleteBucketReplication },
  { method: 'GET', scope: 'bucket', sub: 'replication', access: 'owner', api: 'GetBucketReplication', handler: replication.getBucketReplication },
  { method: 'PUT', scope: 'bucket', sub: 'rtc', access: 'owner', api: 'PutBucketRTC', handler: replication.putBucketRtc },
  { method: 'GET', scope: 'bucket', sub: 'replicationLocation', access: 'owner', api: 'GetBucketReplicationLocation', handler: replication.getBucketReplicationLocation },
  { method: 'GET', scope: 'bucket', sub: 'replicationProgress', access: 'owner', api: 'GetBucketReplicationProgress', handler: replication.getBucketReplicationProgress },
  // CNAME: `comp` names the sub-API (domain/subresources.ts); GetCnameToken is `?comp=token&cname=<domain>`.
  { method: 'POST', scope: 'bucket', sub: 'cname', with: ['comp'], when: (ctx) => ctx.state.query.get('comp') === 'token', access: 'owner', api: 'CreateCnameToken', handler: cname.createCnameToken },
  { method: 'POST', scope: 'bucket', sub: 'cname', with: ['comp'], when: (ctx) => ctx.state.query.get('comp') === 'add', access: 'owner', api: 'PutCname', handler: cname.putCname },
  { method: 'POST', scope: 'bucket', sub: 'cname', with: ['comp'], when: (ctx) => ctx.state.query.get('comp') === 'delete', access: 'owner', api: 'DeleteCname', handler: cname.deleteCname },
  { method: 'GET', scope: 'bucket', sub: 'cname', with: ['comp'], when: (ctx) => ctx.state.query.get('comp') === 'token', access: 'owner', api: 'GetCnameToken', handler: cname.getCnameToken },
  { method: 'GET', scope: 'bucket', sub: 'cname', when: (ctx) => !ctx.state.query.has('comp'), access: 'owner', api: 'ListCname', handler: cname.listCname },
  { method: 'PUT', scope: 'bucket', sub: 'style', access: 'owner', api: 'PutStyle', handler: style.putStyle },
  { method: 'GET', scope: 'bucket', sub: 'style', when: (ctx) => ctx.state.query.has('styleName'), access: 'owner', api: 'GetStyle', handler: style.getStyle },
  { method: 'GET', scope: 'bucket', sub: 'style', access: 'owner', api: 'ListStyle', handler: style.listStyle },
  { method: 'DELETE', scope: 'bucket', sub: 'style', access: 'owner', api: 'DeleteStyle', handler: style.deleteStyle },
  { method: 'GET', scope: 'bucket', sub: 'stat', access: 'owner', api: 'GetBucketStat', handler: bucketStat.getBucketStat },
  { method: 'PUT', scope: 'bucket', sub: 'acl', access: 'owner', api: 'PutBucketAcl', handler: acl.putBucketAcl },
  { method: 'PUT', scope: 'bucket', sub: 'versioning', access: 'owner', api: 'PutBucketVersioning', handler: versioning.putBucketVersioning },
  { method: 'PUT', scope: 'bucket', access: 'owner', api: 'PutBucket', handler: bucket.putBucket },
  { method: 'GET', scope: 'bucket', sub: 'acl', access: 'owner', api: 'GetBucketAcl', handler: acl.getBucketAcl },
  { method: 'GET', scope: 'bucket', sub: 'location', access: 'owner', api: 'GetBucketLocation', handler: bucket.getBucketLocation },
  { method: 'GET', scope: 'bucket', sub: 'bucketInfo', access: 'owner', api: 'GetBucketInfo', handler: bucket.getBucketInfo },
  { method: 'GET', scope: 'bucket', sub: 'versioning', access: 'owner', api: 'GetBucketVersioning', handler: versioning.getBucketVersioning },
  { method: 'GET', scope: 'bucket', sub: 'versions', access: 'read', api: 'ListObjectVersions', handler: list.listObjectVersions },
  { method: 'GET', scope: 'bucket', sub: 'live', access: 'owner', api: 'ListLiveChannel', handler: liveChannel.listLiveChannel },
  { method: 'GET', scope: 'bucket', sub: 'uploads', access: 'read', api: 'ListMultipartUploads', handler: multipart.listMultipartUploads },
  { method: 'GET', scope: 'bucket', when: (ctx) => ctx.state.query.get('list-type') === '2', access: 'read', api: 'ListObjects', handler: list.listObjectsV2 },
  { method: 'GET', scope: 'bucket', access: 'read', api: 'ListObjects', handler: list.listObjects },
  { method: 'DELETE', scope: 'bucket', access: 'owner', api: 'DeleteBucket', handler: bucket.deleteBucket },
  { method: 'POST', scope: 'bucket', sub: 'delete', access: 'write', api: 'DeleteMultipleObjects', handler: object.deleteMultipleObjects },
  // A form POST to the bucket itself (behaviour §9.13); its signature and key are in the body, so auth and the
  // permission check are the handler's (FORM_SIGNED).
  { method: 'POST', scope: 'bucket', access: 'write', api: 'PostObject', handler: postObject.postObject },

  // LiveChannel (behaviour §17.3): the channel name is the object part of the path; `status` and `comp` pick the API.
  { method: 'PUT', scope: 'object', sub: 'live', when: (ctx) => ctx.state.query.has('status'), access: 'owner', api: 'PutLiveChannelStatus', handler: liveChannel.putLiveChannelStatus },
  { method: 'PUT', scope: 'object', sub: 'live', access: 'owner', api: 'PutLiveChannel', handler: liveChannel.putLiveChannel },
  { method: 'GET', scope: 'object', sub: 'live', with: ['comp'], when: (ctx) => ctx.state.query.get('comp') === 'stat', access: 'owner', api: 'GetLiveChannelStat', handler: liveChannel.getLiveChannelStat },
  { method: 'GET', scope: 'object', sub: 'live', with: ['comp'], when: (ctx) => ctx.state.query.get('comp') === 'history', access: 'owner', api: 'GetLiveChannelHistory', handler: liveChannel.getLiveChannelHistory },
  { method: 'GET', scope: 'object', sub: 'live', when: (ctx) => !ctx.state.query.has('comp'), access: 'owner', api: 'GetLiveChannelInfo', handler: liveChannel.getLiveChannelInfo },
  { method: 'DELETE', scope: 'object', sub: 'live', access: 'owner', api: 'DeleteLiveChannel', handler: liveChannel.deleteLiveChannel },
  { method: 'POST', scope: 'object', sub: 'vod', access: 'owner', api: 'PostVodPlaylist', handler: liveChannel.postVodPlaylist },
  { method: 'GET', scope: 'object', sub: 'vod', access: 'owner', api: 'GetVodPlaylist', handler: liveChannel.getVodPlaylist },
  { method: 'PUT', scope: 'object', sub: 'retention', access: 'owner', api: 'PutObjectRetention', handler: objectWorm.putObjectRetention },
  { method: 'GET', scope: 'object', sub: 'retention', access: 'owner', api: 'GetObjectRetention', handler: objectWorm.getObjectRetention },
  { method: 'PUT', scope: 'object', sub: 'legalHold', access: 'owner', api: 'PutObjectLegalHold', handler: objectWorm.putObjectLegalHold },
  { method: 'GET', scope: 'object', sub: 'legalHold', access: 'owner', api: 'GetObjectLegalHold', handler: objectWorm.getObjectLegalHold },
  { method: 'PUT', scope: 'object', sub: 'acl', access: 'owner', api: 'PutObjectAcl', handler: acl.putObjectAcl },
  { method: 'PUT', scope: 'object', sub: 'symlink', access: 'write', api: 'PutSymlink', handler: symlink.putSymlink },
  { method: 'GET', scope: 'object', sub: 'symlink', access: 'read', api: 'GetSymlink', handler: symlink.getSymlink },
  { method: 'PUT', scope: 'object', sub: 'tagging', access: 'owner', api: 'PutObjectTagging', handler: tagging.putObjectTagging },
  { method: 'PUT', scope: 'object', sub: 'uploadId', when: (ctx) => ctx.get('x-oss-copy-source') !== '', access: 'write', api: 'UploadPartCopy', handler: multipart.uploadPartCopy },
  { method: 'PUT', scope: 'object', sub: 'uploadId', modifiers: SEQUENTIAL, access: 'write', api: 'UploadPart', handler: multipart.uploadPart },
  { method: 'PUT', scope: 'object', when: (ctx) => ctx.get('x-oss-copy-source') !== '', access: 'write', api: 'CopyObject', handler: copy.copyObject },
  { method: 'PUT', scope: 'object', modifiers: [...CALLBACK_MODIFIERS, ...SEQUENTIAL], access: 'write', api: 'PutObject', handler: object.putObject },
  { method: 'POST', scope: 'object', sub: 'restore', access: 'write', api: 'RestoreObject', handler: restore.restoreObject },
  { method: 'POST', scope: 'object', sub: 'cleanRestoredObject', access: 'write', api: 'CleanRestoredObject', handler: restore.cleanRestoredObject },
  { method: 'POST', scope: 'object', sub: 'seal', access: 'write', api: 'SealAppendObject', handler: append.sealAppendObject },
  // x-oss-process on POST: only the select and meta values are served here; any other value stays refused.
  { method: 'POST', scope: 'object', sub: 'x-oss-process', when: (ctx) => select.processOp(ctx) === 'select', access: 'read', api: 'SelectObject', handler: select.selectObject },
  { method: 'POST', scope: 'object', sub: 'x-oss-process', when: (ctx) => select.processOp(ctx) === 'meta', access: 'write', api: 'CreateSelectObjectMeta', handler: select.selectObject },
  // POST ?x-oss-process: ProcessObject (sys/saveas); the select/meta values are SelectObject's, not routed here.
  { method: 'POST', scope: 'object', sub: 'x-oss-process', when: (ctx) => !['csv/select', 'json/select', 'csv/meta', 'json/meta'].includes(ctx.state.query.get('x-oss-process') ?? ''), access: 'read', api: 'ProcessObject', handler: imageProcess.processObject },
  { method: 'POST', scope: 'object', sub: 'append', access: 'write', api: 'AppendObject', handler: append.appendObject },
  { method: 'POST', scope: 'object', sub: 'uploads', modifiers: SEQUENTIAL, access: 'write', api: 'InitiateMultipartUpload', handler: multipart.initiateMultipartUpload },
  { method: 'POST', scope: 'object', sub: 'uploadId', modifiers: [...CALLBACK_MODIFIERS, ...SEQUENTIAL], access: 'write', api: 'CompleteMultipartUpload', handler: multipart.completeMultipartUpload },
  { method: 'GET', scope: 'object', sub: 'uploadId', access: 'read', api: 'ListParts', handler: multipart.listParts },
  { method: 'DELETE', scope: 'object', sub: 'uploadId', modifiers: SEQUENTIAL, access: 'write', api: 'AbortMultipartUpload', handler: multipart.abortMultipartUpload },
  { method: 'GET', scope: 'object', sub: 'acl', access: 'owner', api: 'GetObjectAcl', handler: acl.getObjectAcl },
  { method: 'GET', scope: 'object', sub: 'tagging', access: 'owner', api: 'GetObjectTagging', handler: tagging.getObjectTagging },
  // x-oss-process on GET: image processing and styles; other values (video/, doc/ …) are NotImplemented (findRoute).
  { method: 'GET', scope: 'object', sub: 'x-oss-process', when: (ctx) => imageProcess.isImageProcess(ctx.state.query.get('x-oss-process')), access: 'read', api: 'GetObject', handler: imageProcess.getProcessedObject },
  { method: 'GET', scope: 'object', access: 'read', api: 'GetObject', handler: object.getObject },
  // HEAD with an image process: the processed image's headers, as GET would send them, without the body (RFC 9110
  // §9.3.2) [I: OSS's answer uncaptured; before this it was 405, which no SDK expects].
  { method: 'HEAD', scope: 'object', sub: 'x-oss-process', when: (ctx) => imageProcess.isImageProcess(ctx.state.query.get('x-oss-process')), access: 'read', api: 'HeadObject', handler: imageProcess.getProcessedObject },
  { method: 'HEAD', scope: 'object', sub: 'objectMeta', access: 'read', api: 'GetObjectMeta', handler: object.getObjectMeta },
  { method: 'HEAD', scope: 'object', access: 'read', api: 'HeadObject', handler: object.headObject },
  { method: 'DELETE', scope: 'object', sub: 'tagging', access: 'owner', api: 'DeleteObjectTagging', handler: tagging.deleteObjectTagging },
  // DELETE ?symlink is DeleteObject on real OSS: oss2 tests/test_object_versioning.py test_put_symlink_with_version
  // reuses get_symlink's params dict (which gained `symlink`) for its deletes and expects 204 (behaviour §9.12).
  { method: 'DELETE', scope: 'object', sub: 'symlink', access: 'write', api: 'DeleteObject', handler: object.deleteObject },
  { method: 'DELETE', scope: 'object', access: 'write', api: 'DeleteObject', handler: object.deleteObject },
];

function scopeOf(state: OssState): Scope {
  if (state.bucket === undefined) return 'service';
  return state.key === undefined ? 'bucket' : 'object';
}

/**
 * The route of a request, or the refusal. A selector the emulator serves at this scope, but with other methods, is
 * 405 MethodNotAllowed [I: uncaptured; the conformance suite records it]; any other selector or modifier it does
 * not serve is 400 NotImplemented, as OSS answers an unsupported feature (with no EC: evidence sdk-suites).
 */
export function findRoute(ctx: OssContext): Route {
  const names = ctx.state.query.names();
  const scope = scopeOf(ctx.state);
  const selectors = selectorsOf(names);
  const atScope = routes.filter((r) => r.scope === scope && servesSelectors(r, selectors));
  const route = atScope.find((r) => r.method === ctx.method && (r.when === undefined || r.when(ctx)));
  const honoured = route?.modifiers ?? [];
  const unserved =
    names.find((n) => UNSERVED_MODIFIERS.has(n) && !honoured.includes(n)) ??
    UNSERVED_HEADERS.find((h) => ctx.get(h) !== '' && !honoured.includes(h)) ??
    (atScope.length === 0 ? [...selectors][0] : undefined);
  if (unserved !== undefined) throw new OssError('NotImplemented', { Header: unserved });
  // A method served only for some values (x-oss-process: image/style on GET, saveas on POST): other values are
  // features not served, not a wrong method.
  if (route === undefined && atScope.some((r) => r.method === ctx.method)) throw new OssError('NotImplemented', { Header: [...selectors][0] });
  if (route === undefined) throw new OssError('MethodNotAllowed', { Method: ctx.method, ResourceType: scope === 'object' ? 'Object' : 'Bucket' });
  return route;
}

const LISTINGS: ApiName[] = ['ListObjects', 'ListObjectVersions', 'ListMultipartUploads'];

/**
 * APIs signed in their body: PostObject's form carries its signature, policy and key. OSS does not check a header or
 * URL signature on them (API reference PostObject), so the auth step leaves them to the handler
 * (http/auth.ts verifyPostForm), which also asks for the permissions once it knows the key.
 */
const FORM_SIGNED: ApiName[] = ['PostObject'];

function formSigned(ctx: OssContext): boolean {
  const api = chosen.get(ctx)?.api;
  return api !== undefined && FORM_SIGNED.includes(api) && !refused.has(ctx);
}

/** The actions the request needs from its route and headers (the rest is the handler's, once it knows more). */
function authorizeRoute(ctx: OssContext, route: Route): void {
  const { bucket, key, query } = ctx.state;
  const facts = { bucket, key, versionId: query.has('versionId'), ...headerFacts(route.api, (name) => ctx.get(name)) };
  const checks = requestChecks(route.api, arnContext(ctx, bucket), facts);
  permit(ctx, checks, { acl: { access: route.access, bucket, key }, listing: LISTINGS.includes(route.api) });
}

/**
 * APIs whose handler looks the bucket up itself: PutBucketAcl on a missing bucket creates it, as PutBucket does
 * (api/bucket.ts createBucket); PutBucketObjectWormConfiguration validates its body first (evidence sdk-suites: a bad
 * body is 400 MalformedXML, EC 0015-00000231, before the bucket lookup).
 */
const OWN_BUCKET_LOOKUP: ApiName[] = ['PutBucket', 'PutBucketAcl', 'PutBucketObjectWormConfiguration'];

/** Kept between the routing step and dispatch, which auth separates. */
const chosen = new WeakMap<OssContext, Route>();

/** A request the table refuses (NotImplemented, MethodNotAllowed), kept until its credentials are checked. */
const refused = new WeakMap<OssContext, OssError>();

async function route(ctx: OssContext, next: Next): Promise<void> {
  let r: Route | undefined;
  try {
    r = findRoute(ctx);
    chosen.set(ctx, r); // before the bucket check, so the request log names the API a NoSuchBucket answered
  } catch (err) {
    if (!(err instanceof OssError)) throw err;
    // An API local-oss does not serve is still an API OSS has: OSS authenticates it first, so a bad AccessKeyId
    // is 403 InvalidAccessKeyId there, not a refusal (PY2 tests/integration *_fail tests of every bucket
    // configuration API; docs/sdk-suites.md D6). The refusal waits until auth has run.
    refused.set(ctx, err);
  }
  // A missing bucket is answered before the credentials are looked at: OSS answers 404 NoSuchBucket to an unknown
  // AccessKeyId (evidence sdk-suites "The bucket is checked before the credentials"; PY2 tests/integration
  // *_fail tests, is_bucket_exist), except for the APIs that look it up themselves.
  const bucket = ctx.state.bucket;
  if (bucket !== undefined && !(r && OWN_BUCKET_LOOKUP.includes(r.api)) && ctx.state.store.buckets.get(bucket) === undefined) {
    throw new OssError('NoSuchBucket', { BucketName: bucket });
  }
  // Static website (behaviour §14.16): a website-style request is answered with a redirect here, or becomes a
  // GetObject/HeadObject of the document the configuration names, answered with that document's status.
  // The key is swapped in dispatch, after auth has checked the signature over the key the request named.
  // A request refused by the table (an unserved modifier such as `callback`) stays refused.
  const site = refused.has(ctx) ? undefined : websiteStep(ctx, selectorsOf(ctx.state.query.names()).size);
  if (site !== undefined) {
    if (site.answered) return;
    chosen.set(ctx, routes.find((x) => x.scope === 'object' && x.sub === undefined && x.when === undefined && x.method === ctx.method)!);
    sites.set(ctx, site);
    await next();
    if (ctx.status === 200 && site.status !== 200) ctx.status = site.status;
    return;
  }
  await next();
}

/** The website document a request is answered with (api/website.ts websiteStep), between routing and dispatch. */
const sites = new WeakMap<OssContext, Extract<WebsiteStep, { answered: false }>>();

async function dispatch(ctx: OssContext): Promise<void> {
  const refusal = refused.get(ctx);
  if (refusal !== undefined) throw refusal;
  const r = chosen.get(ctx)!;
  referer.checkReferer(ctx);
  requestPayment.checkRequestPayer(ctx);
  accessPoint.checkAccessPointRequest(ctx, r.api, r.scope === 'object');
  publicAccessBlock.checkPublicAclHeaders(ctx, r.api);
  const site = sites.get(ctx);
  if (site !== undefined) ctx.state.key = site.key;
  if (!FORM_SIGNED.includes(r.api)) authorizeRoute(ctx, r);
  await r.handler(ctx);
}

/** The API the route step chose for this request, if it got that far (the request log and fault rules key on it). */
function apiOf(ctx: OssContext): ApiName | undefined {
  return chosen.get(ctx)?.api;
}

/** A fresh admin state (fault rules, request log) for an app; startEmulator keeps it to hand to in-process users. */
export function createAdmin(): Admin {
  return new Admin(new Set(routes.map((r) => r.api)));
}

export function createApp(state: Pick<OssState, 'store' | 'config'>, admin: Admin = createAdmin()): Koa<OssState> {
  const app = new Koa<OssState>();
  app.proxy = false;
  // Koa's default handler logs and answers 500; ours catches first, so this only sees socket-level trouble.
  app.silent = true;
  const health = new Router<OssState>();
  health.get('/-/health', (ctx) => {
    ctx.body = { status: 'ok' };
  });

  app.use(async (ctx, next) => {
    Object.assign(ctx.state, state);
    await next();
  });
  app.use(context);
  app.use(closeOnUnreadBody); // a GET/HEAD/DELETE declaring a body it never sends: the connection ends after the answer
  app.use(admin.requests.middleware(apiOf, isAdminPath)); // admin: outside errors, so it sees the final answer
  app.use(corsApi.corsHeadersStep); // CORS: Access-Control-* on the final answer (outside errors, so errors too)
  app.use(errors);
  app.use(admin.requests.errorTap()); // admin: the code of the error errors is about to render
  app.use(async (ctx, next) => {
    // Health is a plain path on the service host, before auth; a virtual-hosted bucket's key "-/health" is not it.
    if (ctx.path === '/-/health' && ctx.method === 'GET' && !/\.(aliyuncs\.com|localhost)(:\d+)?$/i.test(ctx.get('host'))) {
      return health.routes()(ctx as never, next);
    }
    return next();
  });
  // The public key upload callbacks are signed with (api/callbackKey.ts): anyone may fetch it, as OSS's.
  app.use(async (ctx, next) => (servePublicKey(ctx) ? undefined : next()));
  app.use(addressing);
  app.use(accessPoint.accessPointStep); // an access point alias as the bucket name: its bucket, under its policy
  app.use(admin.middleware()); // admin: /-/… on the service host, after addressing (its signature check needs it)
  app.use(corsApi.preflightStep); // CORS: OPTIONS answered from the bucket's rules, never routed nor signed
  app.use(route);
  app.use((ctx, next) => (formSigned(ctx) ? next() : auth(ctx, next)));
  app.use(admin.faults.middleware(apiOf)); // admin: API known, principal known, nothing read or changed yet
  app.use(dispatch);
  return app;
}
