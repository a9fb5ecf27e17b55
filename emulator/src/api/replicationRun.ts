// The replication runner (behaviour §14.22): applies the queued changes of every bucket with replication rules to
// the rules' destinations, copies the historical objects of new rules, and moves rules from `starting` to `doing`
// (and drops `closing` ones). On demand (POST /-/replication/run, admin/admin.ts) and periodically (server.ts,
// --replication-interval), like the lifecycle runner. A replica is landed through the one funnel
// (api/landing.ts landObjectAs) sharing its source's content, so bytes, ETag and CRC-64 are the source's; metadata,
// tags, ACL, storage class and object type are kept as well. Deletes go through the one delete path
// (api/object.ts removeObject), so the destination's versioning and retention apply.
import { OssError } from '../domain/errors.js';
import {
  coversKey,
  replicaEncryption,
  replicatesChange,
  selectsObject,
  type ReplicationRule,
} from '../domain/replication.js';
import type { BucketRecord, ObjectVersionRecord } from '../domain/types.js';
import { NULL_VERSION } from '../domain/versioning.js';
import type { QueuedChange } from '../store/replicationQueue.js';
import type { Store } from '../store/store.js';
import { reencrypt } from './copy.js';
import { kmsKeyIdOf, usableKmsKeyIn } from './kms.js';
import { bucketDefaultEncryption, bucketPolicyOf, landObjectAs, type Lander } from './landing.js';
import { removeObject } from './object.js';
import { replicationRulesOf } from './replication.js';

export interface ReplicationRunReport {
  buckets: number;
  /** Objects landed in a destination (new and historical). */
  replicated: number;
  /** Deletes and delete markers applied to a destination. */
  deleted: number;
  /** Changes that no rule replicates (prefix, Action, SSE-KMS criterion, an object gone since). */
  skipped: number;
  /** Changes a destination refused (its bucket gone, retention, overwrite protection, an unusable KMS key). */
  failed: number;
}

export interface ReplicationEnv {
  now: number;
  /** The configuration declares KMS keys: an undeclared ReplicaKmsKeyID is then unknown (api/kms.ts). */
  kmsKeysDeclared: boolean;
}

const PAGE = 500;

export function runReplication(store: Store, env: ReplicationEnv): ReplicationRunReport {
  const report: ReplicationRunReport = { buckets: 0, replicated: 0, deleted: 0, skipped: 0, failed: 0 };
  let marker = '';
  for (;;) {
    const buckets = store.buckets.list({ prefix: '', marker, limit: PAGE });
    for (const b of buckets) {
      const rules = replicationRulesOf(store, b.name);
      if (rules.length === 0) continue;
      report.buckets++;
      runBucket(store, b.name, rules, env, report);
    }
    if (buckets.length < PAGE) break;
    marker = buckets[buckets.length - 1]!.name;
  }
  return report;
}

function runBucket(store: Store, name: string, rules: ReplicationRule[], env: ReplicationEnv, report: ReplicationRunReport): void {
  let after = 0;
  for (;;) {
    const changes = store.replication.page(name, after, PAGE);
    for (const change of changes) {
      store.tx(() => {
        applyChange(store, change, rules, env, report);
        store.replication.remove(change.id);
      });
      after = change.id;
    }
    if (changes.length < PAGE) break;
  }
  for (const rule of rules) {
    if (rule.status !== 'closing' && rule.historical === 'enabled' && !rule.historicalDone) {
      rule.historicalDone = copyHistorical(store, name, rule, env, report);
    }
  }
  store.tx(() => {
    const running = rules
      .filter((r) => r.status !== 'closing')
      .map((r) => ({ ...r, status: 'doing' as const, newObjectsUntil: env.now }));
    store.buckets.setDocument(name, 'replication', running.length > 0 ? running : undefined);
  });
}

/** The destination a rule names, if it is still a bucket of this emulator in the rule's Location. */
function destinationOf(store: Store, rule: ReplicationRule): BucketRecord | undefined {
  const dest = store.buckets.get(rule.destination.bucket);
  return dest !== undefined && `oss-${dest.region}` === rule.destination.location ? dest : undefined;
}

function lander(store: Store, env: ReplicationEnv): Lander {
  // The replication service writes as no requester: overwrite rules naming principals do not match it [I].
  return { store, now: env.now, callerIds: [], bypassGovernance: false };
}

function applyChange(store: Store, change: QueuedChange, rules: ReplicationRule[], env: ReplicationEnv, report: ReplicationRunReport): void {
  for (const rule of rules) {
    if (!replicatesChange(rule, change)) {
      report.skipped++;
      continue;
    }
    const dest = destinationOf(store, rule);
    if (dest === undefined) {
      report.failed++;
      continue;
    }
    attempt(report, () => {
      if (change.op === 'acl') {
        const src = store.objects.version(change.bucket, change.key, change.versionId);
        const replica = src === undefined ? undefined : replicaOf(store, src, dest);
        if (src === undefined || replica === undefined) {
          report.skipped++;
          return;
        }
        store.objects.setAcl(replica.id, src.acl);
        report.replicated++;
        return;
      }
      if (change.op === 'put') {
        const src = store.objects.version(change.bucket, change.key, change.versionId);
        // Gone or overwritten since: a later change in the queue carries what happened to it.
        if (src === undefined || src.isDeleteMarker || !selectsObject(rule, kmsKeyIdOf(src.encryption) !== undefined)) {
          report.skipped++;
          return;
        }
        if (landReplica(store, src, dest, rule, env)) report.replicated++;
        else report.skipped++;
        return;
      }
      const protection = { bucketPolicy: bucketPolicyOf(store, dest.name), bypassGovernance: false, now: env.now };
      if (change.op === 'delete') {
        const keepId = change.marker && change.versionId !== NULL_VERSION;
        removeObject(store, dest, change.key, undefined, protection, keepId ? { markerVersionId: change.versionId } : {});
      } else {
        if (store.objects.version(dest.name, change.key, change.versionId) === undefined) {
          report.skipped++;
          return;
        }
        removeObject(store, dest, change.key, change.versionId, protection, {});
      }
      report.deleted++;
    });
  }
}

/** A refusal by the destination fails that change alone [I: OSS reports failed replication nowhere an API shows]. */
function attempt(report: ReplicationRunReport, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof OssError)) throw err;
    report.failed++;
  }
}

/** The destination's replica of `src`: the same version id where both stack versions, else its current object of the same ETag. */
function replicaOf(store: Store, src: ObjectVersionRecord, dest: BucketRecord): ObjectVersionRecord | undefined {
  if (src.versionId !== NULL_VERSION && dest.versioning === 'Enabled') return store.objects.version(dest.name, src.key, src.versionId);
  const current = store.objects.current(dest.name, src.key);
  return current !== undefined && !current.isDeleteMarker && current.etag === src.etag ? current : undefined;
}

/** Lands `src` in `dest` as a replica (inside the caller's transaction); false when it is there already. */
function landReplica(store: Store, src: ObjectVersionRecord, dest: BucketRecord, rule: ReplicationRule, env: ReplicationEnv): boolean {
  // Only a real version id is kept: a `null` version (unversioned or Suspended source) lands as the destination plans.
  const versionId = src.versionId !== NULL_VERSION ? src.versionId : undefined;
  if (versionId !== undefined && dest.versioning === 'Enabled' && store.objects.version(dest.name, src.key, versionId) !== undefined) return false;
  const encryption = replicaEncryption(src.encryption, rule, bucketDefaultEncryption(store, dest.name));
  const keyId = kmsKeyIdOf(encryption);
  if (keyId !== undefined) usableKmsKeyIn(store, keyId, env.kmsKeysDeclared);
  // The same bytes, shared, unless the replica is encrypted under another KMS key than its source.
  const contentId = keyId !== undefined && keyId !== kmsKeyIdOf(src.encryption) ? reencrypt(store, src, keyId) : src.contentId!;
  landObjectAs(lander(store, env), dest.name, src.key, contentId, {
    forbidOverwrite: false,
    replica: true,
    ...(versionId !== undefined ? { versionId } : {}),
    build: () => ({
      // A replica is its source's object: its Last-Modified too [I].
      lastModified: src.lastModified,
      size: src.size,
      etag: src.etag,
      crc64: src.crc64,
      contentMd5: src.contentMd5,
      objectType: src.objectType,
      storageClass: src.storageClass,
      acl: src.acl,
      metadata: src.metadata,
      tags: src.tags,
      ...(encryption !== undefined ? { encryption } : {}),
      ...(src.symlinkTarget !== undefined ? { symlinkTarget: src.symlinkTarget } : {}),
      contentId,
    }),
  });
  return true;
}

/**
 * HistoricalObjectReplication enabled: every object the rule covers that was current when the rule was put is
 * copied once (its current version [I: whether OSS copies the noncurrent versions of a versioned bucket is not
 * captured]). Returns whether the copy is complete (false while the destination is missing).
 */
function copyHistorical(store: Store, source: string, rule: ReplicationRule, env: ReplicationEnv, report: ReplicationRunReport): boolean {
  if (destinationOf(store, rule) === undefined) {
    report.failed++;
    return false;
  }
  let after = '';
  for (;;) {
    const keys = store.objects.keysAfter(source, after, PAGE);
    for (const key of keys) {
      if (!coversKey(rule, key)) continue;
      store.tx(() => {
        const src = store.objects.current(source, key);
        const dest = destinationOf(store, rule);
        // Written after the rule: the queue's.
        if (src === undefined || src.isDeleteMarker || src.lastModified > rule.created || dest === undefined) return;
        if (!selectsObject(rule, kmsKeyIdOf(src.encryption) !== undefined)) {
          report.skipped++;
          return;
        }
        attempt(report, () => {
          if (landReplica(store, src, dest, rule, env)) report.replicated++;
        });
      });
    }
    if (keys.length < PAGE) break;
    after = keys[keys.length - 1]!;
  }
  return true;
}

/** The periodic run (server.ts): every `intervalSeconds`; 0 turns it off. */
export function startReplicationTimer(store: Store, env: () => ReplicationEnv, intervalSeconds: number): () => void {
  if (intervalSeconds <= 0) return () => {};
  const timer = setInterval(() => {
    try {
      runReplication(store, env());
    } catch {
      // A run that fails (the store closing under it) is retried on the next tick.
    }
  }, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
