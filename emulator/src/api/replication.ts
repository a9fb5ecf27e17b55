// PutBucketReplication (`POST /?replication&comp=add`), GetBucketReplication (`GET /?replication`), PutBucketRTC
// (`PUT /?rtc`), GetBucketReplicationLocation (`GET /?replicationLocation`), GetBucketReplicationProgress
// (`GET /?replicationProgress&rule-id=`), DeleteBucketReplication (`POST /?replication&comp=delete`); behaviour §14.22.
// The rules are one bucket document; api/landing.ts queues the changes they replicate and api/replicationRun.ts
// applies them, asynchronously.
import { OssError } from '../domain/errors.js';
import {
  checkNewRule,
  locationToXml,
  parseDeleteIds,
  parseReplicationRule,
  parseRtcBody,
  progressToXml,
  replicationToXml,
  type ReplicationRule,
} from '../domain/replication.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import type { Store } from '../store/store.js';
import { requireBucket } from './bucket.js';
import { servedRegions } from './regions.js';

export function replicationRulesOf(store: Store, bucket: string): ReplicationRule[] {
  return store.buckets.getDocument<ReplicationRule[]>(bucket, 'replication') ?? [];
}

/**
 * Adds one rule; its id is answered in x-oss-replication-rule-id (PY2 PutBucketReplicationResult; a UUID when the
 * body has none, as the real answer quoted in the aliyun_oss Elixir client's docs). The destination must be a
 * bucket of this emulator in the Location named; a missing one is NoSuchBucket naming it [I: OSS's answer is not
 * captured].
 */
export async function putBucketReplication(ctx: OssContext): Promise<void> {
  requireBucket(ctx);
  const rule = parseReplicationRule(await readXml(ctx), servedRegions(ctx), ctx.state.config.clock.now());
  const store = ctx.state.store;
  store.tx(() => {
    const bucket = requireBucket(ctx);
    const dest = store.buckets.get(rule.destination.bucket);
    if (dest === undefined || `oss-${dest.region}` !== rule.destination.location) {
      throw new OssError('NoSuchBucket', { BucketName: rule.destination.bucket });
    }
    const existing = replicationRulesOf(store, bucket.name);
    checkNewRule(bucket.name, existing, rule);
    store.buckets.setDocument(bucket.name, 'replication', [...existing, rule]);
  });
  ctx.set('x-oss-replication-rule-id', rule.id);
  sendEmpty(ctx);
}

export function getBucketReplication(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const rules = replicationRulesOf(ctx.state.store, bucket.name);
  if (rules.length === 0) throw new OssError('NoSuchReplicationConfiguration', { BucketName: bucket.name });
  sendXml(ctx, 'ReplicationConfiguration', replicationToXml(rules));
}

/** Turns Replication Time Control on or off for one rule (stored and answered; replication here is as fast either way). */
export async function putBucketRtc(ctx: OssContext): Promise<void> {
  requireBucket(ctx);
  const { id, rtc } = parseRtcBody(await readXml(ctx));
  const store = ctx.state.store;
  store.tx(() => {
    const bucket = requireBucket(ctx);
    const rules = replicationRulesOf(store, bucket.name);
    const rule = rules.find((r) => r.id === id);
    if (rule === undefined) throw new OssError('NoSuchReplicationRule', { RuleId: id });
    rule.rtc = rtc;
    store.buckets.setDocument(bucket.name, 'replication', rules);
  });
  sendEmpty(ctx);
}

export function getBucketReplicationLocation(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  sendXml(ctx, 'ReplicationLocation', locationToXml(servedRegions(ctx), bucket.region));
}

/** An unknown rule id is NoSuchReplicationRule, also on a bucket without rules (oss2 live test_replica_rule_id). */
export function getBucketReplicationProgress(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const id = ctx.state.query.get('rule-id');
  if (id === undefined || id === '') throw new OssError('InvalidArgumentReplicationRuleId', { ArgumentName: 'rule-id' });
  const rule = replicationRulesOf(ctx.state.store, bucket.name).find((r) => r.id === id);
  if (rule === undefined) throw new OssError('NoSuchReplicationRule', { RuleId: id });
  sendXml(ctx, 'ReplicationProgress', progressToXml(rule));
}

/**
 * Deleting a rule stops it at once: it reads `closing` (oss2 live test_replication_with_full_parameter) and
 * replicates nothing more; the next replication run removes it [I: when OSS drops a closing rule is not captured].
 */
export async function deleteBucketReplication(ctx: OssContext): Promise<void> {
  requireBucket(ctx);
  const ids = parseDeleteIds(await readXml(ctx));
  const store = ctx.state.store;
  store.tx(() => {
    const bucket = requireBucket(ctx);
    const rules = replicationRulesOf(store, bucket.name);
    for (const id of ids) {
      const rule = rules.find((r) => r.id === id);
      if (rule === undefined) throw new OssError('NoSuchReplicationRule', { RuleId: id });
      rule.status = 'closing';
    }
    store.buckets.setDocument(bucket.name, 'replication', rules);
  });
  sendEmpty(ctx);
}
