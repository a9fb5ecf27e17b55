// Multipart upload (behaviour §9.8): Initiate, UploadPart, UploadPartCopy, Complete, Abort, ListParts,
// ListMultipartUploads. Parts are contents like objects; UploadPartCopy and Complete only write extent lists, so
// a multipart copy of any size costs the same.
import { createHash, randomBytes } from 'node:crypto';
import { OssError, invalidArgument } from '../domain/errors.js';
import { validateObjectKey } from '../domain/objectName.js';
import { parseObjectAcl } from '../domain/acl.js';
import { encryptionHeaders } from '../domain/encryption.js';
import { parseCopySource } from '../domain/copySource.js';
import { checkCopy } from '../domain/worm.js';
import * as mp from '../domain/multipart.js';
import { exposesVersionId } from '../domain/types.js';
import type { UploadRecord } from '../store/uploads.js';
import type { Store } from '../store/store.js';
import { readXml, receiveContent } from '../http/body.js';
import { writerEncryption } from './kms.js';
import { isoDate, listValue, quotedEtag, sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { Pacer, trafficLimitOf } from '../http/pace.js';
import { requireBucket } from './bucket.js';
import { resolveCopySource } from './copy.js';
import { parseEncodingType, parseMaxKeys } from './params.js';
import { bucketPolicyOf, checkForbidOverwrite, landObject, landedUpload } from './landing.js';
import { answerWithCallback, requestedCallback } from './callback.js';
import { newObjectHeaders } from './objectRequest.js';
import { setVersionHeader } from './objectHeaders.js';

function newUploadId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

/** The upload a request names, for this bucket and key, or 404 NoSuchUpload with the API's EC. */
function requireUpload(ctx: OssContext, api: keyof typeof mp.MULTIPART_EC.noSuchUpload): UploadRecord {
  const id = ctx.state.query.get('uploadId') ?? '';
  const upload = ctx.state.store.uploads.get(id);
  if (upload === undefined || upload.bucket !== ctx.state.bucket || upload.key !== ctx.state.key) {
    throw new OssError('NoSuchUpload', { UploadId: id }, mp.MULTIPART_EC.noSuchUpload[api]);
  }
  return upload;
}

export function initiateMultipartUpload(ctx: OssContext): void {
  const key = ctx.state.key!;
  const enc = parseEncodingType(ctx.state.query.get('encoding-type'));
  const bucket = requireBucket(ctx);
  validateObjectKey(key);
  const options = newObjectHeaders(ctx, bucket);
  // Only forbid-overwrite is checked this early (behaviour §9.8); what the completion would remove is judged when it lands.
  checkForbidOverwrite(ctx.state.store, bucket, key, options);
  writerEncryption(ctx, options.encryption); // an unknown or disabled key fails here, not at the first part
  const uploadId = newUploadId();
  // `?sequential` (behaviour §9.15): oss2 init_multipart_upload(params={'sequential': ''}), GO2 Uploader's Parameters.
  const sequential = ctx.state.query.has('sequential');
  ctx.state.store.tx(() =>
    ctx.state.store.uploads.create({ uploadId, bucket: bucket.name, key, initiated: ctx.state.config.clock.now(), options, sequential }),
  );
  for (const [name, value] of Object.entries(encryptionHeaders(options.encryption))) ctx.set(name, value);
  sendXml(ctx, 'InitiateMultipartUploadResult', {
    ...(enc ? { EncodingType: enc } : {}),
    Bucket: bucket.name,
    Key: listValue(key, enc),
    UploadId: uploadId,
  });
}

/**
 * The client-side encryption metadata an upload was initiated with, as ListParts reports it: PY2's ListPartsResult
 * reads ClientEncryptionKey … ClientEncryptionPartSize, and its encryption client needs them to resume an upload
 * (tests/integration/test_encryption_client.py test_multipart_from_bytes, a live suite). Their place among the
 * elements is not captured [I: after StorageClass].
 */
function clientEncryptionElements(user: Record<string, string>): Record<string, string> {
  const names: [string, string][] = [
    ['client-side-encryption-key', 'ClientEncryptionKey'],
    ['client-side-encryption-start', 'ClientEncryptionStart'],
    ['client-side-encryption-cek-alg', 'ClientEncryptionCekAlg'],
    ['client-side-encryption-wrap-alg', 'ClientEncryptionWrapAlg'],
    ['client-side-encryption-data-size', 'ClientEncryptionDataSize'],
    ['client-side-encryption-part-size', 'ClientEncryptionPartSize'],
  ];
  return Object.fromEntries(names.filter(([meta]) => user[meta] !== undefined).map(([meta, element]) => [element, user[meta]!]));
}

/**
 * Parts and the completion take the upload's encryption: SSE headers on UploadPart or CompleteMultipartUpload are
 * refused (oss2 live tests/test_server_side_encryotion.py TestSSEDataEncryption test_multipart_upload:
 * InvalidArgument for both; the message is [I]; docs/sdk-suites.md D4).
 */
function refuseEncryptionHeaders(ctx: OssContext): void {
  const sse = ctx.get('x-oss-server-side-encryption');
  if (sse !== '') throw invalidArgument('InvalidArgumentPartEncryption', 'x-oss-server-side-encryption', sse);
}

export async function uploadPart(ctx: OssContext): Promise<void> {
  const partNumber = mp.parsePartNumber(ctx.state.query.get('partNumber'));
  refuseEncryptionHeaders(ctx);
  requireBucket(ctx);
  const initiated = requireUpload(ctx, 'UploadPart');
  // Before the body is read, so a refused part is not received; again at commit, against the parts stored by then.
  if (initiated.sequential) mp.checkSequentialPart(partNumber, ctx.state.store.uploads.highestPart(initiated.uploadId));
  const pending = await receiveContent(ctx, mp.MAX_PART_SIZE, writerEncryption(ctx, initiated.options.encryption));
  const store = ctx.state.store;
  const etag = pending.md5.toString('hex').toUpperCase();
  try {
    store.tx(() => {
      const upload = requireUpload(ctx, 'UploadPart');
      if (upload.sequential) mp.checkSequentialPart(partNumber, store.uploads.highestPart(upload.uploadId));
      const contentId = store.content.commit(pending);
      store.uploads.putPart(upload.uploadId, {
        partNumber,
        etag,
        size: pending.size,
        crc64: pending.crc64.toString(),
        lastModified: ctx.state.config.clock.now(),
        contentId,
      });
    });
  } catch (err) {
    store.content.discard(pending);
    throw err;
  }
  ctx.set('ETag', quotedEtag(etag));
  ctx.set('Content-MD5', pending.md5.toString('base64'));
  ctx.set('x-oss-hash-crc64ecma', pending.crc64.toString());
  // The answer names the encryption the part was stored under, the upload's (the same oss2 live test).
  for (const [name, value] of Object.entries(encryptionHeaders(initiated.options.encryption))) ctx.set(name, value);
  sendEmpty(ctx);
}

export async function uploadPartCopy(ctx: OssContext): Promise<void> {
  const partNumber = mp.parsePartNumber(ctx.state.query.get('partNumber'));
  const limit = trafficLimitOf(ctx);
  const sourceHeader = ctx.get('x-oss-copy-source');
  if (!sourceHeader.startsWith('/')) throw new OssError('InvalidArgumentCopySource', {}, mp.MULTIPART_EC.partCopySource);
  const source = parseCopySource(sourceHeader);
  const header = (name: string) => ctx.get(name) || undefined;
  const store = ctx.state.store;
  const result = store.tx(() => {
    const destBucket = requireBucket(ctx);
    const upload = requireUpload(ctx, 'UploadPartCopy');
    const { sourceBucket, src, decision } = resolveCopySource(ctx, source, destBucket);
    // A part copied from a symlink: whether OSS copies the target's bytes is not captured; refused, not guessed
    // (behaviour §9.12 [I]).
    if (src.symlinkTarget !== undefined) throw new OssError('NotImplemented', { Header: 'x-oss-copy-source' });
    // Every failed condition is 412 here, unlike CopyObject's 304 (DOCS UploadPartCopy.md [U]).
    if (decision === 'not-modified') throw new OssError('PreconditionFailed');
    checkCopy(ctx.state.config.wormCopyRule, bucketPolicyOf(store, sourceBucket.name), bucketPolicyOf(store, destBucket.name), ctx.state.config.clock.now());
    const range = mp.copySourceRange(header('x-oss-copy-source-range'), src.size);
    const whole = range.start === 0 && range.end === src.size;
    const contentId = store.content.compose([{ contentId: src.contentId!, start: range.start, end: range.end }]);
    const info = store.content.info(contentId)!;
    // A whole Normal source keeps its MD5 ETag; a slice gets an ETag derived from the source's and the range
    // without reading the bytes [I: real OSS answers the slice's MD5; SDK copiers only echo it back].
    const etag =
      whole && /^[0-9A-F]{32}$/.test(src.etag)
        ? src.etag
        : createHash('md5').update(`${src.etag}:${range.start}-${range.end}`).digest('hex').toUpperCase();
    const lastModified = ctx.state.config.clock.now();
    store.uploads.putPart(upload.uploadId, { partNumber, etag, size: info.size, crc64: info.crc64, lastModified, contentId });
    return { etag, lastModified, crc64: info.crc64, sourceBucket, src, range };
  });
  if (limit !== undefined) await new Pacer(limit).moved(result.range.end - result.range.start);
  if (exposesVersionId(result.sourceBucket)) ctx.set('x-oss-copy-source-version-id', result.src.versionId);
  ctx.set('x-oss-hash-crc64ecma', result.crc64);
  // The part's ETag and the copied range travel as headers too, beside the body: oss2
  // unittests/test_multipart.py::test_upload_part_copy (request 566B6C09D5A340D61A73D677) shows
  // `Content-Range: bytes 0-102399/204800` and `ETag`; ali-oss and oss2 read the part ETag from the header (audit #2).
  ctx.set('ETag', quotedEtag(result.etag));
  ctx.set('Content-Range', `bytes ${result.range.start}-${result.range.end - 1}/${result.src.size}`);
  sendXml(ctx, 'CopyPartResult', { LastModified: isoDate(result.lastModified), ETag: quotedEtag(result.etag) });
}

export async function completeMultipartUpload(ctx: OssContext): Promise<void> {
  const key = ctx.state.key!;
  refuseEncryptionHeaders(ctx);
  const enc = parseEncodingType(ctx.state.query.get('encoding-type'));
  const completeAll = ctx.get('x-oss-complete-all').toLowerCase() === 'yes';
  const doc = await readXml(ctx);
  if (completeAll && doc !== undefined) {
    throw invalidArgument('InvalidArgumentCompleteAll', 'x-oss-complete-all', ctx.get('x-oss-complete-all'), mp.MULTIPART_EC.completeAllWithBody);
  }
  if (!completeAll && doc === undefined) throw new OssError('MalformedXML', {}, mp.MULTIPART_EC.completeMalformedXml);
  const requested = completeAll ? undefined : mp.requestedParts(doc);
  const aclHeader = parseObjectAcl(ctx.get('x-oss-object-acl') || undefined);
  const forbidHeader = ctx.get('x-oss-forbid-overwrite').toLowerCase() === 'true';
  const callback = requestedCallback(ctx, ctx.state.bucket!); // refused before the upload is completed
  const store = ctx.state.store;
  const written = store.tx(() => {
    const bucket = requireBucket(ctx);
    const upload = requireUpload(ctx, 'CompleteMultipartUpload');
    const stored = store.uploads.allParts(upload.uploadId);
    const chosen = requested ? mp.selectParts(requested, stored) : (mp.checkSizes(stored), stored);
    // complete-all with nothing uploaded has nothing to join [I]; an explicit empty list is a 0-byte object (above).
    if (!requested && chosen.length === 0) throw new OssError('InvalidPart');
    const contents = new Map(stored.map((p) => [p.partNumber, p.contentId]));
    const contentId = store.content.compose(chosen.map((p) => ({ contentId: contents.get(p.partNumber)!, start: 0, end: p.size })));
    const info = store.content.info(contentId)!;
    const opts = upload.options;
    // A sequential upload's object has the Content-MD5 of its bytes (oss2 tests/test_multipart.py
    // test_multipart_sequential, GO2 TestUploaderWithSequential: HeadObject's Content-MD5 is set only then). The
    // parts were received in order, but their MD5s do not combine, so the bytes are read once more here [I: cost].
    const contentMd5 = upload.sequential ? md5Of(store, contentId, info.size) : undefined;
    // Inside the completion's transaction: the whole completion commits or nothing does. FileAlreadyExists carries
    // Complete's own EC (EC page 0042-00000214), not PutObject's.
    const result = landObject(ctx, bucket.name, key, contentId, {
      forbidOverwrite: opts.forbidOverwrite || forbidHeader,
      forbidOverwriteEc: mp.MULTIPART_EC.completeForbidOverwrite,
      build: () => ({
        lastModified: ctx.state.config.clock.now(),
        size: info.size,
        etag: mp.multipartEtag(chosen),
        crc64: info.crc64,
        ...(contentMd5 !== undefined ? { contentMd5 } : {}),
        objectType: 'Multipart',
        storageClass: opts.storageClass,
        acl: aclHeader ?? opts.acl,
        metadata: opts.metadata,
        tags: opts.tags,
        encryption: opts.encryption,
        contentId,
      }),
    });
    store.uploads.remove(upload.uploadId);
    return result;
  });
  ctx.set('x-oss-hash-crc64ecma', written.record.crc64);
  // The object's ETag also as a header, as after PutObject (OSS2 unittests/test_multipart.py::test_complete, a
  // captured answer: `ETag: "1C787C506EABFB9B45EAAA8DB039F4B2-2"`, request id 566B6C0A05200A20B174994F).
  ctx.set('ETag', quotedEtag(written.record.etag));
  setVersionHeader(ctx, written.bucket, written.record.versionId);
  for (const [name, value] of Object.entries(encryptionHeaders(written.record.encryption))) ctx.set(name, value);
  // With a callback, the answer is the callback server's (API reference "Callback"), not the result document.
  if (callback !== undefined) return answerWithCallback(ctx, callback, landedUpload(written, key, 'CompleteMultipartUpload'));
  sendXml(ctx, 'CompleteMultipartUploadResult', {
    ...(enc ? { EncodingType: enc } : {}),
    // A URL: its path keeps `/` even where the Key element encodes it.
    Location: `http://${ctx.state.host}/${written.bucket.name}/${listValue(key, enc).replace(/%2F/g, '/')}`,
    Bucket: written.bucket.name,
    Key: listValue(key, enc),
    ETag: quotedEtag(written.record.etag),
  });
}

/** The base64 MD5 of a content's bytes, read slice by slice (memory stays bounded). */
function md5Of(store: Store, contentId: number, size: number): string {
  const hash = createHash('md5');
  for (const slice of store.content.slices(contentId, 0, size)) hash.update(slice);
  return hash.digest('base64');
}

export function abortMultipartUpload(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    requireBucket(ctx);
    ctx.state.store.uploads.remove(requireUpload(ctx, 'AbortMultipartUpload').uploadId);
  });
  sendEmpty(ctx, 204);
}

export function listParts(ctx: OssContext): void {
  requireBucket(ctx);
  const upload = requireUpload(ctx, 'ListParts');
  const q = ctx.state.query;
  const enc = parseEncodingType(q.get('encoding-type'));
  const maxParts = parseMaxKeys(q.get('max-parts'), 1000, 'max-parts');
  const markerText = q.get('part-number-marker') ?? '';
  const marker = /^\d{1,5}$/.test(markerText) ? Number(markerText) : 0;
  const parts = ctx.state.store.uploads.parts(upload.uploadId, marker, maxParts + 1);
  const truncated = parts.length > maxParts;
  const page = parts.slice(0, maxParts);
  sendXml(ctx, 'ListPartsResult', {
    ...(enc ? { EncodingType: enc } : {}),
    Bucket: upload.bucket,
    Key: listValue(upload.key, enc),
    UploadId: upload.uploadId,
    StorageClass: upload.options.storageClass,
    ...clientEncryptionElements(upload.options.metadata.user),
    PartNumberMarker: String(marker),
    NextPartNumberMarker: String(page.length ? page[page.length - 1]!.partNumber : marker),
    MaxParts: String(maxParts),
    IsTruncated: String(truncated),
    ...(page.length
      ? {
          Part: page.map((p) => ({
            PartNumber: String(p.partNumber),
            LastModified: isoDate(p.lastModified),
            ETag: quotedEtag(p.etag),
            HashCrc64ecma: p.crc64,
            Size: String(p.size),
          })),
        }
      : {}),
  });
}

export function listMultipartUploads(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const q = ctx.state.query;
  const enc = parseEncodingType(q.get('encoding-type'));
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const keyMarker = q.get('key-marker') ?? '';
  const uploadIdMarker = q.get('upload-id-marker') ?? '';
  const maxUploads = parseMaxKeys(q.get('max-uploads'), 1000, 'max-uploads');
  const uploads: UploadRecord[] = [];
  const prefixes: string[] = [];
  let truncated = false;
  let last: { key: string; uploadId: string } | undefined;
  // Uploads are few; fold common prefixes while walking them in key order. A key-marker that is a common prefix
  // (the NextKeyMarker of a page that ended on one) resumes after everything under it: each CommonPrefix appears
  // once across pages (oss2 live tests/test_iterator.py::test_upload_iterator; audit #5).
  for (const u of ctx.state.store.uploads.list(bucket.name, { prefix, keyMarker, uploadIdMarker, limit: 100_000 })) {
    const at = delimiter ? u.key.indexOf(delimiter, prefix.length) : -1;
    const cp = at >= 0 ? u.key.slice(0, at + delimiter.length) : undefined;
    if (cp !== undefined && (cp === keyMarker || prefixes.includes(cp))) continue;
    if (uploads.length + prefixes.length === maxUploads) {
      truncated = true;
      break;
    }
    if (cp !== undefined) prefixes.push(cp);
    else uploads.push(u);
    last = { key: cp ?? u.key, uploadId: cp ? '' : u.uploadId };
  }
  sendXml(ctx, 'ListMultipartUploadsResult', {
    ...(enc ? { EncodingType: enc } : {}),
    Bucket: bucket.name,
    KeyMarker: listValue(keyMarker, enc),
    UploadIdMarker: uploadIdMarker,
    // The last entry's markers even when not truncated: the Python SDK v2 integration test_client.py
    // test_multipart_upload asserts next_key_marker == key on an untruncated page (sdk-suites-2026-12-01).
    NextKeyMarker: last ? listValue(last.key, enc) : '',
    NextUploadIdMarker: last ? last.uploadId : '',
    Delimiter: listValue(delimiter, enc),
    Prefix: listValue(prefix, enc),
    MaxUploads: String(maxUploads),
    IsTruncated: String(truncated),
    ...(uploads.length
      ? {
          Upload: uploads.map((u) => ({
            Key: listValue(u.key, enc),
            UploadId: u.uploadId,
            StorageClass: u.options.storageClass,
            Initiated: isoDate(u.initiated),
          })),
        }
      : {}),
    ...(prefixes.length ? { CommonPrefixes: prefixes.map((p) => ({ Prefix: listValue(p, enc) })) } : {}),
  });
}
