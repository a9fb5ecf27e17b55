// CopyObject: PUT /<key> with x-oss-copy-source (behaviour §1, §2). Parse the headers, decide with domain/copyRules,
// and write the destination as a new version that shares the source's content: no byte is copied, so a copy
// costs the same for 1 KiB and 10 GiB, and ETag and CRC-64 carry over unchanged.
import { OssError } from '../domain/errors.js';
import { validateObjectKey } from '../domain/objectName.js';
import { parseCopySource, type CopySource } from '../domain/copySource.js';
import { COPY_CONDITION_NAMES, evaluateConditions } from '../domain/conditions.js';
import { metadataFromHeaders } from '../domain/metadata.js';
import { parseObjectAcl } from '../domain/acl.js';
import { parseStorageClass } from '../domain/storageClass.js';
import { parseTaggingDirective, parseTaggingHeader } from '../domain/tagging.js';
import { encryptionHeaders, parseEncryption } from '../domain/encryption.js';
import { parseMetadataDirective, planCopy } from '../domain/copyRules.js';
import { exposesVersionId, type BucketRecord, type ObjectVersionRecord } from '../domain/types.js';
import { isoDate, quotedEtag, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { Pacer, trafficLimitOf } from '../http/pace.js';
import type { Store } from '../store/store.js';
import { requireBucket } from './bucket.js';
import { bucketPolicyOf, landObject, newObjectEncryption } from './landing.js';
import { forbidOverwriteOf } from './objectRequest.js';
import { checkCopy } from '../domain/worm.js';
import { copySourceChecks } from '../domain/actions.js';
import { arnContext, permit } from '../http/access.js';
import { checkThawed } from './restore.js';
import { checkDecryptable, kmsKeyIdOf, usableKmsKey } from './kms.js';

/** The source version a copy reads (behaviour §3.2, §4): delete markers and missing versions fail as OSS does. */
export function copySourceObject(store: Store, bucket: BucketRecord, key: string, versionId?: string): ObjectVersionRecord {
  const objects = store.objects;
  const o = versionId === undefined ? objects.current(bucket.name, key) : objects.version(bucket.name, key, versionId);
  if (o === undefined) {
    if (versionId !== undefined) throw new OssError('NoSuchVersion', { Key: key, VersionId: versionId });
    throw new OssError('NoSuchKey', { Key: key });
  }
  // A delete marker cannot be copied: 404 (behaviour §3.2; the code for an explicit marker id is [U]).
  if (o.isDeleteMarker) throw new OssError('NoSuchKey', { Key: key }, versionId ? '0016-00000307' : undefined);
  return o;
}

/**
 * The source of a CopyObject or UploadPartCopy (inside the caller's transaction): both buckets, the region rule,
 * the version, the permissions on the source (docs/permissions.md §1: oss:GetObject, oss:GetObjectVersion, and for
 * a CopyObject that copies tags oss:GetObject(Version)Tagging + oss:PutObjectTagging; kms:Decrypt for an SSE-KMS
 * source), and the four x-oss-copy-source-if-* conditions evaluated against it.
 */
export function resolveCopySource(
  ctx: OssContext,
  source: CopySource,
  destBucket: BucketRecord,
  copy?: { key: string; taggingDirective: 'Copy' | 'Replace' },
) {
  const sourceBucket = requireBucket(ctx, source.bucket);
  validateObjectKey(source.key);
  if (sourceBucket.region !== destBucket.region) throw new OssError('AccessDeniedCrossRegion');
  const src = copySourceObject(ctx.state.store, sourceBucket, source.key, source.versionId);
  const sourceKmsKey = kmsKeyIdOf(src.encryption);
  const checks = copySourceChecks(
    arnContext(ctx, sourceBucket.name),
    {
      bucket: sourceBucket.name,
      key: source.key,
      versionId: source.versionId !== undefined,
      copiesTags: copy?.taggingDirective === 'Copy' && src.tags.length > 0,
      ...(sourceKmsKey !== undefined ? { kmsKeyId: sourceKmsKey } : {}),
    },
    copy && { bucket: destBucket.name, key: copy.key },
  );
  permit(ctx, checks, { acl: { access: 'read', bucket: sourceBucket.name, key: source.key } });
  checkDecryptable(ctx, sourceBucket.name, src, true);
  checkThawed(ctx, sourceBucket.name, src);
  const header = (name: string) => ctx.get(name) || undefined;
  const decision = evaluateConditions(
    {
      ifMatch: header('x-oss-copy-source-if-match'),
      ifNoneMatch: header('x-oss-copy-source-if-none-match'),
      ifModifiedSince: header('x-oss-copy-source-if-modified-since'),
      ifUnmodifiedSince: header('x-oss-copy-source-if-unmodified-since'),
    },
    { etag: src.etag, lastModified: src.lastModified },
    COPY_CONDITION_NAMES,
  );
  return { sourceBucket, src, decision };
}

const EMPTY_MD5 = '1B2M2Y8AsgTpgAmY7PhCfg==';

/** A new content with the source's bytes, encrypted under `keyId` (inside the caller's transaction; replicas too). */
export function reencrypt(store: Store, src: ObjectVersionRecord, keyId: string): number {
  const content = store.content;
  const writer = content.createWriter({ encryption: { keyId } });
  try {
    for (const slice of content.slices(src.contentId!, 0, src.size)) writer.write(slice);
    return content.commit(writer.finish());
  } catch (err) {
    writer.abort();
    throw err;
  }
}

export async function copyObject(ctx: OssContext): Promise<void> {
  const destKey = ctx.state.key!;
  const h = ctx.headers;
  const header = (name: string) => ctx.get(name) || undefined;
  validateObjectKey(destKey);
  // A copy has no body; a Content-MD5 that is not the empty body's is wrong (behaviour §10 #76 [I]).
  const md5 = ctx.get('content-md5');
  if (md5 !== '' && md5 !== EMPTY_MD5) throw new OssError('InvalidDigest');
  const source = parseCopySource(ctx.get('x-oss-copy-source'));
  const metadataDirective = parseMetadataDirective(header('x-oss-metadata-directive'));
  const taggingDirective = parseTaggingDirective(header('x-oss-tagging-directive'));
  const requestTags = taggingDirective === 'Replace' ? parseTaggingHeader(header('x-oss-tagging')) : [];
  const acl = parseObjectAcl(header('x-oss-object-acl'));
  const storageClass = parseStorageClass(header('x-oss-storage-class'));
  const encryption = parseEncryption(h);
  const requestMetadata = metadataFromHeaders(h, '');
  if (requestMetadata.standard['content-type'] === '') delete requestMetadata.standard['content-type'];
  const forbidOverwrite = forbidOverwriteOf(ctx);
  const limit = trafficLimitOf(ctx);

  const store = ctx.state.store;
  const result = store.tx(() => {
    const destBucket = requireBucket(ctx);
    const { sourceBucket, src, decision } = resolveCopySource(ctx, source, destBucket, { key: destKey, taggingDirective });
    if (decision === 'not-modified') return { notModified: true as const };
    const plan = planCopy({
      sourceBucket,
      destBucket,
      destKey,
      source: src,
      metadataDirective,
      requestMetadata,
      taggingDirective,
      requestTags,
      acl,
      storageClass,
      encryption,
    });
    checkCopy(ctx.state.config.wormCopyRule, bucketPolicyOf(store, sourceBucket.name), bucketPolicyOf(store, destBucket.name), ctx.state.config.clock.now());
    // Without SSE headers the destination takes its bucket's default rule, as any new object does (behaviour §14.5).
    plan.encryption = newObjectEncryption(ctx, destBucket.name, plan.encryption);
    // Bytes are shared unless the destination asks for SSE-KMS under another key than the source's: those are
    // re-encrypted under the destination's key, a chunk at a time (the one copy that costs its size).
    const destKms = kmsKeyIdOf(plan.encryption);
    if (destKms !== undefined) usableKmsKey(ctx, destKms);
    const contentId =
      destKms !== undefined && destKms !== kmsKeyIdOf(src.encryption) ? reencrypt(store, src, destKms) : src.contentId!;
    // A copy is a put: the same funnel decides what it may replace (api/landing.ts).
    const { record } = landObject(ctx, destBucket.name, destKey, contentId, {
      forbidOverwrite,
      build: () => ({
        lastModified: ctx.state.config.clock.now(),
        size: src.size,
        etag: src.etag,
        crc64: src.crc64,
        contentMd5: src.contentMd5,
        objectType: src.objectType === 'Appendable' ? 'Normal' : src.objectType,
        storageClass: plan.storageClass,
        acl: plan.acl,
        metadata: plan.metadata,
        tags: plan.tags,
        encryption: plan.encryption,
        // A copy of a symlink is a symlink to the same key [I: behaviour §9.12].
        ...(src.symlinkTarget !== undefined ? { symlinkTarget: src.symlinkTarget } : {}),
        contentId,
      }),
    });
    return { notModified: false as const, record, destBucket, sourceBucket, src };
  });

  if (result.notModified) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  const { record, destBucket, sourceBucket, src } = result;
  if (limit !== undefined) await new Pacer(limit).moved(src.size);
  ctx.set('ETag', quotedEtag(record.etag));
  ctx.set('x-oss-hash-crc64ecma', record.crc64);
  if (exposesVersionId(destBucket)) ctx.set('x-oss-version-id', record.versionId);
  if (exposesVersionId(sourceBucket)) ctx.set('x-oss-copy-source-version-id', src.versionId);
  for (const [name, value] of Object.entries(encryptionHeaders(record.encryption))) ctx.set(name, value);
  sendXml(ctx, 'CopyObjectResult', { ETag: quotedEtag(record.etag), LastModified: isoDate(record.lastModified) });
}
