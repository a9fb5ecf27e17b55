// ACL operations on buckets and objects (PY2 put/get_bucket_acl, put/get_object_acl).
import type { WireResponse } from '../transport.js';
import type * as M from '../models/index.js';
import { base, owner, str, subresource, type Node, type Wire } from './wire.js';

export async function putBucketAcl(wire: Wire, req: M.PutBucketAclRequest): Promise<M.PutBucketAclResult> {
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: [['acl', undefined]], headers: { 'x-oss-acl': req.acl } }));
}

export async function getBucketAcl(wire: Wire, req: M.GetBucketAclRequest): Promise<M.GetBucketAclResult> {
  return aclResult(wire, await wire.send({ method: 'GET', bucket: req.bucket, query: [['acl', undefined]] }));
}

export async function putObjectAcl(wire: Wire, req: M.PutObjectAclRequest): Promise<M.PutObjectAclResult> {
  const query = subresource('acl', req.versionId);
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, key: req.key, query, headers: { 'x-oss-object-acl': req.acl } }));
}

export async function getObjectAcl(wire: Wire, req: M.GetObjectAclRequest): Promise<M.GetObjectAclResult> {
  const query = subresource('acl', req.versionId);
  return aclResult(wire, await wire.send({ method: 'GET', bucket: req.bucket, key: req.key, query }));
}

async function aclResult(wire: Wire, res: WireResponse): Promise<M.GetAclResult> {
  const root = (await wire.xml(res)).AccessControlPolicy as Node;
  return {
    ...base(res),
    owner: owner(root?.Owner as Node | undefined),
    acl: str(root?.AccessControlList, 'Grant'),
    versionId: res.headers['x-oss-version-id'],
  };
}
