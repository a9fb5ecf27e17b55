// Access points (PY2 operations/access_point.py, access_point_public_access_block.py) and the account-level Block
// Public Access (operations/public_access_block.py): the access point is named by the x-oss-access-point-name header,
// except for its Block Public Access, where it is a query parameter, as PY2 sends them.
import { readText } from '../transport.js';
import { asArray, buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, bool, given, md5, num, str, type Node, type Query, type Wire } from './wire.js';

const AP: Query = [['accessPoint', undefined]];
const POLICY: Query = [['accessPointPolicy', undefined]];
const PAB: Query = [['publicAccessBlock', undefined]];
const named = (name: string) => ({ 'x-oss-access-point-name': name });

const vpcOf = (node: unknown): M.AccessPointVpcConfiguration | undefined => {
  const vpc = (node as Node | undefined)?.VpcConfiguration as Node | undefined;
  return vpc === undefined || typeof vpc !== 'object' ? undefined : { vpcId: str(vpc, 'VpcId') };
};

function pabBody(config: M.PublicAccessBlockConfiguration): string {
  const on = config.blockPublicAccess;
  return buildXml('PublicAccessBlockConfiguration', on !== undefined ? { BlockPublicAccess: String(on) } : {});
}

function pabOf(root: unknown): M.PublicAccessBlockConfiguration {
  return { blockPublicAccess: bool(str(root, 'BlockPublicAccess')) };
}

export async function createAccessPoint(wire: Wire, req: M.CreateAccessPointRequest): Promise<M.CreateAccessPointResult> {
  const c = req.createAccessPointConfiguration;
  const body = buildXml('CreateAccessPointConfiguration', {
    AccessPointName: c.accessPointName,
    NetworkOrigin: c.networkOrigin,
    ...(c.vpcConfiguration?.vpcId !== undefined ? { VpcConfiguration: { VpcId: c.vpcConfiguration.vpcId } } : {}),
  });
  const res = await wire.send({ method: 'PUT', bucket: req.bucket, query: AP, headers: { 'content-md5': md5(body) }, body });
  const root = (await wire.xml(res)).CreateAccessPointResult as Node | undefined;
  return { ...base(res), accessPointArn: str(root, 'AccessPointArn'), alias: str(root, 'Alias') };
}

export async function getAccessPoint(wire: Wire, req: M.GetAccessPointRequest): Promise<M.GetAccessPointResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: AP, headers: named(req.accessPointName) });
  const root = (await wire.xml(res)).GetAccessPointResult as Node | undefined;
  const endpoints = root?.Endpoints as Node | undefined;
  const pab = root?.PublicAccessBlockConfiguration;
  return {
    ...base(res),
    accessPointName: str(root, 'AccessPointName'),
    bucket: str(root, 'Bucket'),
    accountId: str(root, 'AccountId'),
    networkOrigin: str(root, 'NetworkOrigin'),
    vpcConfiguration: vpcOf(root),
    accessPointArn: str(root, 'AccessPointArn'),
    creationDate: str(root, 'CreationDate'),
    alias: str(root, 'Alias'),
    status: str(root, 'Status'),
    endpoints: endpoints && { publicEndpoint: str(endpoints, 'PublicEndpoint'), internalEndpoint: str(endpoints, 'InternalEndpoint') },
    publicAccessBlockConfiguration: pab === undefined ? undefined : pabOf(pab),
  };
}

export async function listAccessPoints(wire: Wire, req: M.ListAccessPointsRequest): Promise<M.ListAccessPointsResult> {
  const query: Query = [...AP, ...given([['max-keys', req.maxKeys], ['continuation-token', req.continuationToken]])];
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query });
  const root = (await wire.xml(res)).ListAccessPointsResult as Node | undefined;
  const list = (root?.AccessPoints as Node | undefined)?.AccessPoint as Node[] | Node | undefined;
  return {
    ...base(res),
    accessPoints: list === undefined ? undefined : asArray(list as Node[]).map((a) => ({
      bucket: str(a, 'Bucket'),
      accessPointName: str(a, 'AccessPointName'),
      alias: str(a, 'Alias'),
      networkOrigin: str(a, 'NetworkOrigin'),
      vpcConfiguration: vpcOf(a),
      status: str(a, 'Status'),
    })),
    maxKeys: num(str(root, 'MaxKeys')),
    isTruncated: bool(str(root, 'IsTruncated')),
    nextContinuationToken: str(root, 'NextContinuationToken'),
    accountId: str(root, 'AccountId'),
  };
}

export async function deleteAccessPoint(wire: Wire, req: M.DeleteAccessPointRequest): Promise<M.DeleteAccessPointResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: AP, headers: named(req.accessPointName) }));
}

export async function putAccessPointPolicy(wire: Wire, req: M.PutAccessPointPolicyRequest): Promise<M.PutAccessPointPolicyResult> {
  const headers = { ...named(req.accessPointName), 'content-md5': md5(req.body) };
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: POLICY, headers, body: req.body }));
}

export async function getAccessPointPolicy(wire: Wire, req: M.GetAccessPointPolicyRequest): Promise<M.GetAccessPointPolicyResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: POLICY, headers: named(req.accessPointName) });
  return { ...base(res), body: await readText(res.body) };
}

export async function deleteAccessPointPolicy(wire: Wire, req: M.DeleteAccessPointPolicyRequest): Promise<M.DeleteAccessPointPolicyResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: POLICY, headers: named(req.accessPointName) }));
}

const apPab = (name: string): Query => [...PAB, ['x-oss-access-point-name', name]];

export async function putAccessPointPublicAccessBlock(wire: Wire, req: M.PutAccessPointPublicAccessBlockRequest): Promise<M.PutAccessPointPublicAccessBlockResult> {
  const body = pabBody(req.publicAccessBlockConfiguration);
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: apPab(req.accessPointName), headers: { 'content-md5': md5(body) }, body }));
}

export async function getAccessPointPublicAccessBlock(wire: Wire, req: M.GetAccessPointPublicAccessBlockRequest): Promise<M.GetAccessPointPublicAccessBlockResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: apPab(req.accessPointName) });
  return { ...base(res), publicAccessBlockConfiguration: pabOf((await wire.xml(res)).PublicAccessBlockConfiguration) };
}

export async function deleteAccessPointPublicAccessBlock(wire: Wire, req: M.DeleteAccessPointPublicAccessBlockRequest): Promise<M.DeleteAccessPointPublicAccessBlockResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: apPab(req.accessPointName) }));
}

export async function putPublicAccessBlock(wire: Wire, req: M.PutPublicAccessBlockRequest): Promise<M.PutPublicAccessBlockResult> {
  const body = pabBody(req.publicAccessBlockConfiguration);
  return base(await wire.send({ method: 'PUT', query: PAB, headers: { 'content-md5': md5(body) }, body }));
}

export async function getPublicAccessBlock(wire: Wire): Promise<M.GetPublicAccessBlockResult> {
  const res = await wire.send({ method: 'GET', query: PAB });
  return { ...base(res), publicAccessBlockConfiguration: pabOf((await wire.xml(res)).PublicAccessBlockConfiguration) };
}

export async function deletePublicAccessBlock(wire: Wire): Promise<M.DeletePublicAccessBlockResult> {
  return base(await wire.send({ method: 'DELETE', query: PAB }));
}
