// CopyObject (PY2 copy_object), and the copy source as PY2 encodes it (UploadPartCopy names its source alike).
import type * as M from '../models/index.js';
import { objectHeaders } from './object.js';
import { base, date, str, type Node, type Wire } from './wire.js';

/** Copy-source as PY2 builds it: `/bucket/` + quote(key, safe='/') + `?versionId=` appended raw. */
export function encodeCopySource(bucket: string, key: string, versionId?: string): string {
  const path = `/${bucket}/${encodeURIComponent(key).replace(/%2F/g, '/').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())}`;
  return versionId === undefined ? path : `${path}?versionId=${versionId}`;
}

export async function copyObject(wire: Wire, req: M.CopyObjectRequest): Promise<M.CopyObjectResult> {
  const headers: Record<string, string | undefined> = {
    'x-oss-copy-source': encodeCopySource(req.sourceBucket ?? req.bucket, req.sourceKey, req.sourceVersionId),
    'x-oss-copy-source-if-match': req.ifMatch,
    'x-oss-copy-source-if-none-match': req.ifNoneMatch,
    'x-oss-copy-source-if-modified-since': req.ifModifiedSince,
    'x-oss-copy-source-if-unmodified-since': req.ifUnmodifiedSince,
    'x-oss-metadata-directive': req.metadataDirective,
    'x-oss-tagging-directive': req.taggingDirective,
    'content-language': req.contentLanguage,
    'x-oss-traffic-limit': req.trafficLimit === undefined ? undefined : String(req.trafficLimit),
    'x-oss-request-payer': req.requestPayer,
    ...objectHeaders(req),
  };
  const res = await wire.send({ method: 'PUT', bucket: req.bucket, key: req.key, headers });
  const root = (await wire.xml(res)).CopyObjectResult as Node | undefined;
  return {
    ...base(res),
    versionId: res.headers['x-oss-version-id'],
    sourceVersionId: res.headers['x-oss-copy-source-version-id'],
    hashCrc64: res.headers['x-oss-hash-crc64ecma'],
    etag: str(root, 'ETag') ?? res.headers.etag,
    lastModified: date(str(root, 'LastModified')),
    serverSideEncryption: res.headers['x-oss-server-side-encryption'],
    serverSideDataEncryption: res.headers['x-oss-server-side-data-encryption'],
    serverSideEncryptionKeyId: res.headers['x-oss-server-side-encryption-key-id'],
  };
}
