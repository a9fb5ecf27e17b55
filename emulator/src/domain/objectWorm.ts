// Object-level retention and legal hold (behaviour §6.3, PY2 models/object_worm.py): a bucket switch enables it;
// each object version may carry a retention (GOVERNANCE or COMPLIANCE until a date) and a legal hold. What that
// protects, and from which writes and deletes, is domain/immutability.ts. COMPLIANCE can only be extended
// (shortening → AccessDenied).
import { OssError, invalidArgument } from './errors.js';
import type { ObjectVersionRecord } from './types.js';

export interface ObjectWormConfig {
  enabled: boolean;
  mode?: string;
  days?: number;
  years?: number;
}

export type Retention = NonNullable<ObjectVersionRecord['retention']>;

function text(node: unknown, name: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const v = (node as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}

function parseMode(mode: string | undefined): 'GOVERNANCE' | 'COMPLIANCE' {
  if (mode !== 'GOVERNANCE' && mode !== 'COMPLIANCE') throw invalidArgument('InvalidArgumentRetentionMode', 'Mode', mode);
  return mode;
}

/** A body that is not an ObjectWormConfiguration: MalformedXML with EC 0015-00000231 (evidence sdk-suites). */
const MALFORMED_EC = '0015-00000231';

export function parseObjectWormConfig(doc: Record<string, unknown> | undefined): ObjectWormConfig {
  const root = doc?.ObjectWormConfiguration;
  if (root === undefined || root === null || typeof root !== 'object') throw new OssError('MalformedXML', {}, MALFORMED_EC);
  const enabled = text(root, 'ObjectWormEnabled');
  if (enabled !== 'Enabled') throw invalidArgument('InvalidArgumentObjectWormEnabled', 'ObjectWormEnabled', enabled);
  const retention = ((root as Record<string, unknown>).Rule as Record<string, unknown> | undefined)?.DefaultRetention;
  if (retention === undefined) return { enabled: true };
  const days = text(retention, 'Days');
  const years = text(retention, 'Years');
  if ((days === undefined) === (years === undefined)) throw new OssError('MalformedXML', {}, MALFORMED_EC);
  const n = Number(days ?? years);
  if (!Number.isInteger(n) || n < 1) throw invalidArgument('InvalidArgumentRetentionPeriod', days ? 'Days' : 'Years', days ?? years);
  return { enabled: true, mode: parseMode(text(retention, 'Mode')), ...(days ? { days: n } : { years: n }) };
}

export function parseRetention(doc: Record<string, unknown> | undefined, now: number): Retention {
  const root = doc?.Retention;
  if (root === undefined || root === null || typeof root !== 'object') throw new OssError('MalformedXML');
  const mode = parseMode(text(root, 'Mode'));
  const until = text(root, 'RetainUntilDate');
  const t = until === undefined ? NaN : Date.parse(until);
  if (Number.isNaN(t) || t <= now) throw invalidArgument('InvalidArgumentRetainUntilDate', 'RetainUntilDate', until);
  return { mode, retainUntilDate: until! };
}

/** Whether a new retention may replace the current one (COMPLIANCE only extends; GOVERNANCE needs the bypass). */
export function checkRetentionChange(current: Retention | undefined, next: Retention, bypass: boolean, now: number): void {
  if (current === undefined || Date.parse(current.retainUntilDate) <= now) return;
  const shorter = Date.parse(next.retainUntilDate) < Date.parse(current.retainUntilDate);
  const weaker = current.mode === 'COMPLIANCE' && next.mode === 'GOVERNANCE';
  if ((shorter || weaker) && (current.mode === 'COMPLIANCE' || !bypass)) throw new OssError('AccessDenied');
}

export function parseLegalHold(doc: Record<string, unknown> | undefined): 'ON' | 'OFF' {
  const status = text(doc?.LegalHold, 'Status');
  if (status !== 'ON' && status !== 'OFF') throw new OssError('MalformedXML');
  return status;
}
