// Access points (behaviour §14.22): Create/Get/DeleteAccessPoint and ListAccessPoints (`?accessPoint` on a bucket,
// ListAccessPoints also on the service), Put/Get/DeleteAccessPointPolicy (`?accessPointPolicy`), the access point's
// Block Public Access (`?publicAccessBlock&x-oss-access-point-name=`), and the step that makes a request addressed
// to an access point alias a request to its bucket. An access point is named by the `x-oss-access-point-name`
// header (PY2 models/access_point.py, oss2 api.py) except for its Block Public Access, where the name is a query
// parameter (PY2 models/access_point_public_access_block.py, oss2 api.py put_access_point_public_access_block).
// Each bucket keeps its access points in one document (`accessPoints`), so they go with the bucket.
import { randomBytes } from 'node:crypto';
import type { Next } from 'koa';
import {
  accessPointAlias,
  accessPointArn,
  accessPointEndpoints,
  checkCreate,
  isAlias,
  pageAccessPoints,
  parseAccessPointMaxKeys,
  parseCreateAccessPoint,
  type AccessPointRecord,
} from '../domain/accessPoint.js';
import type { ApiName } from '../domain/actions.js';
import { OssError } from '../domain/errors.js';
import { isPublicPolicy, parsePublicAccessBlock } from '../domain/publicAccessBlock.js';
import { arnContext, publicAccessBlocked } from '../http/access.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';
import { readPolicyBody } from './bucketPolicy.js';

function accessPointsOf(ctx: OssContext, bucket: string): AccessPointRecord[] {
  return ctx.state.store.buckets.getDocument<AccessPointRecord[]>(bucket, 'accessPoints') ?? [];
}

function setAccessPoints(ctx: OssContext, bucket: string, list: AccessPointRecord[]): void {
  ctx.state.store.buckets.setDocument(bucket, 'accessPoints', list.length === 0 ? undefined : list);
}

/** Every access point of the account (every bucket's). */
function allAccessPoints(ctx: OssContext): AccessPointRecord[] {
  return ctx.state.store.buckets.documentsOfKind<AccessPointRecord[]>('accessPoints').flatMap((d) => d.doc);
}

function nameHeader(ctx: OssContext): string {
  const name = ctx.get('x-oss-access-point-name');
  if (name === '') throw new OssError('InvalidArgumentAccessPointHeader');
  return name;
}

/** The bucket's access point the request names (header, or the query for its Block Public Access). */
function namedAccessPoint(ctx: OssContext, name: string): AccessPointRecord {
  const bucket = requireBucket(ctx);
  const ap = accessPointsOf(ctx, bucket.name).find((a) => a.name === name);
  if (ap === undefined) throw new OssError('NoSuchAccessPoint', { AccessPointName: name });
  return ap;
}

/** Changes one access point of the request's bucket in one transaction. */
function updateAccessPoint(ctx: OssContext, name: string, change: (ap: AccessPointRecord) => AccessPointRecord): void {
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    const list = accessPointsOf(ctx, bucket.name);
    const i = list.findIndex((a) => a.name === name);
    if (i < 0) throw new OssError('NoSuchAccessPoint', { AccessPointName: name });
    list[i] = change(list[i]!);
    setAccessPoints(ctx, bucket.name, list);
  });
}

function arnOf(ctx: OssContext, ap: AccessPointRecord): string {
  return accessPointArn(arnContext(ctx, ap.bucket).region, ctx.state.config.accountId, ap.name);
}

export async function createAccessPoint(ctx: OssContext): Promise<void> {
  const config = parseCreateAccessPoint(await readXml(ctx));
  const record = ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    const list = accessPointsOf(ctx, bucket.name);
    checkCreate(config.name, list.length, allAccessPoints(ctx));
    const ap: AccessPointRecord = {
      name: config.name,
      bucket: bucket.name,
      networkOrigin: config.networkOrigin,
      vpcId: config.vpcId,
      alias: accessPointAlias(config.name, randomBytes(17).toString('hex')),
      createdAt: Math.floor(ctx.state.config.clock.now() / 1000),
    };
    setAccessPoints(ctx, bucket.name, [...list, ap]);
    return ap;
  });
  sendXml(ctx, 'CreateAccessPointResult', { AccessPointArn: arnOf(ctx, record), Alias: record.alias });
}

/**
 * Status is `enable` at once: real OSS answers `creating` for a while (PY2 / oss2 live tests poll until `enable`),
 * which a local emulator has no reason to make anyone wait for [I].
 */
export function getAccessPoint(ctx: OssContext): void {
  const ap = namedAccessPoint(ctx, nameHeader(ctx));
  const region = arnContext(ctx, ap.bucket).region;
  sendXml(ctx, 'GetAccessPointResult', {
    AccessPointName: ap.name,
    Bucket: ap.bucket,
    AccountId: ctx.state.config.accountId,
    NetworkOrigin: ap.networkOrigin,
    ...(ap.vpcId !== undefined ? { VpcConfiguration: { VpcId: ap.vpcId } } : {}),
    AccessPointArn: arnOf(ctx, ap),
    CreationDate: String(ap.createdAt),
    Alias: ap.alias,
    Status: 'enable',
    Endpoints: accessPointEndpoints(region, ap.name),
    PublicAccessBlockConfiguration: { BlockPublicAccess: String(ap.blockPublicAccess === true) },
  });
}

/** Bucket-level (a bucket's access points) or, on the service, the account's. */
export function listAccessPoints(ctx: OssContext): void {
  const bucketLevel = ctx.state.bucket !== undefined;
  const all = bucketLevel ? accessPointsOf(ctx, requireBucket(ctx).name) : allAccessPoints(ctx);
  const q = ctx.state.query;
  const maxKeys = parseAccessPointMaxKeys(q.get('max-keys'), bucketLevel);
  const { page, next } = pageAccessPoints(all, q.get('continuation-token'), maxKeys);
  sendXml(ctx, 'ListAccessPointsResult', {
    IsTruncated: String(next !== undefined),
    ...(next !== undefined ? { NextContinuationToken: next } : {}),
    AccountId: ctx.state.config.accountId,
    MaxKeys: String(maxKeys),
    // No AccessPoints element when there are none: PY2's live test stops its clean-up loop on `access_points is None`.
    ...(page.length > 0
      ? {
          AccessPoints: {
            AccessPoint: page.map((ap) => ({
              Bucket: ap.bucket,
              AccessPointName: ap.name,
              Alias: ap.alias,
              NetworkOrigin: ap.networkOrigin,
              ...(ap.vpcId !== undefined ? { VpcConfiguration: { VpcId: ap.vpcId } } : {}),
              Status: 'enable',
            })),
          },
        }
      : {}),
  });
}

export function deleteAccessPoint(ctx: OssContext): void {
  const name = nameHeader(ctx);
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    const list = accessPointsOf(ctx, bucket.name);
    if (!list.some((a) => a.name === name)) throw new OssError('NoSuchAccessPoint', { AccessPointName: name });
    setAccessPoints(ctx, bucket.name, list.filter((a) => a.name !== name));
  });
  sendEmpty(ctx, 204);
}

export async function putAccessPointPolicy(ctx: OssContext): Promise<void> {
  const name = nameHeader(ctx);
  const ap = namedAccessPoint(ctx, name);
  const { text, policy } = await readPolicyBody(ctx);
  if (publicAccessBlocked(ctx, ap.bucket, ap) && isPublicPolicy(policy)) throw new OssError('AccessDeniedPublicAccessPointPolicy');
  updateAccessPoint(ctx, name, (a) => ({ ...a, policy: text }));
  sendEmpty(ctx);
}

/** The policy's text as it was put (PY2 / oss2 live tests compare it byte for byte). */
export function getAccessPointPolicy(ctx: OssContext): void {
  const ap = namedAccessPoint(ctx, nameHeader(ctx));
  if (ap.policy === undefined) throw new OssError('NoSuchAccessPointPolicy', { AccessPointName: ap.name });
  ctx.status = 200;
  ctx.type = 'application/json';
  ctx.body = ap.policy;
}

export function deleteAccessPointPolicy(ctx: OssContext): void {
  const name = nameHeader(ctx);
  updateAccessPoint(ctx, name, (a) => ({ ...a, policy: undefined }));
  sendEmpty(ctx, 204);
}

function queryName(ctx: OssContext): string {
  const name = ctx.state.query.get('x-oss-access-point-name') ?? '';
  if (name === '') throw new OssError('NoSuchAccessPoint', { AccessPointName: name });
  return name;
}

export async function putAccessPointPublicAccessBlock(ctx: OssContext): Promise<void> {
  const name = queryName(ctx);
  namedAccessPoint(ctx, name); // a missing access point is answered before the body is read
  const on = parsePublicAccessBlock(await readXml(ctx));
  updateAccessPoint(ctx, name, (a) => ({ ...a, blockPublicAccess: on }));
  sendEmpty(ctx);
}

export function getAccessPointPublicAccessBlock(ctx: OssContext): void {
  const ap = namedAccessPoint(ctx, queryName(ctx));
  sendXml(ctx, 'PublicAccessBlockConfiguration', { BlockPublicAccess: String(ap.blockPublicAccess === true) });
}

export function deleteAccessPointPublicAccessBlock(ctx: OssContext): void {
  const name = queryName(ctx);
  updateAccessPoint(ctx, name, (a) => ({ ...a, blockPublicAccess: undefined }));
  sendEmpty(ctx, 204);
}

/**
 * A bucket name that is an access point alias (path style or virtual-hosted, user guide "Use access points": "the
 * access point alias functions as the bucket name") stands for the access point's bucket. The signature still
 * covers the alias (http/auth.ts signs `addressedBucket`). An alias no access point has is left as it is: the
 * bucket lookup answers NoSuchBucket.
 */
export async function accessPointStep(ctx: OssContext, next: Next): Promise<void> {
  const name = ctx.state.bucket;
  if (name !== undefined && isAlias(name)) {
    const ap = allAccessPoints(ctx).find((a) => a.alias === name);
    if (ap !== undefined) {
      ctx.state.addressedBucket = name;
      ctx.state.bucket = ap.bucket;
      ctx.state.accessPoint = ap;
    }
  }
  await next();
}

/** Bucket-level APIs an access point serves besides every object API [I: OSS's list is uncaptured]. */
const BUCKET_APIS_THROUGH_ACCESS_POINT: ApiName[] = ['ListObjects', 'ListObjectVersions', 'ListMultipartUploads', 'DeleteMultipleObjects'];

/**
 * What an access point refuses before the permission checks: configuration APIs (it is a way to the data, not to
 * the bucket's settings), and any request to a `vpc` access point, since none reaches this emulator from inside a
 * VPC (the user guide: such an access point is "accessed only from the specified VPC") [I: the answers' codes].
 */
export function checkAccessPointRequest(ctx: OssContext, api: ApiName, objectScope: boolean): void {
  const ap = ctx.state.accessPoint;
  if (ap === undefined) return;
  if (ap.networkOrigin === 'vpc') throw new OssError('AccessDeniedAccessPointVpc');
  if (!objectScope && !BUCKET_APIS_THROUGH_ACCESS_POINT.includes(api)) throw new OssError('AccessDeniedAccessPointOperation');
}
