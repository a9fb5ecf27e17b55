// Object operations (PY2 models/object_basic.py): put, append, get, head, meta, delete, delete many, presign.
import { Crc64Hasher } from '../crc64.js';
import { InconsistentCrcError } from '../errors.js';
import { asArray, buildXml } from '../xml.js';
import { readText, type WireRequest, type WireResponse } from '../transport.js';
import type * as M from '../models/index.js';
import { base, bool, date, decode, given, md5, num, str, subresource, type Node, type Wire } from './wire.js';

/** The request headers PY2 sends for the common object fields (metadata, ACL, class, tagging, SSE …). */
export function objectHeaders(r: M.ObjectHeaders): Record<string, string | undefined> {
  const h: Record<string, string | undefined> = {
    'content-type': r.contentType,
    'content-md5': r.contentMd5,
    'cache-control': r.cacheControl,
    'content-disposition': r.contentDisposition,
    'content-encoding': r.contentEncoding,
    expires: r.expires,
    'x-oss-object-acl': r.acl,
    'x-oss-storage-class': r.storageClass,
    'x-oss-tagging': r.tagging,
    'x-oss-forbid-overwrite': r.forbidOverwrite === undefined ? undefined : String(r.forbidOverwrite),
    'x-oss-server-side-encryption': r.serverSideEncryption,
    'x-oss-server-side-data-encryption': r.serverSideDataEncryption,
    'x-oss-server-side-encryption-key-id': r.serverSideEncryptionKeyId,
  };
  for (const [k, v] of Object.entries(r.metadata ?? {})) h[`x-oss-meta-${k.toLowerCase()}`] = v;
  return h;
}

function headResult(res: WireResponse): M.HeadObjectResult {
  const h = res.headers;
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (k.startsWith('x-oss-meta-')) metadata[k.slice(11)] = v;
  return {
    ...base(res),
    contentLength: num(h['content-length']),
    contentType: h['content-type'],
    contentRange: h['content-range'],
    etag: h.etag,
    lastModified: date(h['last-modified']),
    contentMd5: h['content-md5'],
    cacheControl: h['cache-control'],
    contentDisposition: h['content-disposition'],
    contentEncoding: h['content-encoding'],
    expires: h.expires,
    hashCrc64: h['x-oss-hash-crc64ecma'],
    storageClass: h['x-oss-storage-class'],
    objectType: h['x-oss-object-type'],
    versionId: h['x-oss-version-id'],
    taggingCount: num(h['x-oss-tagging-count']),
    metadata,
    nextAppendPosition: num(h['x-oss-next-append-position']),
    serverSideEncryption: h['x-oss-server-side-encryption'],
    serverSideDataEncryption: h['x-oss-server-side-data-encryption'],
    serverSideEncryptionKeyId: h['x-oss-server-side-encryption-key-id'],
    restore: h['x-oss-restore'],
    sealedTime: h['x-oss-sealed-time'],
  };
}

export async function putObject(wire: Wire, req: M.PutObjectRequest): Promise<M.PutObjectResult> {
  const headers = { ...objectHeaders(req), 'x-oss-callback': req.callback, 'x-oss-callback-var': req.callbackVar };
  const res = await wire.send({ method: 'PUT', bucket: req.bucket, key: req.key, headers, body: req.body ?? '' });
  const callbackResult = req.callback === undefined ? undefined : await wire.callbackResult(res);
  wire.checkCrc(req.body ?? '', res);
  return {
    ...base(res),
    contentMd5: res.headers['content-md5'],
    etag: res.headers.etag,
    hashCrc64: res.headers['x-oss-hash-crc64ecma'],
    versionId: res.headers['x-oss-version-id'],
    ...(callbackResult !== undefined ? { callbackResult } : {}),
  };
}

export async function appendObject(wire: Wire, req: M.AppendObjectRequest): Promise<M.AppendObjectResult> {
  const res = await wire.send({
    method: 'POST',
    bucket: req.bucket,
    key: req.key,
    query: [['append', undefined], ['position', String(req.position)]],
    headers: objectHeaders(req),
    body: req.body ?? '',
  });
  return {
    ...base(res),
    versionId: res.headers['x-oss-version-id'],
    hashCrc64: res.headers['x-oss-hash-crc64ecma'],
    nextPosition: num(res.headers['x-oss-next-append-position']),
    serverSideEncryption: res.headers['x-oss-server-side-encryption'],
  };
}

function getRequest(method: 'GET' | 'HEAD', req: M.GetObjectRequest): WireRequest {
  return {
    method,
    bucket: req.bucket,
    key: req.key,
    query: given([
      ['versionId', req.versionId],
      ['response-content-type', req.responseContentType],
      ['response-content-disposition', req.responseContentDisposition],
      ['x-oss-process', method === 'GET' ? req.process : undefined],
    ]),
    headers: {
      range: req.range,
      'x-oss-range-behavior': req.rangeBehavior,
      'if-match': req.ifMatch,
      'if-none-match': req.ifNoneMatch,
      'if-modified-since': req.ifModifiedSince,
      'if-unmodified-since': req.ifUnmodifiedSince,
    },
  };
}

export async function headObject(wire: Wire, req: M.HeadObjectRequest): Promise<M.HeadObjectResult> {
  return headResult(await wire.send(getRequest('HEAD', req)));
}

export async function getObject(wire: Wire, req: M.GetObjectRequest): Promise<M.GetObjectResult> {
  const res = await wire.send(getRequest('GET', req), true);
  const result = headResult(res);
  const body = res.body;
  const full = res.status === 200;
  const check = wire.crcCheck && full && result.hashCrc64 !== undefined;
  return {
    ...result,
    body,
    content: async () => {
      const parts: Buffer[] = [];
      const hasher = new Crc64Hasher();
      for await (const chunk of body) {
        parts.push(chunk as Buffer);
        if (check) hasher.update(chunk as Buffer);
      }
      const client = hasher.digest().toString();
      if (check && client !== result.hashCrc64) throw new InconsistentCrcError(client, result.hashCrc64!, res.requestId);
      return Buffer.concat(parts);
    },
  };
}

export async function getObjectMeta(wire: Wire, req: M.GetObjectMetaRequest): Promise<M.GetObjectMetaResult> {
  return headResult(await wire.send({ method: 'HEAD', bucket: req.bucket, key: req.key, query: subresource('objectMeta', req.versionId) }));
}

export async function deleteObject(wire: Wire, req: M.DeleteObjectRequest): Promise<M.DeleteObjectResult> {
  const res = await wire.send({ method: 'DELETE', bucket: req.bucket, key: req.key, query: given([['versionId', req.versionId]]) });
  return { ...base(res), versionId: res.headers['x-oss-version-id'], deleteMarker: bool(res.headers['x-oss-delete-marker']) };
}

export async function deleteMultipleObjects(wire: Wire, req: M.DeleteMultipleObjectsRequest): Promise<M.DeleteMultipleObjectsResult> {
  const body = buildXml('Delete', {
    Quiet: String(req.quiet ?? false),
    Object: req.objects.map((o) => ({ Key: o.key, ...(o.versionId !== undefined ? { VersionId: o.versionId } : {}) })),
  });
  const res = await wire.send({
    method: 'POST',
    bucket: req.bucket,
    query: [['delete', undefined], ['encoding-type', req.encodingType ?? 'url']],
    headers: { 'content-md5': md5(body), 'content-type': 'application/xml' },
    body,
  });
  const root = (await wire.xml(res)).DeleteResult as Node | undefined;
  const enc = str(root, 'EncodingType');
  return {
    ...base(res),
    encodingType: enc,
    deletedObjects: asArray(root?.Deleted as Node[]).map((d) => ({
      key: decode(str(d, 'Key'), enc),
      versionId: str(d, 'VersionId'),
      deleteMarker: bool(str(d, 'DeleteMarker')),
      deleteMarkerVersionId: str(d, 'DeleteMarkerVersionId'),
    })),
  };
}

export function presign(wire: Wire, req: M.PresignRequest): M.PresignResult {
  const method = req.method ?? 'GET';
  const signed = wire.presign({ method, bucket: req.bucket, key: req.key, query: given([['versionId', req.versionId]]), headers: req.headers }, req.expiresSeconds ?? 900);
  return { method, ...signed };
}

/**
 * A browser form for PostObject (behaviour §9.13): the policy pins the bucket, the key (or its prefix before
 * `${filename}`) and the caller's conditions; the fields carry the key, the policy and its signature.
 */
export function presignPostObject(wire: Wire, req: M.PresignPostObjectRequest): M.PresignPostObjectResult {
  const now = Date.now();
  const expiration = new Date(Math.floor(now / 1000) * 1000 + (req.expiresSeconds ?? 3600) * 1000);
  const conditions: M.PresignPostObjectRequest['conditions'] = [];
  if (req.key !== undefined) {
    const at = req.key.indexOf('${filename}');
    conditions.push(at < 0 ? ['eq', '$key', req.key] : ['starts-with', '$key', req.key.slice(0, at)]);
  }
  conditions.push(...(req.conditions ?? []));
  const { url, fields } = wire.presignPost({ bucket: req.bucket, expiration, conditions });
  return { url, expiration, fields: { ...(req.key !== undefined ? { key: req.key } : {}), ...fields } };
}

/** POST ?x-oss-process with the body `x-oss-process=<process>` (PY2 process_object, serde_utils.add_process_action). */
export async function processObject(wire: Wire, req: M.ProcessObjectRequest): Promise<M.ProcessObjectResult> {
  const body = `x-oss-process=${req.process}`;
  const res = await wire.send({ method: 'POST', bucket: req.bucket, key: req.key, query: [['x-oss-process', undefined]], body }, true);
  const text = await readText(res.body);
  const jo = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  return {
    ...base(res),
    bucket: typeof jo.bucket === 'string' ? jo.bucket : undefined,
    fileSize: typeof jo.fileSize === 'number' ? jo.fileSize : undefined,
    key: typeof jo.object === 'string' ? jo.object : undefined,
    processStatus: typeof jo.status === 'string' ? jo.status : undefined,
  };
}
