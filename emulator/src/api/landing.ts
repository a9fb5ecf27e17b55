// The one landing funnel (style.md "a copy is a put"; moto's copy_object ends in put_object). Every operation that
// lands object bytes under a key — PutObject, CopyObject, CompleteMultipartUpload, AppendObject — ends in
// landObject, which asks domain/versioning.ts which existing version the write removes and checks exactly that one
// against legal holds, object retention and the bucket retention policy (domain/immutability.ts), and the current
// object against x-oss-forbid-overwrite and the bucket's overwrite rules (domain/overwrite.ts), in the transaction
// that commits it: a refused write leaves nothing behind. The emulator's own writes (replicas, api/replicationRun.ts)
// land through the same function as a Lander without a request. Every landing in a bucket with replication rules
// queues the change for them (behaviour §14.22).
import { OssError } from '../domain/errors.js';
import { DEFAULT_KMS_KEY_ID } from '../domain/encryption.js';
import { forbiddingRule, type OverwriteRule } from '../domain/overwrite.js';
import { arnContext, callerOf, permit } from '../http/access.js';
import { kmsChecks } from '../domain/actions.js';
import type { DefaultEncryption } from '../domain/bucketEncryption.js';
import type { Encryption } from '../domain/types.js';
import { checkRemovable, type Protection } from '../domain/immutability.js';
import { planWrite, removedVersionId, type WritePlan } from '../domain/versioning.js';
import type { WormPolicy } from '../domain/worm.js';
import type { BucketRecord, NewObjectSettings, ObjectVersionRecord } from '../domain/types.js';
import type { PendingContent } from '../store/contentWriter.js';
import type { NewObject } from '../store/objects.js';
import type { Store } from '../store/store.js';
import type { OssContext } from '../http/state.js';
import type { LandedUpload } from './callbackSend.js';
import type { ReplicationOp, ReplicationRule } from '../domain/replication.js';

export function bucketPolicyOf(store: Store, bucket: string): WormPolicy | undefined {
  return store.buckets.getDocument<WormPolicy>(bucket, 'worm');
}

/** Who lands an object, and when: a request (landerOf), or the emulator itself (replication). */
export interface Lander {
  store: Store;
  now: number;
  /** The requester's ids, which overwrite rules' principals match; none for the emulator's own writes. */
  callerIds: string[];
  bypassGovernance: boolean;
}

export function landerOf(ctx: OssContext): Lander {
  return {
    store: ctx.state.store,
    now: ctx.state.config.clock.now(),
    callerIds: callerOf(ctx)?.ids ?? [],
    bypassGovernance: ctx.get('x-oss-bypass-governance-retention').toLowerCase() === 'true',
  };
}

function protectionFor(lander: Lander, bucket: string): Protection {
  return { bucketPolicy: bucketPolicyOf(lander.store, bucket), bypassGovernance: lander.bypassGovernance, now: lander.now };
}

/** What protects the versions of a bucket against this request (its bypass header, now). */
export function protectionOf(ctx: OssContext, bucket: string): Protection {
  return protectionFor(landerOf(ctx), bucket);
}

/**
 * Queues a change of `key` for the bucket's replication rules, if it has any that still run (inside the caller's
 * transaction, so a change and its queue entry commit together).
 */
export function queueReplication(store: Store, bucket: string, key: string, change: { versionId: string; op: ReplicationOp; marker?: boolean }, now: number): void {
  const rules = store.buckets.getDocument<ReplicationRule[]>(bucket, 'replication');
  if (rules === undefined || !rules.some((r) => r.status !== 'closing')) return;
  store.replication.add({ bucket, key, versionId: change.versionId, op: change.op, marker: change.marker ?? false, at: now });
}

/**
 * x-oss-forbid-overwrite (behaviour §1.6): 409 FileAlreadyExists when a current, non-marker object exists; ignored
 * when the bucket's versioning is Enabled or Suspended.
 */
export function checkForbidOverwrite(store: Store, bucket: BucketRecord, key: string, rules: LandingRules): void {
  if (!rules.forbidOverwrite || bucket.versioning !== undefined) return;
  const current = store.objects.current(bucket.name, key);
  if (current !== undefined && !current.isDeleteMarker) throw new OssError('FileAlreadyExists', { Key: key }, rules.forbidOverwriteEc);
}

/**
 * The bucket's overwrite rules (PutBucketOverwriteConfig, behaviour §14.4): 409 FileAlreadyExists when a current,
 * non-marker object exists and a rule matches its key and the requester; like x-oss-forbid-overwrite, without
 * effect while versioning is Enabled or Suspended (user guide "Prevent file overwrites"). The EC is the API's own
 * FileAlreadyExists EC [I: OSS's EC for a rule refusal is not captured].
 */
export function checkOverwriteRules(lander: Lander, bucket: BucketRecord, key: string, rules: LandingRules): void {
  if (bucket.versioning !== undefined) return;
  const store = lander.store;
  const config = store.buckets.getDocument<OverwriteRule[]>(bucket.name, 'overwrite');
  if (config === undefined || config.length === 0) return;
  const current = store.objects.current(bucket.name, key);
  if (current === undefined || current.isDeleteMarker) return;
  if (forbiddingRule(config, key, lander.callerIds) !== undefined) {
    throw new OssError('FileAlreadyExists', { Key: key }, rules.forbidOverwriteEc);
  }
}

/** The bucket's default encryption rule (PutBucketEncryption, behaviour §14.5), if any. */
export function bucketDefaultEncryption(store: Store, bucket: string): DefaultEncryption | undefined {
  return store.buckets.getDocument<DefaultEncryption>(bucket, 'encryption');
}

/**
 * The encryption a new object gets: the request's own SSE headers win; without them, the bucket's default rule
 * (API reference PutBucketEncryption: "objects uploaded without encryption headers are encrypted by the default
 * rule"). A default SSE-KMS rule needs the KMS permissions an SSE-KMS header would (docs/permissions.md §1, PutObject)
 * [I: whether OSS checks them against the requester for a bucket default is not captured].
 */
export function newObjectEncryption(ctx: OssContext, bucket: string, requested: Encryption | undefined): Encryption | undefined {
  if (requested !== undefined) return requested;
  const rule = bucketDefaultEncryption(ctx.state.store, bucket);
  if (rule?.algorithm === 'KMS') permit(ctx, kmsChecks(arnContext(ctx, bucket), rule.keyId ?? DEFAULT_KMS_KEY_ID));
  return rule;
}

export interface LandingRules {
  forbidOverwrite: boolean;
  /** The EC of FileAlreadyExists when it differs by API (CompleteMultipartUpload's). */
  forbidOverwriteEc?: string;
}

/**
 * Every refusal a landing of `key` can meet, against the bucket as it is now; returns the version plan. Run at
 * commit time by landObject, and by handlers before they read a body, so a refused upload is not read first.
 */
export function checkLanding(ctx: OssContext, bucket: BucketRecord, key: string, rules: LandingRules): WritePlan {
  return checkLandingAs(landerOf(ctx), bucket, key, rules);
}

function checkLandingAs(lander: Lander, bucket: BucketRecord, key: string, rules: LandingRules, versionId?: string): WritePlan {
  const store = lander.store;
  checkForbidOverwrite(store, bucket, key, rules);
  checkOverwriteRules(lander, bucket, key, rules);
  const plan = planWrite(bucket.versioning);
  // A replica keeps its source's version id where the destination stacks versions, so that a delete by version id
  // can be replicated (behaviour §14.22).
  if (versionId !== undefined && bucket.versioning === 'Enabled') plan.versionId = versionId;
  const removed = removedVersionId(plan);
  if (removed !== undefined) checkRemovable(store.objects.version(bucket.name, key, removed), protectionFor(lander, bucket.name));
  return plan;
}

export interface Landing extends LandingRules {
  build(bucket: BucketRecord, contentId: number): NewObject;
  /** The version id the new version takes when the bucket's versioning is Enabled (a replica's: its source's). */
  versionId?: string;
  /** A replica: not queued for the destination's own rules, so two buckets replicating to each other do not loop [I]. */
  replica?: boolean;
}

/** What a fully received body gives its new version: size, ETag (the MD5 in upper-case hex), CRC-64, Content-MD5. */
export function receivedFields(pending: PendingContent): Pick<NewObject, 'size' | 'etag' | 'crc64' | 'contentMd5'> {
  return {
    size: pending.size,
    etag: pending.md5.toString('hex').toUpperCase(),
    crc64: pending.crc64.toString(),
    contentMd5: pending.md5.toString('base64'),
  };
}

export interface Landed {
  bucket: BucketRecord;
  record: ObjectVersionRecord;
}

/**
 * A fully received body landed as a Normal object with the settings its request's headers (or form fields) gave:
 * PutObject and PostObject write exactly this (behaviour §9.2, §9.13).
 */
export function landNormalObject(ctx: OssContext, bucketName: string, key: string, pending: PendingContent, settings: NewObjectSettings): Promise<Landed> {
  const { metadata, acl, storageClass, tags, encryption, forbidOverwrite } = settings;
  return landReceived(ctx, bucketName, key, pending, {
    forbidOverwrite,
    build: (_bucket, contentId) => ({
      lastModified: ctx.state.config.clock.now(),
      ...receivedFields(pending),
      objectType: 'Normal',
      storageClass,
      acl,
      metadata,
      tags,
      ...(encryption !== undefined ? { encryption } : {}),
      contentId,
    }),
  });
}

/** What an upload callback's variables read from a landed write (api/callbackSend.ts). */
export function landedUpload(landed: Landed, key: string, operation: LandedUpload['operation']): LandedUpload {
  const r = landed.record;
  return {
    bucket: landed.bucket.name,
    key,
    etag: r.etag,
    size: r.size,
    mimeType: r.metadata.standard['content-type'] ?? 'application/octet-stream',
    crc64: r.crc64,
    ...(r.contentMd5 !== undefined ? { contentMd5: r.contentMd5 } : {}),
    contentId: r.contentId,
    operation,
  };
}

/**
 * Lands `content` (new chunks, or an existing content id to share) as the key's new current version, inside the
 * caller's transaction.
 */
export function landObject(ctx: OssContext, bucketName: string, key: string, content: PendingContent | number, landing: Landing): Landed {
  return landObjectAs(landerOf(ctx), bucketName, key, content, landing);
}

/** landObject for a Lander: the emulator's own writes (replicas) take this path. */
export function landObjectAs(lander: Lander, bucketName: string, key: string, content: PendingContent | number, landing: Landing): Landed {
  const store = lander.store;
  const bucket = store.buckets.get(bucketName);
  if (bucket === undefined) throw new OssError('NoSuchBucket', { BucketName: bucketName });
  const plan = checkLandingAs(lander, bucket, key, landing, landing.versionId);
  const contentId = typeof content === 'number' ? content : store.content.commit(content);
  const record = store.objects.write(bucket.name, key, landing.build(bucket, contentId), plan);
  if (!landing.replica) queueReplication(store, bucket.name, key, { versionId: record.versionId, op: 'put' }, lander.now);
  return { bucket, record };
}

/**
 * AppendObject onto an existing Appendable object rewrites that version in place: it is replaced as much as by an
 * overwrite, so it passes the same protection check.
 */
export function landAppend(
  ctx: OssContext,
  bucket: BucketRecord,
  existing: ObjectVersionRecord,
  update: { contentId: number; size: number; etag: string; crc64: string; lastModified: number },
): Landed {
  checkRemovable(existing, protectionOf(ctx, bucket.name));
  const record = ctx.state.store.objects.replaceContent(existing.id, update);
  queueReplication(ctx.state.store, bucket.name, record.key, { versionId: record.versionId, op: 'put' }, update.lastModified);
  return { bucket, record };
}

/**
 * Lands a received body, in a group commit with the other writes of the moment (Store.groupTx); on refusal its
 * chunks are deleted.
 */
export async function landReceived(ctx: OssContext, bucketName: string, key: string, content: PendingContent, landing: Landing): Promise<Landed> {
  try {
    return await ctx.state.store.groupTx(() => landObject(ctx, bucketName, key, content, landing));
  } catch (err) {
    ctx.state.store.content.discard(content);
    throw err;
  }
}
