// Data replication rules (PutBucketReplication, GetBucketReplication, PutBucketRTC, DeleteBucketReplication,
// GetBucketReplicationLocation, GetBucketReplicationProgress; behaviour §14.22) and what a rule replicates.
// Sources: the PutBucketReplication API reference (elements and defaults: Action ALL, HistoricalObjectReplication
// enabled; "the source bucket and the destination bucket cannot have the same name"); the EC pages 0031-00000001
// (no ReplicationConfiguration root), -011 (HistoricalObjectReplication), -019 (overlapping prefixes), -023 (Action),
// -033 (EncryptionConfiguration without ReplicaKmsKeyID), -044 (a rule between the same two buckets exists), -101
// (destination bucket name); the 400 catalogue (BadReplicationLocation, BucketReplicationAlreadyExist); the 404
// catalogue (NoSuchReplicationConfiguration, NoSuchReplicationRule); oss2 tests/test_bucket_replication.py (a new rule
// reads `starting`, a deleted one `closing`; without SyncRole the KMS settings are not kept; with SseKmsEncryptedObjects
// Disabled the ReplicaKmsKeyID is not kept; an unknown rule id is NoSuchReplicationRule even on a bucket without
// rules); the real answers quoted in the aliyun_oss Elixir client's docs (TransferType `internal` is not echoed;
// Progress carries NewObject alone while historical replication is disabled); PY2 models/bucket_replication.py
// (element names and order) and its unit tests (Progress/HistoricalObject a fraction such as 0.85, NewObject an ISO
// time). The user guide "Replication behavior in special scenarios" says what each Action replicates (below).
import { randomUUID } from 'node:crypto';
import { OssError, invalidArgument } from './errors.js';

export type ReplicationAction = 'ALL' | 'PUT' | 'DELETE' | 'ABORT';
const ACTIONS: readonly string[] = ['ALL', 'PUT', 'DELETE', 'ABORT'];
export type RuleStatus = 'starting' | 'doing' | 'closing';

export interface ReplicationRule {
  id: string;
  prefixes: string[];
  actions: ReplicationAction[];
  destination: { bucket: string; location: string; transferType?: 'internal' | 'oss_acc' };
  historical: 'enabled' | 'disabled';
  syncRole?: string;
  sseKms?: 'Enabled' | 'Disabled';
  replicaKmsKeyId?: string;
  rtc?: 'enabled' | 'disabled';
  status: RuleStatus;
  /** When the rule was put: objects written before are historical, after are new. */
  created: number;
  /** Set by the runner: historical objects all copied, and the time up to which new objects are. */
  historicalDone?: boolean;
  newObjectsUntil?: number;
}

/** At most this many prefixes per rule [I: the API reference's limit is not captured], each at most 1023 characters. */
export const MAX_PREFIXES = 10;
export const MAX_PREFIX_LENGTH = 1023;
/** At most this many rules per source bucket [I]. */
export const MAX_RULES = 100;
const MAX_ID_LENGTH = 255;
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

type Node = Record<string, unknown>;

function isNode(v: unknown): v is Node {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function text(v: unknown, what: string): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') throw new OssError('MalformedXML', { ErrorDetail: `${what} is not text` });
  return v;
}

function list(v: unknown): unknown[] {
  return v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v];
}

/** `oss-cn-hangzhou` → `cn-hangzhou`; the Location a destination names must be one this emulator serves. */
export function regionOfLocation(location: string): string {
  return location.startsWith('oss-') ? location.slice(4) : location;
}

/**
 * One PutBucketReplication body (parsed XML) as a rule; `regions` are the regions this emulator serves. The
 * destination bucket's existence and the existing rules are the caller's (they need the store).
 */
export function parseReplicationRule(doc: Node | undefined, regions: readonly string[], now: number): ReplicationRule {
  const root = doc?.ReplicationConfiguration;
  if (!isNode(root)) throw new OssError('MalformedXML', {}, '0031-00000001');
  const rules = list(root.Rule);
  // One rule per request (the API reference's request syntax; a second rule is put by a second request).
  if (rules.length !== 1 || !isNode(rules[0])) throw new OssError('MalformedXML', {}, '0031-00000001');
  const r = rules[0];

  const id = text(r.ID, 'ID') ?? randomUUID();
  if (id.length > MAX_ID_LENGTH) throw invalidArgument('InvalidArgumentTooLong', 'ID', id);

  const prefixSet = r.PrefixSet;
  const prefixes = list(isNode(prefixSet) ? prefixSet.Prefix : undefined).map((p) => text(p, 'Prefix') ?? '');
  if (prefixes.length > MAX_PREFIXES) throw invalidArgument('InvalidArgumentReplicationPrefixes', 'PrefixSet', String(prefixes.length));
  for (const p of prefixes) {
    if (p === '' || [...p].length > MAX_PREFIX_LENGTH) throw invalidArgument('InvalidArgumentReplicationPrefix', 'Prefix', p);
  }
  for (const a of prefixes) {
    for (const b of prefixes) {
      if (a !== b && b.startsWith(a)) throw invalidArgument('InvalidArgumentReplicationPrefixOverlap', 'Prefix', b, '0031-00000019');
    }
  }
  if (new Set(prefixes).size !== prefixes.length) throw invalidArgument('InvalidArgumentReplicationPrefixOverlap', 'Prefix', prefixes.join(','), '0031-00000019');

  const actionText = text(r.Action, 'Action') ?? 'ALL';
  const actions = actionText.split(',').map((a) => a.trim());
  if (actions.some((a) => !ACTIONS.includes(a))) throw invalidArgument('InvalidArgumentReplicationAction', 'Action', actionText, '0031-00000023');

  const dest = r.Destination;
  if (!isNode(dest)) throw new OssError('MalformedXML', { ErrorDetail: 'Destination is missing' }, '0031-00000001');
  const bucket = text(dest.Bucket, 'Bucket');
  if (bucket === undefined || !BUCKET_NAME.test(bucket)) throw invalidArgument('InvalidArgumentReplicationBucket', 'Bucket', bucket ?? '', '0031-00000101');
  const location = text(dest.Location, 'Location');
  if (location === undefined || !regions.includes(regionOfLocation(location)) || !location.startsWith('oss-')) {
    throw new OssError('BadReplicationLocation', { Location: location ?? '' });
  }
  const transferType = text(dest.TransferType, 'TransferType');
  if (transferType !== undefined && transferType !== 'internal' && transferType !== 'oss_acc') {
    throw invalidArgument('InvalidArgumentReplicationTransferType', 'TransferType', transferType);
  }

  const historical = text(r.HistoricalObjectReplication, 'HistoricalObjectReplication') ?? 'enabled';
  if (historical !== 'enabled' && historical !== 'disabled') {
    throw invalidArgument('InvalidArgumentReplicationHistorical', 'HistoricalObjectReplication', historical, '0031-00000011');
  }

  const syncRole = text(r.SyncRole, 'SyncRole');
  const criteria = r.SourceSelectionCriteria;
  const sseNode = isNode(criteria) ? criteria.SseKmsEncryptedObjects : undefined;
  const sseKms = isNode(sseNode) ? text(sseNode.Status, 'Status') : undefined;
  if (sseKms !== undefined && sseKms !== 'Enabled' && sseKms !== 'Disabled') {
    throw invalidArgument('InvalidArgumentReplicationSseKms', 'Status', sseKms);
  }
  const encNode = r.EncryptionConfiguration;
  const replicaKmsKeyId = isNode(encNode) ? text(encNode.ReplicaKmsKeyID, 'ReplicaKmsKeyID') : undefined;
  if (sseKms === 'Enabled' && replicaKmsKeyId === undefined) {
    throw invalidArgument('InvalidArgumentReplicaKmsKeyId', 'ReplicaKmsKeyID', '', '0031-00000033');
  }

  const rtcNode = r.RTC;
  const rtc = isNode(rtcNode) ? parseRtcStatus(rtcNode.Status) : undefined;

  return {
    id,
    prefixes,
    actions: actions as ReplicationAction[],
    destination: { bucket, location, ...(transferType !== undefined ? { transferType } : {}) },
    historical,
    ...(syncRole !== undefined ? { syncRole } : {}),
    // Without a role OSS keeps neither KMS setting, and a Disabled criterion keeps no replica key (oss2 live tests
    // test_put_replica_without_sync_role, test_kms_encrypted_status_disabled).
    ...(syncRole !== undefined && sseKms !== undefined ? { sseKms } : {}),
    ...(syncRole !== undefined && sseKms !== 'Disabled' && replicaKmsKeyId !== undefined ? { replicaKmsKeyId } : {}),
    ...(rtc !== undefined ? { rtc } : {}),
    status: 'starting',
    created: now,
  };
}

function parseRtcStatus(v: unknown): 'enabled' | 'disabled' {
  const s = text(v, 'Status');
  if (s !== 'enabled' && s !== 'disabled') throw invalidArgument('InvalidArgumentReplicationRtc', 'Status', s ?? '');
  return s;
}

/** A PutBucketRTC body: `<ReplicationRule><RTC><Status/></RTC><ID/></ReplicationRule>` (PY2 PutBucketRtcRequest). */
export function parseRtcBody(doc: Node | undefined): { id: string; rtc: 'enabled' | 'disabled' } {
  const root = doc?.ReplicationRule;
  if (!isNode(root) || !isNode(root.RTC)) throw new OssError('MalformedXML');
  const id = text(root.ID, 'ID');
  if (id === undefined) throw new OssError('MalformedXML', { ErrorDetail: 'ID is missing' });
  return { id, rtc: parseRtcStatus(root.RTC.Status) };
}

/** A DeleteBucketReplication body: `<ReplicationRules><ID/>…</ReplicationRules>`. */
export function parseDeleteIds(doc: Node | undefined): string[] {
  const root = doc?.ReplicationRules;
  if (!isNode(root)) throw new OssError('MalformedXML');
  const ids = list(root.ID).map((v) => text(v, 'ID')).filter((v): v is string => v !== undefined);
  if (ids.length === 0) throw new OssError('MalformedXML', { ErrorDetail: 'ID is missing' });
  return ids;
}

/** The refusals a new rule meets against the bucket's existing rules and its own name. */
export function checkNewRule(sourceBucket: string, existing: readonly ReplicationRule[], rule: ReplicationRule): void {
  if (rule.destination.bucket === sourceBucket) throw invalidArgument('InvalidArgumentReplicationSameBucket', 'Bucket', sourceBucket);
  // OSS allows one rule between a source and a destination bucket (EC 0031-00000044); a closing rule still counts
  // until it is gone [I].
  if (existing.some((e) => e.destination.bucket === rule.destination.bucket)) throw new OssError('BucketReplicationAlreadyExist', {}, '0031-00000044');
  if (existing.some((e) => e.id === rule.id)) throw new OssError('BucketReplicationAlreadyExist', {}, '0031-00000044');
  if (existing.length >= MAX_RULES) throw new OssError('TooManyReplicationRules');
}

function destinationXml(rule: ReplicationRule): object {
  return {
    Bucket: rule.destination.bucket,
    Location: rule.destination.location,
    // `internal` (the default) is not echoed (aliyun_oss Elixir docs: put with internal, get without TransferType).
    ...(rule.destination.transferType === 'oss_acc' ? { TransferType: 'oss_acc' } : {}),
  };
}

/** GetBucketReplication's Rule elements (PY2 ReplicationRule; order as the API reference's response sample). */
export function replicationToXml(rules: readonly ReplicationRule[]): object {
  return {
    Rule: rules.map((r) => ({
      ID: r.id,
      ...(r.prefixes.length > 0 ? { PrefixSet: { Prefix: r.prefixes } } : {}),
      Action: r.actions.join(','),
      Destination: destinationXml(r),
      Status: r.status,
      HistoricalObjectReplication: r.historical,
      ...(r.syncRole !== undefined ? { SyncRole: r.syncRole } : {}),
      ...(r.sseKms !== undefined ? { SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: r.sseKms } } } : {}),
      ...(r.replicaKmsKeyId !== undefined ? { EncryptionConfiguration: { ReplicaKmsKeyID: r.replicaKmsKeyId } } : {}),
      ...(r.rtc !== undefined ? { RTC: { Status: r.rtc } } : {}),
    })),
  };
}

/** ISO-8601 with milliseconds, as the Progress/NewObject sample. */
function isoTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

/** GetBucketReplicationProgress's Rule: HistoricalObject only for historical replication, NewObject once running. */
export function progressToXml(r: ReplicationRule): object {
  const progress = {
    ...(r.historical === 'enabled' ? { HistoricalObject: r.historicalDone ? '1.00' : '0.00' } : {}),
    ...(r.newObjectsUntil !== undefined ? { NewObject: isoTime(r.newObjectsUntil) } : {}),
  };
  return {
    Rule: {
      ID: r.id,
      ...(r.prefixes.length > 0 ? { PrefixSet: { Prefix: r.prefixes } } : {}),
      Action: r.actions.join(','),
      Destination: destinationXml(r),
      Status: r.status,
      HistoricalObjectReplication: r.historical,
      ...(Object.keys(progress).length > 0 ? { Progress: progress } : {}),
    },
  };
}

/**
 * GetBucketReplicationLocation: every region this emulator serves, as OSS lists every region a bucket may replicate
 * to (its own included: same-region replication). OSS lists oss_acc for the regions it can reach over the
 * acceleration network; here that is every served region other than the bucket's own, and so is RTC [I].
 */
export function locationToXml(served: readonly string[], own: string): object {
  const locations = [...new Set(served)].sort().map((r) => `oss-${r}`);
  const others = locations.filter((l) => l !== `oss-${own}`);
  return {
    Location: locations,
    LocationTransferTypeConstraint: { LocationTransferType: others.map((l) => ({ Location: l, TransferTypes: { Type: 'oss_acc' } })) },
    LocationRTCConstraint: { Location: others },
  };
}

/** Does the rule cover this key (no prefixes: every key)? */
export function coversKey(rule: ReplicationRule, key: string): boolean {
  return rule.prefixes.length === 0 || rule.prefixes.some((p) => key.startsWith(p));
}

/** Writes (PutObject … CompleteMultipartUpload, PutObjectACL): Action ALL or PUT. */
export function replicatesWrites(rule: ReplicationRule): boolean {
  return rule.actions.includes('ALL') || rule.actions.includes('PUT');
}

/** Deletes that remove data (an unversioned delete, a delete by version id): Action ALL or DELETE. */
export function replicatesDeletes(rule: ReplicationRule): boolean {
  return rule.actions.includes('ALL') || rule.actions.includes('DELETE');
}

/** What happened to a key in a source bucket, as the replication queue holds it (`acl`: PutObjectACL on a version). */
export type ReplicationOp = 'put' | 'acl' | 'delete' | 'deleteVersion';

/**
 * Whether `rule` replicates one change. A delete without a version id on a versioned bucket stacks a delete marker,
 * which every rule replicates; on an unversioned bucket it removes the object, which only ALL/DELETE rules
 * replicate; a delete by version id likewise ("Replication behavior in special scenarios", versioning table).
 * Changes made before the rule existed are the historical copy's, not the queue's.
 */
export function replicatesChange(rule: ReplicationRule, change: { key: string; op: ReplicationOp; marker: boolean; at: number }): boolean {
  if (rule.status === 'closing' || change.at < rule.created || !coversKey(rule, change.key)) return false;
  // PutObjectACL is one of the PUT operations (EC page 0031-00000023: "PUT … PutObjectACL …").
  if (change.op === 'put' || change.op === 'acl') return replicatesWrites(rule);
  if (change.op === 'delete' && change.marker) return true;
  return replicatesDeletes(rule);
}

/**
 * Whether an object is replicated at all: SSE-KMS objects only when the rule's SseKmsEncryptedObjects is Enabled
 * (API reference: SourceSelectionCriteria "specifies whether to replicate objects encrypted by SSE-KMS").
 */
export function selectsObject(rule: ReplicationRule, encryptedWithKms: boolean): boolean {
  return !encryptedWithKms || rule.sseKms === 'Enabled';
}

/**
 * A replica's encryption: an SSE-KMS object is encrypted under the rule's ReplicaKmsKeyID (its own key without one),
 * AES256 / SM4 objects keep theirs, and an unencrypted object takes the destination bucket's default rule as any new
 * object there does ("Replication behavior in special scenarios", server-side encryption; the default rule [I]).
 */
export function replicaEncryption<E extends { algorithm: string; keyId?: string; dataAlgorithm?: string }>(
  source: E | undefined,
  rule: ReplicationRule,
  destinationDefault: E | undefined,
): E | { algorithm: string; keyId?: string; dataAlgorithm?: string } | undefined {
  if (source === undefined) return destinationDefault;
  if (source.algorithm !== 'KMS' || rule.replicaKmsKeyId === undefined) return source;
  return { ...source, keyId: rule.replicaKmsKeyId };
}
