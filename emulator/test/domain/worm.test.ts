import { describe, expect, it } from 'vitest';
import { codeOf } from './support.js';
import * as worm from '../../src/domain/worm.js';

const DAY = 86_400_000;
const code = codeOf;

describe('retention policy state machine (behaviour §6)', () => {
  it('an InProgress policy lapses after 24 hours; a Locked one does not', () => {
    const p = worm.initiate(undefined, '3', 0);
    expect(worm.activePolicy(p, DAY - 1)).toBeDefined();
    expect(worm.activePolicy(p, DAY)).toBeUndefined();
    const locked = worm.complete(p, p.wormId, 1000);
    expect(worm.activePolicy(locked, 100 * DAY)).toBeDefined();
    expect(code(() => worm.initiate(p, '1', 10))).toBe('WORMConfigurationAlreadyExists');
    expect(code(() => worm.initiate(p, '1', DAY))).toBe('ok');
  });

  it('abort only InProgress; extend only Locked and longer; ids must match', () => {
    const p = worm.initiate(undefined, '3', 0);
    expect(code(() => worm.abort(p, 1))).toBe('ok');
    expect(code(() => worm.complete(p, 'other', 1))).toBe('NoSuchWORMConfiguration');
    const locked = worm.complete(p, p.wormId, 1);
    expect(code(() => worm.abort(locked, 2))).toBe('WORMConfigurationLocked');
    expect(code(() => worm.extend(locked, locked.wormId, '2', 2))).toBe('InvalidWORMConfiguration');
    expect(worm.extend(locked, locked.wormId, '4', 2).retentionDays).toBe(4);
    expect(code(() => worm.extend(p, p.wormId, '4', 2))).toBe('InvalidWORMConfiguration');
    expect(code(() => worm.initiate(undefined, '25551', 0))).toBe('InvalidWORMConfiguration');
  });

  it('protects an object for the retention period from its Last-Modified', () => {
    const p = worm.initiate(undefined, '2', 0);
    const locked = worm.complete(p, p.wormId, 0);
    expect(worm.isProtected(10 * DAY, locked, 11 * DAY)).toBe(true);
    expect(worm.isProtected(10 * DAY, locked, 12 * DAY)).toBe(false);
    expect(worm.isProtected(10 * DAY, undefined, 11 * DAY)).toBe(false);
  });

  it('copy rule: documented refuses any WORM bucket; protected-only leaves the overwrite to the landing funnel', () => {
    const p: worm.WormPolicy = { wormId: 'X', state: 'Locked', retentionDays: 1, createdAt: 0 };
    expect(code(() => worm.checkCopy('documented', p, undefined, 10))).toBe('FileImmutable');
    expect(code(() => worm.checkCopy('documented', undefined, p, 10))).toBe('FileImmutable');
    expect(code(() => worm.checkCopy('documented', undefined, undefined, 10))).toBe('ok');
    expect(code(() => worm.checkCopy('protected-only', p, p, 10))).toBe('ok');
  });
});
