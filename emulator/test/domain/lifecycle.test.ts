// domain/lifecycle.ts without HTTP: parsing and its refusals, and decideLifecycle / abortsUpload over plain data.
import { describe, expect, it } from 'vitest';
import { OssError } from '../../src/domain/errors.js';
import { abortsUpload, decideLifecycle, parseLifecycle, type LifecycleRule, type LifecycleSubject } from '../../src/domain/lifecycle.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 10, 12); // noon: days count from the next midnight
const on = { accessMonitorEnabled: true };

function rules(xmlRules: Record<string, unknown>[], allowOverlap = false): LifecycleRule[] {
  return parseLifecycle({ LifecycleConfiguration: { Rule: xmlRules } }, allowOverlap, on);
}

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof OssError) return e.code;
    throw e;
  }
  return undefined;
}

const subject = (o: Partial<LifecycleSubject> = {}): LifecycleSubject => ({
  key: 'logs/a',
  isLatest: true,
  isDeleteMarker: false,
  lastModified: T0,
  size: 100,
  storageClass: 'Standard',
  tags: [],
  ...o,
});

describe('parseLifecycle', () => {
  it('keeps what was sent, fills an ID, reads booleans in any case', () => {
    const [r] = rules([{ Prefix: 'p/', Status: 'Enabled', Expiration: { ExpiredObjectDeleteMarker: 'True' } }]);
    expect(r!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r!.expiration).toEqual({ expiredObjectDeleteMarker: true });
  });

  it('refuses with the codes of the header', () => {
    const base = { Prefix: 'p/', Status: 'Enabled' };
    expect(code(() => rules([{ ...base, Expiration: { Days: '3' }, Transition: { Days: '4', StorageClass: 'IA' } }]))).toBe('InvalidArgument');
    expect(code(() => rules([{ ...base, Transition: [{ Days: '5', StorageClass: 'IA' }, { Days: '2', StorageClass: 'Archive' }] }]))).toBe('InvalidArgument');
    expect(code(() => rules([{ ...base, NoncurrentVersionTransition: [{ NoncurrentDays: '20', StorageClass: 'IA' }, { NoncurrentDays: '12', StorageClass: 'Archive' }] }]))).toBe('InvalidArgument');
    expect(code(() => rules([{ ...base, Expiration: { CreatedBeforeDate: '2016-12-25T00:00:00.000Z' }, Transition: { Days: '356', StorageClass: 'IA' } }]))).toBe('InvalidRequest');
    expect(code(() => rules([{ ...base, Status: 'On', Expiration: { Days: '3' } }]))).toBe('MalformedXML');
    expect(code(() => rules([base]))).toBe('MalformedXML');
    expect(code(() => parseLifecycle({ LifecycleConfiguration: { Rule: { ...base, Transition: { Days: '5', StorageClass: 'IA', IsAccessTime: 'true' } } } }, false, { accessMonitorEnabled: false }))).toBe('InvalidArgument');
    const overlap = [{ ...base, ID: 'a', Expiration: { Days: '3' } }, { ...base, ID: 'b', Prefix: 'p/2', Expiration: { Days: '3' } }];
    expect(code(() => rules(overlap))).toBe('InvalidArgument');
    expect(rules(overlap, true)).toHaveLength(2);
  });
});

describe('decideLifecycle', () => {
  const expire2 = rules([{ ID: 'e', Prefix: 'logs/', Status: 'Enabled', Expiration: { Days: '2' } }]);

  it('expires once the whole days have passed since the next midnight, not before; other prefixes never', () => {
    const midnight = Math.ceil(T0 / DAY) * DAY;
    expect(decideLifecycle(expire2, subject(), midnight + 2 * DAY - 1)).toBeUndefined();
    expect(decideLifecycle(expire2, subject(), midnight + 2 * DAY)).toEqual({ kind: 'expire', rule: 'e' });
    expect(decideLifecycle(expire2, subject({ key: 'other/a' }), T0 + 100 * DAY)).toBeUndefined();
  });

  it('applies tag, size and Not filters; a Disabled rule does nothing', () => {
    const r = rules([{
      ID: 'f', Prefix: 'logs/', Status: 'Enabled', Expiration: { Days: '1' }, Tag: { Key: 'k', Value: 'v' },
      Filter: { ObjectSizeGreaterThan: '10', Not: { Prefix: 'logs/keep' } },
    }]);
    const later = T0 + 10 * DAY;
    const tagged = [{ key: 'k', value: 'v' }];
    expect(decideLifecycle(r, subject({ tags: tagged }), later)?.kind).toBe('expire');
    expect(decideLifecycle(r, subject(), later)).toBeUndefined();
    expect(decideLifecycle(r, subject({ tags: tagged, size: 5 }), later)).toBeUndefined();
    expect(decideLifecycle(r, subject({ tags: tagged, key: 'logs/keep/x' }), later)).toBeUndefined();
    const off = rules([{ ID: 'o', Prefix: '', Status: 'Disabled', Expiration: { Days: '1' } }]);
    expect(decideLifecycle(off, subject(), later)).toBeUndefined();
  });

  it('transitions to the coldest due class, never back to a warmer one', () => {
    const r = rules([{ ID: 't', Prefix: '', Status: 'Enabled', Transition: [{ Days: '1', StorageClass: 'IA' }, { Days: '3', StorageClass: 'Archive' }] }]);
    expect(decideLifecycle(r, subject(), T0 + 2 * DAY)).toEqual({ kind: 'transition', rule: 't', storageClass: 'IA' });
    expect(decideLifecycle(r, subject(), T0 + 10 * DAY)).toEqual({ kind: 'transition', rule: 't', storageClass: 'Archive' });
    expect(decideLifecycle(r, subject({ storageClass: 'ColdArchive' }), T0 + 10 * DAY)).toBeUndefined();
  });

  it('noncurrent versions count from when they stopped being current; a sole expired delete marker is removed', () => {
    const r = rules([{ ID: 'n', Prefix: '', Status: 'Enabled', Expiration: { ExpiredObjectDeleteMarker: 'true' }, NoncurrentVersionExpiration: { NoncurrentDays: '5' } }]);
    const old = subject({ isLatest: false, lastModified: T0 - 100 * DAY, noncurrentSince: T0 });
    expect(decideLifecycle(r, old, T0 + 3 * DAY)).toBeUndefined();
    expect(decideLifecycle(r, old, T0 + 6 * DAY)).toEqual({ kind: 'removeVersion', rule: 'n' });
    expect(decideLifecycle(r, subject({ isDeleteMarker: true, soleVersion: true }), T0)).toEqual({ kind: 'removeVersion', rule: 'n' });
    expect(decideLifecycle(r, subject({ isDeleteMarker: true, soleVersion: false }), T0)).toBeUndefined();
  });
});

describe('abortsUpload', () => {
  it('aborts uploads older than the days, or initiated before the date', () => {
    const byDays = rules([{ ID: 'a', Prefix: 'up/', Status: 'Enabled', AbortMultipartUpload: { Days: '2' } }]);
    expect(abortsUpload(byDays, 'up/x', T0, T0 + DAY)).toBe(false);
    expect(abortsUpload(byDays, 'up/x', T0, T0 + 3 * DAY)).toBe(true);
    expect(abortsUpload(byDays, 'down/x', T0, T0 + 30 * DAY)).toBe(false);
    const byDate = rules([{ ID: 'd', Prefix: '', Status: 'Enabled', AbortMultipartUpload: { CreatedBeforeDate: '2026-01-11T00:00:00.000Z' } }]);
    expect(abortsUpload(byDate, 'x', T0, T0)).toBe(true);
    expect(abortsUpload(byDate, 'x', T0 + 2 * DAY, T0 + 2 * DAY)).toBe(false);
  });
});
