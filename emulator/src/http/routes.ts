// The whole request pipeline on one screen (style: s3rver lib/routes.js), and the one table that maps
// method + scope + sub-resource to an API handler. A request passes, in order:
//   context (request id, Date, Server) → errors (OssError → XML / x-oss-err) → health → addressing (bucket, key)
//   → auth (V1/V4 headers, presigned URLs) → dispatch (this table) → api/<family> handler.
import Koa from 'koa';
import Router from '@koa/router';
import { OssError } from '../domain/errors.js';
import { context } from './context.js';
import { errors } from './errors.js';
import { addressing } from './addressing.js';
import { auth } from './auth.js';
import { authorize, type Access } from './access.js';
import type { OssContext, OssState } from './state.js';
import * as service from '../api/service.js';
import * as bucket from '../api/bucket.js';
import * as object from '../api/object.js';
import * as list from '../api/list.js';
import * as acl from '../api/acl.js';
import * as append from '../api/append.js';
import * as copy from '../api/copy.js';
import * as versioning from '../api/versioning.js';
import * as tagging from '../api/tagging.js';
import * as worm from '../api/worm.js';
import * as multipart from '../api/multipart.js';
import * as objectWorm from '../api/objectWorm.js';

type Scope = 'service' | 'bucket' | 'object';

interface Route {
  method: string;
  scope: Scope;
  /** A query name that must be present (`?acl`), or a test on the request (a header such as x-oss-copy-source). */
  sub?: string;
  when?: (ctx: OssContext) => boolean;
  access: Access;
  handler: (ctx: OssContext) => Promise<void> | void;
}

/** First match wins: specific sub-resources before the plain operation of the same method. */
export const routes: Route[] = [
  { method: 'GET', scope: 'service', access: 'owner', handler: service.listBuckets },

  { method: 'POST', scope: 'bucket', sub: 'worm', access: 'owner', handler: worm.initiateBucketWorm },
  { method: 'POST', scope: 'bucket', sub: 'wormExtend', access: 'owner', handler: worm.extendBucketWorm },
  { method: 'POST', scope: 'bucket', sub: 'wormId', access: 'owner', handler: worm.completeBucketWorm },
  { method: 'GET', scope: 'bucket', sub: 'worm', access: 'owner', handler: worm.getBucketWorm },
  { method: 'DELETE', scope: 'bucket', sub: 'worm', access: 'owner', handler: worm.abortBucketWorm },
  { method: 'PUT', scope: 'bucket', sub: 'objectWorm', access: 'owner', handler: objectWorm.putBucketObjectWormConfiguration },
  { method: 'GET', scope: 'bucket', sub: 'objectWorm', access: 'owner', handler: objectWorm.getBucketObjectWormConfiguration },
  { method: 'PUT', scope: 'bucket', sub: 'acl', access: 'owner', handler: acl.putBucketAcl },
  { method: 'PUT', scope: 'bucket', sub: 'versioning', access: 'owner', handler: versioning.putBucketVersioning },
  { method: 'PUT', scope: 'bucket', access: 'owner', handler: bucket.putBucket },
  { method: 'GET', scope: 'bucket', sub: 'acl', access: 'owner', handler: acl.getBucketAcl },
  { method: 'GET', scope: 'bucket', sub: 'location', access: 'owner', handler: bucket.getBucketLocation },
  { method: 'GET', scope: 'bucket', sub: 'bucketInfo', access: 'owner', handler: bucket.getBucketInfo },
  { method: 'GET', scope: 'bucket', sub: 'versioning', access: 'owner', handler: versioning.getBucketVersioning },
  { method: 'GET', scope: 'bucket', sub: 'versions', access: 'read', handler: list.listObjectVersions },
  { method: 'GET', scope: 'bucket', sub: 'uploads', access: 'read', handler: multipart.listMultipartUploads },
  { method: 'GET', scope: 'bucket', when: (ctx) => ctx.state.query.get('list-type') === '2', access: 'read', handler: list.listObjectsV2 },
  { method: 'GET', scope: 'bucket', access: 'read', handler: list.listObjects },
  { method: 'DELETE', scope: 'bucket', access: 'owner', handler: bucket.deleteBucket },
  { method: 'POST', scope: 'bucket', sub: 'delete', access: 'write', handler: object.deleteMultipleObjects },

  { method: 'PUT', scope: 'object', sub: 'retention', access: 'owner', handler: objectWorm.putObjectRetention },
  { method: 'GET', scope: 'object', sub: 'retention', access: 'owner', handler: objectWorm.getObjectRetention },
  { method: 'PUT', scope: 'object', sub: 'legalHold', access: 'owner', handler: objectWorm.putObjectLegalHold },
  { method: 'GET', scope: 'object', sub: 'legalHold', access: 'owner', handler: objectWorm.getObjectLegalHold },
  { method: 'PUT', scope: 'object', sub: 'acl', access: 'owner', handler: acl.putObjectAcl },
  { method: 'PUT', scope: 'object', sub: 'tagging', access: 'owner', handler: tagging.putObjectTagging },
  { method: 'PUT', scope: 'object', sub: 'uploadId', when: (ctx) => ctx.get('x-oss-copy-source') !== '', access: 'write', handler: multipart.uploadPartCopy },
  { method: 'PUT', scope: 'object', sub: 'uploadId', access: 'write', handler: multipart.uploadPart },
  { method: 'PUT', scope: 'object', when: (ctx) => ctx.get('x-oss-copy-source') !== '', access: 'write', handler: copy.copyObject },
  { method: 'PUT', scope: 'object', access: 'write', handler: object.putObject },
  { method: 'POST', scope: 'object', sub: 'append', access: 'write', handler: append.appendObject },
  { method: 'POST', scope: 'object', sub: 'uploads', access: 'write', handler: multipart.initiateMultipartUpload },
  { method: 'POST', scope: 'object', sub: 'uploadId', access: 'write', handler: multipart.completeMultipartUpload },
  { method: 'GET', scope: 'object', sub: 'uploadId', access: 'read', handler: multipart.listParts },
  { method: 'DELETE', scope: 'object', sub: 'uploadId', access: 'write', handler: multipart.abortMultipartUpload },
  { method: 'GET', scope: 'object', sub: 'acl', access: 'owner', handler: acl.getObjectAcl },
  { method: 'GET', scope: 'object', sub: 'tagging', access: 'owner', handler: tagging.getObjectTagging },
  { method: 'GET', scope: 'object', access: 'read', handler: object.getObject },
  { method: 'HEAD', scope: 'object', sub: 'objectMeta', access: 'read', handler: object.getObjectMeta },
  { method: 'HEAD', scope: 'object', access: 'read', handler: object.headObject },
  { method: 'DELETE', scope: 'object', sub: 'tagging', access: 'owner', handler: tagging.deleteObjectTagging },
  { method: 'DELETE', scope: 'object', access: 'write', handler: object.deleteObject },
];

/** Sub-resources OSS has but this emulator does not serve yet: answered as NotImplemented, never as another API. */
const UNSERVED = [
  'cors', 'lifecycle', 'logging', 'website', 'referer', 'policy', 'encryption', 'inventory', 'replication',
  'cname', 'restore', 'symlink', 'qos', 'requestPayment', 'transferAcceleration', 'stat', 'live', 'img',
  'x-oss-process', 'select', 'metaQuery', 'accessPoint', 'publicAccessBlock', 'resourceGroup', 'style',
];

function scopeOf(state: OssState): Scope {
  if (state.bucket === undefined) return 'service';
  return state.key === undefined ? 'bucket' : 'object';
}

export function findRoute(ctx: OssContext): Route | undefined {
  const scope = scopeOf(ctx.state);
  return routes.find(
    (r) =>
      r.method === ctx.method &&
      r.scope === scope &&
      (r.sub === undefined || ctx.state.query.has(r.sub)) &&
      (r.when === undefined || r.when(ctx)),
  );
}

async function dispatch(ctx: OssContext): Promise<void> {
  const unserved = UNSERVED.find((name) => ctx.state.query.has(name));
  if (unserved !== undefined) throw new OssError('NotImplemented', { Header: unserved });
  const route = findRoute(ctx);
  if (route === undefined) throw new OssError('MethodNotAllowed', { Method: ctx.method, ResourceType: scopeOf(ctx.state) === 'object' ? 'Object' : 'Bucket' });
  authorize(ctx, route.access);
  await route.handler(ctx);
}

export function createApp(state: Pick<OssState, 'store' | 'config'>): Koa<OssState> {
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
  app.use(errors);
  app.use(async (ctx, next) => {
    // Health is a plain path on the service host, before auth; a virtual-hosted bucket's key "-/health" is not it.
    if (ctx.path === '/-/health' && ctx.method === 'GET' && !/\.(aliyuncs\.com|localhost)(:\d+)?$/i.test(ctx.get('host'))) {
      return health.routes()(ctx as never, next);
    }
    return next();
  });
  app.use(addressing);
  app.use(auth);
  app.use(dispatch);
  return app;
}
