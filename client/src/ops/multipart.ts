// Multipart upload operations (PY2 initiate_multipart_upload … list_multipart_uploads).
import { asArray, buildXml } from '../xml.js';
import type { WireRequest } from '../transport.js';
import type * as M from '../models/index.js';
import { encodeCopySource } from './copy.js';
import { objectHeaders } from './object.js';
import { base, date, given, num, str, type Node, type Query, type Wire } from './wire.js';

export async function initiateMultipartUpload(wire: Wire, req: M.InitiateMultipartUploadRequest): Promise<M.InitiateMultipartUploadResult> {
  const res = await wire.send({
    method: 'POST',
    bucket: req.bucket,
    key: req.key,
    query: [['uploads', undefined], ...(req.sequential ? ([['sequential', undefined]] as Query) : []), ['encoding-type', 'url']],
    headers: objectHeaders(req),
  });
  return { ...base(res), uploadId: str((await wire.xml(res)).InitiateMultipartUploadResult, 'UploadId') ?? '' };
}

/** The PUT that writes part `partNumber` of an upload (UploadPart and UploadPartCopy alike). */
function partRequest(req: M.UploadTarget & { partNumber: number }): WireRequest {
  return { method: 'PUT', bucket: req.bucket, key: req.key, query: [['partNumber', String(req.partNumber)], ['uploadId', req.uploadId]] };
}

export async function uploadPart(wire: Wire, req: M.UploadPartRequest): Promise<M.UploadPartResult> {
  const res = await wire.send({ ...partRequest(req), body: req.body });
  wire.checkCrc(req.body, res);
  return { ...base(res), etag: res.headers.etag, hashCrc64: res.headers['x-oss-hash-crc64ecma'] };
}

export async function uploadPartCopy(wire: Wire, req: M.UploadPartCopyRequest): Promise<M.UploadPartCopyResult> {
  const res = await wire.send({
    ...partRequest(req),
    headers: {
      'x-oss-copy-source': encodeCopySource(req.sourceBucket ?? req.bucket, req.sourceKey, req.sourceVersionId),
      'x-oss-copy-source-range': req.sourceRange,
      'x-oss-copy-source-if-match': req.ifMatch,
    },
  });
  const root = (await wire.xml(res)).CopyPartResult;
  return {
    ...base(res),
    etag: str(root, 'ETag'),
    lastModified: date(str(root, 'LastModified')),
    sourceVersionId: res.headers['x-oss-copy-source-version-id'],
  };
}

export async function completeMultipartUpload(wire: Wire, req: M.CompleteMultipartUploadRequest): Promise<M.CompleteMultipartUploadResult> {
  const body = req.parts
    ? buildXml('CompleteMultipartUpload', { Part: req.parts.map((p) => ({ PartNumber: String(p.partNumber), ETag: p.etag })) })
    : undefined;
  const res = await wire.send({
    method: 'POST',
    bucket: req.bucket,
    key: req.key,
    query: [['uploadId', req.uploadId], ['encoding-type', 'url']],
    headers: {
      'x-oss-complete-all': req.completeAll ? 'yes' : undefined,
      'x-oss-object-acl': req.acl,
      'x-oss-forbid-overwrite': req.forbidOverwrite === undefined ? undefined : String(req.forbidOverwrite),
      'x-oss-callback': req.callback,
      'x-oss-callback-var': req.callbackVar,
    },
    body,
  });
  if (req.callback !== undefined) {
    const callbackResult = await wire.callbackResult(res);
    return { ...base(res), etag: res.headers.etag, hashCrc64: res.headers['x-oss-hash-crc64ecma'], versionId: res.headers['x-oss-version-id'], callbackResult };
  }
  const root = (await wire.xml(res)).CompleteMultipartUploadResult;
  return { ...base(res), etag: str(root, 'ETag'), hashCrc64: res.headers['x-oss-hash-crc64ecma'], versionId: res.headers['x-oss-version-id'] };
}

export async function abortMultipartUpload(wire: Wire, req: M.AbortMultipartUploadRequest): Promise<M.AbortMultipartUploadResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, key: req.key, query: [['uploadId', req.uploadId]] }));
}

export async function listParts(wire: Wire, req: M.ListPartsRequest): Promise<M.ListPartsResult> {
  const query: Query = [['uploadId', req.uploadId], ...given([['max-parts', req.maxParts], ['part-number-marker', req.partNumberMarker]])];
  const res = await wire.send({ method: 'GET', bucket: req.bucket, key: req.key, query });
  const root = (await wire.xml(res)).ListPartsResult as Node | undefined;
  return {
    ...base(res),
    isTruncated: str(root, 'IsTruncated') === 'true',
    nextPartNumberMarker: num(str(root, 'NextPartNumberMarker')),
    parts: asArray(root?.Part as Node[]).map((p) => ({
      partNumber: Number(str(p, 'PartNumber')),
      etag: str(p, 'ETag'),
      size: num(str(p, 'Size')),
      hashCrc64: str(p, 'HashCrc64ecma'),
    })),
  };
}

/** ListMultipartUploads: the uploads started and not yet completed or aborted. */
export async function listMultipartUploads(wire: Wire, req: M.ListMultipartUploadsRequest): Promise<M.ListMultipartUploadsResult> {
  const query: Query = [
    ['uploads', undefined],
    ...given([['prefix', req.prefix], ['key-marker', req.keyMarker], ['upload-id-marker', req.uploadIdMarker], ['max-uploads', req.maxUploads]]),
  ];
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query });
  const root = (await wire.xml(res)).ListMultipartUploadsResult as Node | undefined;
  return {
    ...base(res),
    isTruncated: str(root, 'IsTruncated') === 'true',
    nextKeyMarker: str(root, 'NextKeyMarker') || undefined,
    nextUploadIdMarker: str(root, 'NextUploadIdMarker') || undefined,
    uploads: asArray(root?.Upload as Node[]).map((u) => ({ key: str(u, 'Key') ?? '', uploadId: str(u, 'UploadId') ?? '', initiated: str(u, 'Initiated') })),
  };
}
