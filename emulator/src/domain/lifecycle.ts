// Bucket lifecycle rules (Put/Get/DeleteBucketLifecycle, behaviour §14.7): their XML, their validation, and the pure
// decision of what a rule does to one object version at a given time. Sources: the element names and order of the
// Python SDK v2 models/bucket_lifecycle.py (ID, Prefix, Status, Expiration, Transition, AbortMultipartUpload, Tag,
// NoncurrentVersionExpiration, NoncurrentVersionTransition, Filter, AtimeBase); the refusals of oss2's live tests
// tests/test_bucket.py (test_put_lifecycle_days_less_than_transition_days, test_put_lifecycle_invalid_transitions:
// InvalidArgument for a transition not before the expiration, for Archive not after IA, for a transition to
// Standard; test_lifecycle_overlap_exception: "Overlap for same action type Expiration" unless
// x-oss-allow-same-action-overlap: true; test_lifecycle_object_tagging_exceptions_*: a rule tag's key over 128 or
// value over 256 characters and 19 tags are accepted, characters outside the tag set refused) and
// tests/test_lifecycle_versioning.py (noncurrent transitions ordered the same way). Messages are [I] except the
// overlap one.
import { randomUUID } from 'node:crypto';
import { OssError, invalidArgument } from './errors.js';
import { isTagText } from './tagging.js';
import type { Tag } from './types.js';

export const TRANSITION_CLASSES = ['IA', 'Archive', 'ColdArchive', 'DeepColdArchive'] as const;
export type TransitionClass = (typeof TRANSITION_CLASSES)[number];
export const MAX_LIFECYCLE_RULES = 1000;
export const MAX_RULE_ID = 255;
const DAY_MS = 86_400_000;

export interface LifecycleTransition {
  days?: number;
  createdBeforeDate?: string;
  storageClass: TransitionClass;
  isAccessTime?: boolean;
  returnToStdWhenVisit?: boolean;
  allowSmallFile?: boolean;
}

export interface NoncurrentTransition {
  noncurrentDays: number;
  storageClass: TransitionClass;
  isAccessTime?: boolean;
  returnToStdWhenVisit?: boolean;
  allowSmallFile?: boolean;
}

export interface LifecycleNot {
  prefix?: string;
  tag?: Tag;
}

export interface LifecycleRule {
  id: string;
  prefix: string;
  status: 'Enabled' | 'Disabled';
  expiration?: { days?: number; date?: string; createdBeforeDate?: string; expiredObjectDeleteMarker?: boolean };
  transitions: LifecycleTransition[];
  abortMultipartUpload?: { days?: number; createdBeforeDate?: string };
  tags: Tag[];
  noncurrentVersionExpiration?: { noncurrentDays: number };
  noncurrentVersionTransitions: NoncurrentTransition[];
  filter?: { objectSizeGreaterThan?: number; objectSizeLessThan?: number; nots: LifecycleNot[] };
  atimeBase?: number;
}

type Node = Record<string, unknown>;

function list(v: unknown): unknown[] {
  return v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v];
}

function node(v: unknown, what: string): Node | undefined {
  if (v === undefined) return undefined;
  if (v === '') return {};
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new OssError('MalformedXML', { ErrorDetail: `${what} is not an element` });
  return v as Node;
}

function text(v: unknown, what: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') throw new OssError('MalformedXML', { ErrorDetail: `${what} is not text` });
  return v;
}

function positiveInt(v: unknown, what: string): number | undefined {
  const s = text(v, what);
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s.trim()) || Number(s) <= 0) throw invalidArgument('InvalidArgumentLifecycleDays', what, s);
  return Number(s);
}

function nonNegativeInt(v: unknown, what: string): number | undefined {
  const s = text(v, what);
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s.trim())) throw invalidArgument('InvalidArgumentLifecycle', what, s);
  return Number(s);
}

function bool(v: unknown, what: string): boolean | undefined {
  const s = text(v, what);
  if (s === undefined) return undefined;
  // Any case: oss2 writes Python's `True` (models.LifecycleExpiration, test_lifecycle_versioning.py passes live).
  const lower = s.toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw new OssError('MalformedXML', { ErrorDetail: `${what} is not true or false` });
  return lower === 'true';
}

/** An ISO 8601 instant (the SDKs send midnight UTC, `2016-12-25T00:00:00.000Z`); kept as sent. */
function date(v: unknown, what: string): string | undefined {
  const s = text(v, what);
  if (s === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(s) || Number.isNaN(Date.parse(s))) throw invalidArgument('InvalidArgumentLifecycleDate', what, s);
  return s;
}

function storageClass(v: unknown, what: string): TransitionClass {
  const s = text(v, what);
  if (s === undefined || !(TRANSITION_CLASSES as readonly string[]).includes(s)) {
    throw invalidArgument('InvalidArgumentLifecycleStorageClass', what, s ?? '');
  }
  return s as TransitionClass;
}

function tag(v: unknown): Tag {
  const n = node(v, 'Tag') ?? {};
  const key = text(n.Key, 'Key') ?? '';
  const value = text(n.Value, 'Value') ?? '';
  if (key === '' || !isTagText(key) || !isTagText(value)) throw new OssError('InvalidTag');
  return { key, value };
}

function parseTransition(v: unknown): LifecycleTransition {
  const n = node(v, 'Transition') ?? {};
  const days = positiveInt(n.Days, 'Days');
  const createdBeforeDate = date(n.CreatedBeforeDate, 'CreatedBeforeDate');
  if ((days === undefined) === (createdBeforeDate === undefined)) throw new OssError('MalformedXML', { ErrorDetail: 'Transition needs one of Days or CreatedBeforeDate' });
  return {
    ...(days !== undefined ? { days } : {}),
    ...(createdBeforeDate !== undefined ? { createdBeforeDate } : {}),
    storageClass: storageClass(n.StorageClass, 'StorageClass'),
    ...flags(n),
  };
}

function flags(n: Node): Pick<LifecycleTransition, 'isAccessTime' | 'returnToStdWhenVisit' | 'allowSmallFile'> {
  const isAccessTime = bool(n.IsAccessTime, 'IsAccessTime');
  const returnToStdWhenVisit = bool(n.ReturnToStdWhenVisit, 'ReturnToStdWhenVisit');
  const allowSmallFile = bool(n.AllowSmallFile, 'AllowSmallFile');
  return {
    ...(isAccessTime !== undefined ? { isAccessTime } : {}),
    ...(returnToStdWhenVisit !== undefined ? { returnToStdWhenVisit } : {}),
    ...(allowSmallFile !== undefined ? { allowSmallFile } : {}),
  };
}

/** Each storage class strictly later than the one before it (IA < Archive < ColdArchive < DeepColdArchive). */
function checkOrder(steps: { at: number; storageClass: TransitionClass }[], expiresAt: number | undefined): void {
  const sorted = [...steps].sort((a, b) => TRANSITION_CLASSES.indexOf(a.storageClass) - TRANSITION_CLASSES.indexOf(b.storageClass));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.storageClass === sorted[i - 1]!.storageClass) throw invalidArgument('InvalidArgumentLifecycleTransition', 'StorageClass', sorted[i]!.storageClass);
    if (sorted[i]!.at <= sorted[i - 1]!.at) throw invalidArgument('InvalidArgumentLifecycleTransition', 'StorageClass', sorted[i]!.storageClass);
  }
  if (expiresAt !== undefined && sorted.some((s) => s.at >= expiresAt)) throw invalidArgument('InvalidArgumentLifecycleExpiration', 'Expiration');
}

function parseRule(v: unknown): LifecycleRule {
  const n = node(v, 'Rule') ?? {};
  const id = text(n.ID, 'ID') || randomUUID();
  if ([...id].length > MAX_RULE_ID) throw invalidArgument('InvalidArgumentLifecycle', 'ID', id);
  const status = text(n.Status, 'Status');
  if (status !== 'Enabled' && status !== 'Disabled') throw new OssError('MalformedXML', { ErrorDetail: 'Status must be Enabled or Disabled' });
  const prefix = text(n.Prefix, 'Prefix') ?? '';

  const e = node(n.Expiration, 'Expiration');
  let expiration: LifecycleRule['expiration'];
  if (e !== undefined) {
    const days = positiveInt(e.Days, 'Days');
    const d = date(e.Date, 'Date');
    const createdBeforeDate = date(e.CreatedBeforeDate, 'CreatedBeforeDate');
    const expiredObjectDeleteMarker = bool(e.ExpiredObjectDeleteMarker, 'ExpiredObjectDeleteMarker');
    const given = [days, d, createdBeforeDate, expiredObjectDeleteMarker].filter((x) => x !== undefined).length;
    // oss2 LifecycleExpiration refuses Days with ExpiredObjectDeleteMarker client-side; one of them, exactly.
    if (given !== 1) throw new OssError('MalformedXML', { ErrorDetail: 'Expiration needs exactly one of Days, Date, CreatedBeforeDate, ExpiredObjectDeleteMarker' });
    expiration = {
      ...(days !== undefined ? { days } : {}),
      ...(d !== undefined ? { date: d } : {}),
      ...(createdBeforeDate !== undefined ? { createdBeforeDate } : {}),
      ...(expiredObjectDeleteMarker !== undefined ? { expiredObjectDeleteMarker } : {}),
    };
  }
  const transitions = list(n.Transition).map(parseTransition);

  const a = node(n.AbortMultipartUpload, 'AbortMultipartUpload');
  let abortMultipartUpload: LifecycleRule['abortMultipartUpload'];
  if (a !== undefined) {
    const days = positiveInt(a.Days, 'Days');
    const createdBeforeDate = date(a.CreatedBeforeDate, 'CreatedBeforeDate');
    if ((days === undefined) === (createdBeforeDate === undefined)) throw new OssError('MalformedXML', { ErrorDetail: 'AbortMultipartUpload needs one of Days or CreatedBeforeDate' });
    abortMultipartUpload = days !== undefined ? { days } : { createdBeforeDate };
  }
  const tags = list(n.Tag).map(tag);

  const ne = node(n.NoncurrentVersionExpiration, 'NoncurrentVersionExpiration');
  let noncurrentVersionExpiration: LifecycleRule['noncurrentVersionExpiration'];
  if (ne !== undefined) {
    const noncurrentDays = positiveInt(ne.NoncurrentDays, 'NoncurrentDays');
    if (noncurrentDays === undefined) throw new OssError('MalformedXML', { ErrorDetail: 'NoncurrentDays is missing' });
    noncurrentVersionExpiration = { noncurrentDays };
  }
  const noncurrentVersionTransitions = list(n.NoncurrentVersionTransition).map((t): NoncurrentTransition => {
    const tn = node(t, 'NoncurrentVersionTransition') ?? {};
    const noncurrentDays = positiveInt(tn.NoncurrentDays, 'NoncurrentDays');
    if (noncurrentDays === undefined) throw new OssError('MalformedXML', { ErrorDetail: 'NoncurrentDays is missing' });
    return { noncurrentDays, storageClass: storageClass(tn.StorageClass, 'StorageClass'), ...flags(tn) };
  });

  const f = node(n.Filter, 'Filter');
  let filter: LifecycleRule['filter'];
  if (f !== undefined) {
    const objectSizeGreaterThan = nonNegativeInt(f.ObjectSizeGreaterThan, 'ObjectSizeGreaterThan');
    const objectSizeLessThan = nonNegativeInt(f.ObjectSizeLessThan, 'ObjectSizeLessThan');
    if (objectSizeGreaterThan !== undefined && objectSizeLessThan !== undefined && objectSizeLessThan <= objectSizeGreaterThan) {
      throw invalidArgument('InvalidArgumentLifecycle', 'ObjectSizeLessThan', String(objectSizeLessThan));
    }
    const nots = list(f.Not).map((x): LifecycleNot => {
      const nn = node(x, 'Not') ?? {};
      const p = text(nn.Prefix, 'Prefix');
      // A Not prefix narrows the rule's own prefix (OSS user guide "lifecycle rules based on the last modified
      // time": the Not prefix must start with the rule's Prefix) [I: the refusal's code and message].
      if (p !== undefined && !p.startsWith(prefix)) throw invalidArgument('InvalidArgumentLifecycle', 'Not.Prefix', p);
      return { ...(p !== undefined ? { prefix: p } : {}), ...(nn.Tag !== undefined ? { tag: tag(nn.Tag) } : {}) };
    });
    filter = {
      ...(objectSizeGreaterThan !== undefined ? { objectSizeGreaterThan } : {}),
      ...(objectSizeLessThan !== undefined ? { objectSizeLessThan } : {}),
      nots,
    };
  }
  const atimeBase = nonNegativeInt(n.AtimeBase, 'AtimeBase');

  if (expiration === undefined && transitions.length === 0 && abortMultipartUpload === undefined
    && noncurrentVersionExpiration === undefined && noncurrentVersionTransitions.length === 0) {
    throw new OssError('MalformedXML', { ErrorDetail: 'a rule needs at least one action' });
  }
  // One time base per rule for the current version's actions (oss2 test_lifecycle_storage_transitions_mixed).
  const bases = new Set([
    ...(expiration?.days !== undefined ? ['days'] : []),
    ...(expiration?.createdBeforeDate !== undefined ? ['date'] : []),
    ...transitions.map((t) => (t.days !== undefined ? 'days' : 'date')),
  ]);
  if (bases.size > 1) throw new OssError('InvalidRequestLifecycleMixed');
  // Transitions before the expiration, each class after the one before (oss2 test_bucket.py, see the header).
  const dayStep = (t: { days?: number; createdBeforeDate?: string }) => (t.days !== undefined ? t.days : undefined);
  const byDays = transitions.filter((t) => t.days !== undefined).map((t) => ({ at: dayStep(t)!, storageClass: t.storageClass }));
  checkOrder(byDays, expiration?.days);
  const byDate = transitions.filter((t) => t.createdBeforeDate !== undefined)
    .map((t) => ({ at: -Date.parse(t.createdBeforeDate!), storageClass: t.storageClass }));
  checkOrder(byDate, expiration?.createdBeforeDate !== undefined ? -Date.parse(expiration.createdBeforeDate) : undefined);
  checkOrder(
    noncurrentVersionTransitions.map((t) => ({ at: t.noncurrentDays, storageClass: t.storageClass })),
    noncurrentVersionExpiration?.noncurrentDays,
  );

  return {
    id,
    prefix,
    status,
    ...(expiration ? { expiration } : {}),
    transitions,
    ...(abortMultipartUpload ? { abortMultipartUpload } : {}),
    tags,
    ...(noncurrentVersionExpiration ? { noncurrentVersionExpiration } : {}),
    noncurrentVersionTransitions,
    ...(filter ? { filter } : {}),
    ...(atimeBase !== undefined ? { atimeBase } : {}),
  };
}

/** The action types a rule has, named as OSS's overlap message names them. */
function actionTypes(r: LifecycleRule): string[] {
  return [
    ...(r.expiration ? ['Expiration'] : []),
    ...(r.transitions.length ? ['Transition'] : []),
    ...(r.abortMultipartUpload ? ['AbortMultipartUpload'] : []),
    ...(r.noncurrentVersionExpiration ? ['NoncurrentVersionExpiration'] : []),
    ...(r.noncurrentVersionTransitions.length ? ['NoncurrentVersionTransition'] : []),
  ];
}

export interface AccessTimeContext {
  /** The bucket's access monitor is Enabled (IsAccessTime rules need it). */
  accessMonitorEnabled: boolean;
}

/**
 * The rules of a PutBucketLifecycle body (parsed XML). `allowOverlap`: the x-oss-allow-same-action-overlap header.
 * Two rules whose prefixes nest and that share an action type are refused unless overlap is allowed (oss2
 * test_lifecycle_overlap / _exception); rules with tags or a filter are not compared [I].
 */
export function parseLifecycle(doc: Record<string, unknown> | undefined, allowOverlap: boolean, at: AccessTimeContext): LifecycleRule[] {
  const root = doc?.LifecycleConfiguration;
  if (root === undefined || root === null || root === '' || typeof root !== 'object') throw new OssError('MalformedXML');
  const raw = list((root as Node).Rule);
  if (raw.length === 0) throw new OssError('MalformedXML', { ErrorDetail: 'no Rule' });
  if (raw.length > MAX_LIFECYCLE_RULES) throw invalidArgument('InvalidArgumentLifecycleRules', 'Rule', String(raw.length));
  const rules = raw.map(parseRule);
  const ids = new Set<string>();
  for (const r of rules) {
    if (ids.has(r.id)) throw invalidArgument('InvalidArgumentLifecycleRuleId', 'ID', r.id);
    ids.add(r.id);
  }
  const usesAccessTime = rules.some((r) => [...r.transitions, ...r.noncurrentVersionTransitions].some((t) => t.isAccessTime));
  if (usesAccessTime && !at.accessMonitorEnabled) throw new OssError('InvalidArgumentAccessMonitorDisabled');
  if (!allowOverlap) {
    for (let i = 0; i < rules.length; i++) {
      for (let j = i + 1; j < rules.length; j++) {
        const a = rules[i]!;
        const b = rules[j]!;
        if (a.tags.length || b.tags.length || a.filter || b.filter) continue;
        if (!a.prefix.startsWith(b.prefix) && !b.prefix.startsWith(a.prefix)) continue;
        const shared = actionTypes(a).find((t) => actionTypes(b).includes(t));
        if (shared !== undefined) throw invalidArgument('InvalidArgumentLifecycleOverlap', shared);
      }
    }
  }
  return rules;
}

function bools(t: Pick<LifecycleTransition, 'isAccessTime' | 'returnToStdWhenVisit' | 'allowSmallFile'>): object {
  return {
    ...(t.isAccessTime !== undefined ? { IsAccessTime: String(t.isAccessTime) } : {}),
    ...(t.returnToStdWhenVisit !== undefined ? { ReturnToStdWhenVisit: String(t.returnToStdWhenVisit) } : {}),
    ...(t.allowSmallFile !== undefined ? { AllowSmallFile: String(t.allowSmallFile) } : {}),
  };
}

const tagXml = (t: Tag) => ({ Key: t.key, Value: t.value });

/** The GetBucketLifecycle document's rules, in the element order of the header. */
export function lifecycleToXml(rules: LifecycleRule[]): object {
  return {
    Rule: rules.map((r) => ({
      ID: r.id,
      Prefix: r.prefix,
      Status: r.status,
      ...(r.expiration
        ? {
            Expiration: {
              ...(r.expiration.days !== undefined ? { Days: r.expiration.days } : {}),
              ...(r.expiration.date !== undefined ? { Date: r.expiration.date } : {}),
              ...(r.expiration.createdBeforeDate !== undefined ? { CreatedBeforeDate: r.expiration.createdBeforeDate } : {}),
              ...(r.expiration.expiredObjectDeleteMarker !== undefined
                ? { ExpiredObjectDeleteMarker: String(r.expiration.expiredObjectDeleteMarker) }
                : {}),
            },
          }
        : {}),
      ...(r.transitions.length
        ? {
            Transition: r.transitions.map((t) => ({
              ...(t.days !== undefined ? { Days: t.days } : {}),
              ...(t.createdBeforeDate !== undefined ? { CreatedBeforeDate: t.createdBeforeDate } : {}),
              StorageClass: t.storageClass,
              ...bools(t),
            })),
          }
        : {}),
      ...(r.abortMultipartUpload
        ? {
            AbortMultipartUpload: r.abortMultipartUpload.days !== undefined
              ? { Days: r.abortMultipartUpload.days }
              : { CreatedBeforeDate: r.abortMultipartUpload.createdBeforeDate },
          }
        : {}),
      ...(r.tags.length ? { Tag: r.tags.map(tagXml) } : {}),
      ...(r.noncurrentVersionExpiration ? { NoncurrentVersionExpiration: { NoncurrentDays: r.noncurrentVersionExpiration.noncurrentDays } } : {}),
      ...(r.noncurrentVersionTransitions.length
        ? {
            NoncurrentVersionTransition: r.noncurrentVersionTransitions.map((t) => ({
              NoncurrentDays: t.noncurrentDays,
              StorageClass: t.storageClass,
              ...bools(t),
            })),
          }
        : {}),
      ...(r.filter
        ? {
            Filter: {
              ...(r.filter.objectSizeGreaterThan !== undefined ? { ObjectSizeGreaterThan: r.filter.objectSizeGreaterThan } : {}),
              ...(r.filter.objectSizeLessThan !== undefined ? { ObjectSizeLessThan: r.filter.objectSizeLessThan } : {}),
              ...(r.filter.nots.length
                ? { Not: r.filter.nots.map((x) => ({ ...(x.prefix !== undefined ? { Prefix: x.prefix } : {}), ...(x.tag ? { Tag: tagXml(x.tag) } : {}) })) }
                : {}),
            },
          }
        : {}),
      ...(r.atimeBase !== undefined ? { AtimeBase: r.atimeBase } : {}),
    })),
  };
}

// --- execution (behaviour §14.7.2) ---

/** What the runner knows of one object version. */
export interface LifecycleSubject {
  key: string;
  isLatest: boolean;
  isDeleteMarker: boolean;
  lastModified: number;
  size: number;
  storageClass: string;
  tags: Tag[];
  /** When the version stopped being current (the next version's Last-Modified); noncurrent versions only. */
  noncurrentSince?: number;
  /** A delete marker that is the only version left of its key. */
  soleVersion?: boolean;
  /** Last access time, when the access monitor tracks it; else lastModified stands in. */
  lastAccess?: number;
}

export type LifecycleAction =
  | { kind: 'expire'; rule: string }
  | { kind: 'removeVersion'; rule: string }
  | { kind: 'transition'; rule: string; storageClass: TransitionClass };

function matches(r: LifecycleRule, o: LifecycleSubject): boolean {
  if (r.status !== 'Enabled' || !o.key.startsWith(r.prefix)) return false;
  if (!r.tags.every((t) => o.tags.some((ot) => ot.key === t.key && ot.value === t.value))) return false;
  const f = r.filter;
  if (f) {
    if (f.objectSizeGreaterThan !== undefined && !(o.size > f.objectSizeGreaterThan)) return false;
    if (f.objectSizeLessThan !== undefined && !(o.size < f.objectSizeLessThan)) return false;
    for (const n of f.nots) {
      const prefixHit = n.prefix === undefined || o.key.startsWith(n.prefix);
      const tagHit = n.tag === undefined || o.tags.some((t) => t.key === n.tag!.key && t.value === n.tag!.value);
      if (prefixHit && tagHit) return false;
    }
  }
  return true;
}

/** Whole days elapsed: OSS counts from the object's time rounded up to the next midnight UTC (user guide) [I: rounding]. */
function daysSince(from: number, now: number): number {
  const start = Math.ceil(from / DAY_MS) * DAY_MS;
  return Math.floor((now - start) / DAY_MS);
}

const rank = (c: string) => ['Standard', ...TRANSITION_CLASSES].indexOf(c);

/**
 * The one action the rules take on a version now, if any: removal wins over a transition, and of transitions the
 * coldest due one; a transition never moves an object to a warmer class. Pure: the runner applies it.
 */
export function decideLifecycle(rules: LifecycleRule[], o: LifecycleSubject, now: number): LifecycleAction | undefined {
  let transition: { rule: string; storageClass: TransitionClass } | undefined;
  for (const r of rules) {
    if (!matches(r, o)) continue;
    if (o.isLatest && o.isDeleteMarker) {
      if (r.expiration?.expiredObjectDeleteMarker && o.soleVersion) return { kind: 'removeVersion', rule: r.id };
      continue;
    }
    if (o.isLatest) {
      const e = r.expiration;
      if (e) {
        if (e.days !== undefined && daysSince(o.lastModified, now) >= e.days) return { kind: 'expire', rule: r.id };
        if (e.date !== undefined && now >= Date.parse(e.date)) return { kind: 'expire', rule: r.id };
        if (e.createdBeforeDate !== undefined && o.lastModified < Date.parse(e.createdBeforeDate)) return { kind: 'expire', rule: r.id };
      }
      for (const t of r.transitions) {
        const base = t.isAccessTime ? (o.lastAccess ?? o.lastModified) : o.lastModified;
        const due = t.days !== undefined ? daysSince(base, now) >= t.days : o.lastModified < Date.parse(t.createdBeforeDate!);
        if (due && rank(t.storageClass) > rank(transition?.storageClass ?? o.storageClass)) transition = { rule: r.id, storageClass: t.storageClass };
      }
    } else if (o.noncurrentSince !== undefined) {
      const ne = r.noncurrentVersionExpiration;
      if (ne && daysSince(o.noncurrentSince, now) >= ne.noncurrentDays) return { kind: 'removeVersion', rule: r.id };
      for (const t of r.noncurrentVersionTransitions) {
        if (daysSince(o.noncurrentSince, now) >= t.noncurrentDays && rank(t.storageClass) > rank(transition?.storageClass ?? o.storageClass)) {
          transition = { rule: r.id, storageClass: t.storageClass };
        }
      }
    }
  }
  return transition ? { kind: 'transition', ...transition } : undefined;
}

/** Whether an upload initiated at `initiated` under `key` is aborted by the rules now. */
export function abortsUpload(rules: LifecycleRule[], key: string, initiated: number, now: number): boolean {
  return rules.some((r) => {
    const a = r.abortMultipartUpload;
    if (a === undefined || r.status !== 'Enabled' || !key.startsWith(r.prefix)) return false;
    return a.days !== undefined ? daysSince(initiated, now) >= a.days : initiated < Date.parse(a.createdBeforeDate!);
  });
}
