import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESTORE_DELAYS,
  isReadable,
  parseRestoreDelays,
  parseRestoreRequest,
  planClean,
  planRestore,
  restoreHeader,
  restoreState,
} from '../../src/domain/restore.js';
import { OssError } from '../../src/domain/errors.js';

const delays = { archive: 10, Expedited: 1, Standard: 5, Bulk: 20 };
const DAY = 86_400_000;

describe('restore state (behaviour §9.10)', () => {
  it('is ongoing for the tier delay, restored for Days, then frozen again', () => {
    const r = { startedAt: 1000, days: 2, tier: 'Standard' as const };
    expect(restoreState(r, 1000 + 4999, delays).kind).toBe('ongoing');
    expect(restoreState(r, 6000, delays)).toEqual({ kind: 'restored', expiresAt: 6000 + 2 * DAY });
    expect(restoreState(r, 6000 + 2 * DAY, delays).kind).toBe('frozen');
    expect(restoreState({ startedAt: 0, days: 1 }, 9999, delays).kind).toBe('ongoing'); // Archive: its own delay
  });

  it('reads standard classes always, frozen ones only while restored', () => {
    expect(isReadable('IA', undefined, 0, delays)).toBe(true);
    expect(isReadable('Archive', undefined, 0, delays)).toBe(false);
    expect(isReadable('ColdArchive', { startedAt: 0, days: 1, tier: 'Expedited' }, 1000, delays)).toBe(true);
  });

  it('renders x-oss-restore as OSS does', () => {
    expect(restoreHeader({ kind: 'ongoing' }, String)).toBe('ongoing-request="true"');
    expect(restoreHeader({ kind: 'restored', expiresAt: 0 }, () => 'Thu, 01 Jan 1970 00:00:00 GMT')).toBe(
      'ongoing-request="false", expiry-date="Thu, 01 Jan 1970 00:00:00 GMT"',
    );
    expect(restoreHeader({ kind: 'frozen' }, String)).toBeUndefined();
  });
});

describe('planRestore / planClean', () => {
  it('starts (202), refuses while running (409), extends a restored copy (200)', () => {
    const start = planRestore('ColdArchive', undefined, { days: 1 }, 0, delays);
    expect(start).toMatchObject({ kind: 'start', status: 202, record: { tier: 'Standard', days: 1 } });
    const record = start.kind === 'start' ? start.record : undefined;
    expect(planRestore('ColdArchive', record, { days: 1 }, 1000, delays)).toEqual({ kind: 'refuse', error: 'RestoreAlreadyInProgress' });
    const ext = planRestore('ColdArchive', record, { days: 3 }, 5000 + DAY / 2, delays);
    expect(ext.kind).toBe('extend');
    if (ext.kind === 'extend') expect(restoreState(ext.record, 5000 + DAY / 2, delays)).toEqual({ kind: 'restored', expiresAt: 5000 + DAY / 2 + 3 * DAY });
    expect(planRestore('Standard', undefined, { days: 1 }, 0, delays)).toEqual({ kind: 'refuse', error: 'OperationNotSupportedRestore' });
    expect(planRestore('Archive', undefined, { days: 1 }, 0, delays)).toMatchObject({ record: { startedAt: 0, days: 1 } });
    expect(planRestore('Archive', undefined, { days: 1, tier: 'Bulk' }, 0, delays)).toEqual({ kind: 'refuse', error: 'MalformedXML' });
  });

  it('cleans only a restored copy (PY2 test_clean_restored_object codes)', () => {
    expect(planClean('ColdArchive', undefined, 0, delays)).toBe('ArchiveRestoreFileStale');
    expect(planClean('ColdArchive', { startedAt: 0, days: 1, tier: 'Bulk' }, 1000, delays)).toBe('ArchiveRestoreNotFinished');
    expect(planClean('ColdArchive', { startedAt: 0, days: 1, tier: 'Bulk' }, 20_000, delays)).toBe('clean');
    expect(planClean('IA', undefined, 0, delays)).toBe('OperationNotSupportedRestore');
  });
});

describe('parseRestoreRequest / parseRestoreDelays', () => {
  it('defaults to 1 day, reads Days and JobParameters Tier, refuses bad values', () => {
    expect(parseRestoreRequest(undefined)).toEqual({ days: 1 });
    expect(parseRestoreRequest({ RestoreRequest: { Days: 7, JobParameters: { Tier: 'Bulk' } } })).toEqual({ days: 7, tier: 'Bulk' });
    expect(() => parseRestoreRequest({ RestoreRequest: { Days: 0 } })).toThrow(OssError);
    expect(() => parseRestoreRequest({ RestoreRequest: { Days: 1, JobParameters: { Tier: 'Fast' } } })).toThrow(OssError);
    expect(() => parseRestoreRequest({ Other: {} })).toThrow(OssError);
  });

  it('parses one delay for all tiers or per tier', () => {
    expect(parseRestoreDelays('0')).toEqual({ archive: 0, Expedited: 0, Standard: 0, Bulk: 0 });
    expect(parseRestoreDelays('Bulk=9')).toEqual({ ...DEFAULT_RESTORE_DELAYS, Bulk: 9 });
    expect(() => parseRestoreDelays('Slow=1')).toThrow();
  });
});
