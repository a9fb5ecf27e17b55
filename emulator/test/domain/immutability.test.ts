// domain/immutability.ts over plain data: which versions may be removed or replaced, and the set-ups OSS refuses.
import { describe, expect, it } from 'vitest';
import { codeOf } from './support.js';
import { checkBucketWormSetup, checkObjectWormSetup, checkRemovable, checkVersioningChange, type Removable } from '../../src/domain/immutability.js';
import { planDelete, planWrite, removedVersionId } from '../../src/domain/versioning.js';
import type { WormPolicy } from '../../src/domain/worm.js';

const DAY = 86_400_000;
const now = 100 * DAY;
const plain: Removable = { isDeleteMarker: false, lastModified: now - DAY };
const free = { bypassGovernance: false, now };
const locked: WormPolicy = { wormId: 'W', state: 'Locked', retentionDays: 2, createdAt: 0 };

describe('checkRemovable', () => {
  it('lets an unprotected version, a delete marker and a missing version go', () => {
    expect(codeOf(() => checkRemovable(plain, free))).toBe('ok');
    expect(codeOf(() => checkRemovable({ ...plain, isDeleteMarker: true, legalHold: 'ON' }, free))).toBe('ok');
    expect(codeOf(() => checkRemovable(undefined, free))).toBe('ok');
  });

  it('keeps a legal hold whatever the bypass header says', () => {
    expect(codeOf(() => checkRemovable({ ...plain, legalHold: 'ON' }, { ...free, bypassGovernance: true }))).toBe('FileImmutable');
    expect(codeOf(() => checkRemovable({ ...plain, legalHold: 'OFF' }, free))).toBe('ok');
  });

  it('keeps an unexpired retention; GOVERNANCE yields to the bypass, COMPLIANCE does not', () => {
    const until = new Date(now + DAY).toISOString();
    const gov = { ...plain, retention: { mode: 'GOVERNANCE' as const, retainUntilDate: until } };
    const comp = { ...plain, retention: { mode: 'COMPLIANCE' as const, retainUntilDate: until } };
    expect(codeOf(() => checkRemovable(gov, free))).toBe('FileImmutable');
    expect(codeOf(() => checkRemovable(gov, { ...free, bypassGovernance: true }))).toBe('ok');
    expect(codeOf(() => checkRemovable(comp, { ...free, bypassGovernance: true }))).toBe('FileImmutable');
    expect(codeOf(() => checkRemovable(comp, { ...free, now: now + 2 * DAY }))).toBe('ok');
  });

  it('keeps a version younger than the bucket retention period', () => {
    expect(codeOf(() => checkRemovable(plain, { ...free, bucketPolicy: locked }))).toBe('FileImmutable');
    expect(codeOf(() => checkRemovable({ ...plain, lastModified: now - 3 * DAY }, { ...free, bucketPolicy: locked }))).toBe('ok');
  });
});

describe('the versions a write or delete removes', () => {
  it('is the null version unless versioning is Enabled', () => {
    expect(removedVersionId(planWrite(undefined))).toBe('null');
    expect(removedVersionId(planWrite('Suspended'))).toBe('null');
    expect(removedVersionId(planWrite('Enabled'))).toBeUndefined();
    expect(removedVersionId(planDelete(undefined))).toBe('null');
    expect(removedVersionId(planDelete('Suspended'))).toBe('null');
    expect(removedVersionId(planDelete('Enabled'))).toBeUndefined();
  });
});

describe('set-ups OSS refuses (PutBucketObjectWormConfiguration usage notes, EC 0027-00000003, 0012-00000006)', () => {
  it('object-level WORM only on an Enabled bucket without a bucket retention policy', () => {
    expect(codeOf(() => checkObjectWormSetup(undefined, undefined, now))).toBe('InvalidRequest');
    expect(codeOf(() => checkObjectWormSetup('Suspended', undefined, now))).toBe('InvalidRequest');
    expect(codeOf(() => checkObjectWormSetup('Enabled', locked, now))).toBe('InvalidRequest');
    expect(codeOf(() => checkObjectWormSetup('Enabled', undefined, now))).toBe('ok');
  });

  it('a bucket retention policy only on a never-versioned bucket without ObjectWorm', () => {
    expect(codeOf(() => checkBucketWormSetup('Enabled', false))).toBe('InvalidRequest');
    expect(codeOf(() => checkBucketWormSetup('Suspended', false))).toBe('InvalidRequest');
    expect(codeOf(() => checkBucketWormSetup(undefined, true))).toBe('InvalidRequest');
    expect(codeOf(() => checkBucketWormSetup(undefined, false))).toBe('ok');
  });

  it('versioning neither enabled under a retention policy nor suspended under ObjectWorm', () => {
    expect(codeOf(() => checkVersioningChange('Enabled', locked, false, now))).toBe('InvalidRequest');
    expect(codeOf(() => checkVersioningChange('Suspended', undefined, true, now))).toBe('InvalidRequest');
    expect(codeOf(() => checkVersioningChange('Enabled', undefined, true, now))).toBe('ok');
    expect(codeOf(() => checkVersioningChange('Suspended', undefined, false, now))).toBe('ok');
  });
});
