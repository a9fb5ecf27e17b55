// RestoreObject, CleanRestoredObject, Put/GetSymlink, SealAppendObject, Put/GetBucketArchiveDirectRead (PY2
// operations/object_basic.py and bucket_archive_direct_read.py).
import { buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, bool, md5, str, type Node, type Query, type Wire } from './wire.js';

function versionQuery(sub: string, versionId: string | undefined): Query {
  return versionId === undefined ? [[sub, undefined]] : [[sub, undefined], ['versionId', versionId]];
}

export async function restoreObject(wire: Wire, req: M.RestoreObjectRequest): Promise<M.RestoreObjectResult> {
  const r = req.restoreRequest;
  const body =
    r === undefined
      ? undefined
      : buildXml('RestoreRequest', {
          ...(r.days !== undefined ? { Days: String(r.days) } : {}),
          ...(r.jobParameters?.tier !== undefined ? { JobParameters: { Tier: r.jobParameters.tier } } : {}),
        });
  const res = await wire.send({
    method: 'POST',
    bucket: req.bucket,
    key: req.key,
    query: versionQuery('restore', req.versionId),
    ...(body !== undefined ? { headers: { 'content-md5': md5(body) }, body } : {}),
  });
  return { ...base(res), versionId: res.headers['x-oss-version-id'], restorePriority: res.headers['x-oss-object-restore-priority'] };
}

export async function cleanRestoredObject(wire: Wire, req: M.CleanRestoredObjectRequest): Promise<M.CleanRestoredObjectResult> {
  return base(await wire.send({ method: 'POST', bucket: req.bucket, key: req.key, query: versionQuery('cleanRestoredObject', req.versionId) }));
}

export async function putSymlink(wire: Wire, req: M.PutSymlinkRequest): Promise<M.PutSymlinkResult> {
  const headers: Record<string, string | undefined> = {
    // URL-encoded as oss2 and PY2 send it; the emulator decodes it.
    'x-oss-symlink-target': encodeURIComponent(req.target),
    'x-oss-object-acl': req.acl,
    'x-oss-storage-class': req.storageClass,
    'x-oss-tagging': req.tagging,
    'x-oss-forbid-overwrite': req.forbidOverwrite === undefined ? undefined : String(req.forbidOverwrite),
  };
  for (const [k, v] of Object.entries(req.metadata ?? {})) headers[`x-oss-meta-${k.toLowerCase()}`] = v;
  const res = await wire.send({ method: 'PUT', bucket: req.bucket, key: req.key, query: [['symlink', undefined]], headers });
  return { ...base(res), versionId: res.headers['x-oss-version-id'] };
}

export async function getSymlink(wire: Wire, req: M.GetSymlinkRequest): Promise<M.GetSymlinkResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, key: req.key, query: versionQuery('symlink', req.versionId) });
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (k.startsWith('x-oss-meta-')) metadata[k.slice(11)] = v;
  const target = res.headers['x-oss-symlink-target'];
  return {
    ...base(res),
    versionId: res.headers['x-oss-version-id'],
    target: target === undefined ? undefined : decodeURIComponent(target),
    etag: res.headers.etag,
    metadata,
  };
}

export async function sealAppendObject(wire: Wire, req: M.SealAppendObjectRequest): Promise<M.SealAppendObjectResult> {
  const res = await wire.send({
    method: 'POST',
    bucket: req.bucket,
    key: req.key,
    query: [['seal', undefined], ['position', String(req.position)]],
  });
  return { ...base(res), sealedTime: res.headers['x-oss-sealed-time'] };
}

const DIRECT_READ: Query = [['bucketArchiveDirectRead', undefined]];

export async function putBucketArchiveDirectRead(
  wire: Wire,
  req: M.PutBucketArchiveDirectReadRequest,
): Promise<M.PutBucketArchiveDirectReadResult> {
  const body = buildXml('ArchiveDirectReadConfiguration', { Enabled: String(req.archiveDirectReadConfiguration.enabled ?? false) });
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: DIRECT_READ, headers: { 'content-md5': md5(body) }, body }));
}

export async function getBucketArchiveDirectRead(
  wire: Wire,
  req: M.GetBucketArchiveDirectReadRequest,
): Promise<M.GetBucketArchiveDirectReadResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: DIRECT_READ });
  const root = (await wire.xml(res)).ArchiveDirectReadConfiguration as Node | undefined;
  return { ...base(res), archiveDirectReadConfiguration: { enabled: bool(str(root, 'Enabled')) } };
}
