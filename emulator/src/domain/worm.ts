// Bucket retention policy (WORM) state machine and protection rule (behaviour §6). A policy is InProgress for 24 h
// after InitiateBucketWorm and lapses unless locked; a Locked policy can only be extended. While a policy is
// InProgress or Locked, an object is protected from its Last-Modified for RetentionPeriodInDays: it cannot be
// overwritten or deleted (409 FileImmutable).
import { randomBytes } from 'node:crypto';
import { OssError } from './errors.js';

export interface WormPolicy {
  wormId: string;
  state: 'InProgress' | 'Locked';
  retentionDays: number;
  createdAt: number; // ms
}

const DAY = 86_400_000;
/** An unlocked policy lapses after 24 hours (DOCS "Retention policy"). */
export const IN_PROGRESS_TTL = DAY;
/** 1 day … 70 years (ossutil documents 1–25550). */
export const MAX_RETENTION_DAYS = 25_550;

/** The policy in force at `now`, or undefined (none, or an InProgress one that lapsed). */
export function activePolicy(p: WormPolicy | undefined, now: number): WormPolicy | undefined {
  if (p === undefined) return undefined;
  if (p.state === 'InProgress' && now - p.createdAt >= IN_PROGRESS_TTL) return undefined;
  return p;
}

function parseDays(value: string | undefined): number {
  if (value === undefined || !/^\d{1,9}$/.test(value)) throw new OssError('InvalidWORMConfiguration');
  const days = Number(value);
  if (days < 1 || days > MAX_RETENTION_DAYS) throw new OssError('InvalidWORMConfiguration');
  return days;
}

export function initiate(current: WormPolicy | undefined, daysText: string | undefined, now: number): WormPolicy {
  if (activePolicy(current, now) !== undefined) throw new OssError('WORMConfigurationAlreadyExists');
  const days = parseDays(daysText);
  return { wormId: randomBytes(16).toString('hex').toUpperCase(), state: 'InProgress', retentionDays: days, createdAt: now };
}

export function abort(current: WormPolicy | undefined, now: number): void {
  const p = activePolicy(current, now);
  if (p === undefined) throw new OssError('NoSuchWORMConfiguration');
  if (p.state === 'Locked') throw new OssError('WORMConfigurationLocked');
}

function byId(current: WormPolicy | undefined, wormId: string, now: number): WormPolicy {
  const p = activePolicy(current, now);
  if (p === undefined) throw new OssError('NoSuchWORMConfiguration');
  if (p.wormId !== wormId) throw new OssError('NoSuchWORMId');
  return p;
}

export function complete(current: WormPolicy | undefined, wormId: string, now: number): WormPolicy {
  return { ...byId(current, wormId, now), state: 'Locked' };
}

/** Only a Locked policy is extended, and only to a longer period [I: the error for other cases]. */
export function extend(current: WormPolicy | undefined, wormId: string, daysText: string | undefined, now: number): WormPolicy {
  const p = byId(current, wormId, now);
  const days = parseDays(daysText);
  if (p.state !== 'Locked' || days <= p.retentionDays) throw new OssError('InvalidWORMConfiguration');
  return { ...p, retentionDays: days };
}

export function isProtected(lastModified: number, policy: WormPolicy | undefined, now: number): boolean {
  const p = activePolicy(policy, now);
  return p !== undefined && now < lastModified + p.retentionDays * DAY;
}

/**
 * CopyObject and WORM (behaviour §6.2): the SDK documentation says a copy fails with FileImmutable when the source or
 * the destination bucket has a retention policy ('documented', the default); whether OSS only refuses copies that
 * overwrite a protected object is [U] — 'protected-only' applies that narrower rule, which is the landing funnel's
 * own (domain/immutability.ts), so under it this check adds nothing.
 */
export type WormCopyRule = 'documented' | 'protected-only';

export function checkCopy(rule: WormCopyRule, sourcePolicy: WormPolicy | undefined, destPolicy: WormPolicy | undefined, now: number): void {
  if (rule === 'documented' && (activePolicy(sourcePolicy, now) || activePolicy(destPolicy, now))) throw new OssError('FileImmutable');
}

/** `2020-10-15T15:50:32` — no fraction, no zone, as GetBucketWorm writes it (behaviour §6.1). */
export function wormDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}
