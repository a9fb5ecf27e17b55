// Put/Get/DeleteBucketLifecycle (`?lifecycle`; behaviour §14.7) and the lifecycle runner that executes the rules
// against the emulator's clock: on demand (POST /-/lifecycle/run, admin/admin.ts) and periodically (server.ts,
// --lifecycle-interval). Expirations go through the one delete path (api/object.ts removeObject), so versioning
// stacks delete markers and WORM / retention / legal holds are respected (domain/immutability.ts); transitions only
// change the storage class column (restore behaviour is another family's).
import { abortsUpload, decideLifecycle, lifecycleToXml, parseLifecycle, type LifecycleRule } from '../domain/lifecycle.js';
import { OssError } from '../domain/errors.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import type { Store } from '../store/store.js';
import { requireBucket } from './bucket.js';
import { bucketPolicyOf } from './landing.js';
import { removeObject } from './object.js';
import { accessMonitorOf } from './bucketSwitches.js';


/** PutBucketLifecycle replaces every rule (API reference: "overwrites the existing configuration"). */
export async function putBucketLifecycle(ctx: OssContext): Promise<void> {
  const bucket = requireBucket(ctx);
  const allowOverlap = ctx.get('x-oss-allow-same-action-overlap').toLowerCase() === 'true';
  const rules = parseLifecycle(await readXml(ctx), allowOverlap, { accessMonitorEnabled: accessMonitorOf(ctx.state.store, bucket.name) === 'Enabled' });
  ctx.state.store.tx(() => {
    const b = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(b.name, 'lifecycle', rules);
  });
  sendEmpty(ctx);
}

export function getBucketLifecycle(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const rules = ctx.state.store.buckets.getDocument<LifecycleRule[]>(bucket.name, 'lifecycle');
  if (rules === undefined) throw new OssError('NoSuchLifecycle', { BucketName: bucket.name });
  sendXml(ctx, 'LifecycleConfiguration', lifecycleToXml(rules));
}

/** 204 whether or not there were rules (oss2 live test_lifecycle_days deletes twice). */
export function deleteBucketLifecycle(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(bucket.name, 'lifecycle', undefined);
  });
  sendEmpty(ctx, 204);
}

export interface LifecycleRunReport {
  buckets: number;
  expired: number;
  versionsRemoved: number;
  transitioned: number;
  uploadsAborted: number;
  /** Versions a rule selected that WORM, retention or a legal hold kept. */
  kept: number;
}

const PAGE = 500;

/** One pass over every bucket with rules, each key in its own transaction (writes between keys are fine). */
export function runLifecycle(store: Store, now: number): LifecycleRunReport {
  const report: LifecycleRunReport = { buckets: 0, expired: 0, versionsRemoved: 0, transitioned: 0, uploadsAborted: 0, kept: 0 };
  let marker = '';
  for (;;) {
    const buckets = store.buckets.list({ prefix: '', marker, limit: PAGE });
    for (const b of buckets) {
      const rules = store.buckets.getDocument<LifecycleRule[]>(b.name, 'lifecycle');
      if (rules === undefined || !rules.some((r) => r.status === 'Enabled')) continue;
      report.buckets++;
      runBucket(store, b.name, rules, now, report);
    }
    if (buckets.length < PAGE) break;
    marker = buckets[buckets.length - 1]!.name;
  }
  return report;
}

function runBucket(store: Store, name: string, rules: LifecycleRule[], now: number, report: LifecycleRunReport): void {
  let after = '';
  for (;;) {
    const keys = store.objects.keysAfter(name, after, PAGE);
    for (const key of keys) store.tx(() => runKey(store, name, key, rules, now, report));
    if (keys.length < PAGE) break;
    after = keys[keys.length - 1]!;
  }
  const uploads = store.uploads.list(name, { prefix: '', keyMarker: '', uploadIdMarker: '', limit: Number.MAX_SAFE_INTEGER });
  for (const u of uploads) {
    if (abortsUpload(rules, u.key, u.initiated, now)) {
      store.tx(() => store.uploads.remove(u.uploadId));
      report.uploadsAborted++;
    }
  }
}

function runKey(store: Store, name: string, key: string, rules: LifecycleRule[], now: number, report: LifecycleRunReport): void {
  const bucket = store.buckets.get(name);
  if (bucket === undefined) return;
  const versions = store.objects.versionsOfKey(name, key); // newest first
  const protection = { bucketPolicy: bucketPolicyOf(store, name), bypassGovernance: false, now };
  versions.forEach((v, i) => {
    const action = decideLifecycle(rules, {
      key,
      isLatest: v.isLatest,
      isDeleteMarker: v.isDeleteMarker,
      lastModified: v.lastModified,
      size: v.size,
      storageClass: v.storageClass,
      tags: v.tags,
      // A version stops being current when the next one (newer, one index before) lands.
      ...(i > 0 ? { noncurrentSince: versions[i - 1]!.lastModified } : {}),
      soleVersion: versions.length === 1,
    }, now);
    if (action === undefined) return;
    try {
      if (action.kind === 'transition') {
        store.objects.setStorageClass(v.id, action.storageClass);
        report.transitioned++;
      } else if (action.kind === 'expire') {
        removeObject(store, bucket, key, undefined, protection);
        report.expired++;
      } else {
        removeObject(store, bucket, key, v.versionId, protection);
        report.versionsRemoved++;
      }
    } catch (err) {
      if (err instanceof OssError && err.code === 'FileImmutable') report.kept++;
      else throw err;
    }
  });
}

/** The periodic run (server.ts): every `intervalSeconds`; 0 turns it off. */
export function startLifecycleTimer(store: Store, now: () => number, intervalSeconds: number): () => void {
  if (intervalSeconds <= 0) return () => {};
  const timer = setInterval(() => {
    try {
      runLifecycle(store, now());
    } catch {
      // A run that fails (the store closing under it) is retried on the next tick.
    }
  }, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
